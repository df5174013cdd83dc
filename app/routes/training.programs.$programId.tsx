import { data, Link, redirect } from "react-router";
import type { Route } from "./+types/training.programs.$programId";
import type { FieldErrors } from "../components/form.tsx";
import { useT } from "../i18n/use-t.ts";
import { actorOf, guard, notFound } from "../modules/authz/guard.server.ts";
import { needs } from "../modules/authz/policy.ts";
import { isUuid, versionField } from "../modules/forms/fields.ts";
import { pageTitle } from "../modules/pathway/pathway-ui.tsx";
import { listPrograms } from "../modules/training/list-training.server.ts";
import { ProgramForm, programValuesFrom } from "../modules/training/program-form.tsx";
import { parseProgramForm, programModuleKinds } from "../modules/training/program-schema.ts";
import { updateProgram } from "../modules/training/save-program.server.ts";

/** Edits a program: names, summary, days with objectives, guide modules covered. */
export const policy = needs("training.manage");

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "trainingEval.program.edit");

async function scoped(args: Route.LoaderArgs | Route.ActionArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId || !isUuid(args.params.programId)) notFound();
  const program = (await listPrograms(args.context.db, user.partnershipId)).find((p) => p.id === args.params.programId);
  if (!program) notFound();
  return { user, partnershipId: user.partnershipId, program };
}

export async function loader(args: Route.LoaderArgs) {
  const { program } = await scoped(args);
  return {
    version: program.version,
    values: {
      nameFr: program.nameFr,
      nameEn: program.nameEn,
      summaryFr: program.summaryFr,
      summaryEn: program.summaryEn,
      guideModules: programModuleKinds(program.guideModules) as string[],
      days: program.days,
    },
  };
}

export async function action(args: Route.ActionArgs) {
  const { user, partnershipId, program } = await scoped(args);
  const form = await args.request.formData();
  const version = versionField.safeParse(form.get("version"));
  const parsed = parseProgramForm(form);
  if (!parsed.ok || !version.success) {
    return data({ errors: (parsed.ok ? {} : parsed.errors) as FieldErrors, values: programValuesFrom(form), formError: version.success ? undefined : "form.invalid" }, { status: 400 });
  }
  const result = await updateProgram(args.context.db, actorOf(user, args.context), { partnershipId, programId: program.id, version: version.data, data: parsed.data });
  if (result === "not_found") notFound();
  if (result === "conflict") return data({ errors: {} as FieldErrors, values: programValuesFrom(form), formError: "form.conflict" }, { status: 409 });
  return redirect("/training?saved=1");
}

export default function EditProgram({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useT();
  const values = actionData?.values ?? loaderData.values;
  return (
    <>
      <p>
        <Link to="/training">{t("training.title")}</Link>
      </p>
      <h1>{t("trainingEval.program.editHeading", { name: locale === "en" ? loaderData.values.nameEn : loaderData.values.nameFr })}</h1>
      <ProgramForm values={values} errors={actionData?.errors} formError={actionData && "formError" in actionData ? actionData.formError : undefined} version={loaderData.version} submitLabel={t("form.save")} />
    </>
  );
}
