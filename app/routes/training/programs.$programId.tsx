import { data, Link, redirect } from "react-router";
import type { Route } from "./+types/programs.$programId";
import type { FieldErrors } from "../../components/form.tsx";
import { useT } from "../../i18n/use-t.ts";
import { actorOf, guard, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { revalidateAfterConflict } from "../../modules/forms/conflict.ts";
import { isUuid, versionField } from "../../modules/forms/fields.ts";
import { readForm } from "../../modules/forms/read-form.server.ts";
import { pageTitle } from "../../i18n/page-title.ts";
import { listPrograms } from "../../modules/training/list-training.server.ts";
import { ProgramForm } from "../../components/training/program-form.tsx";
import { programValuesFrom } from "../../modules/training/program-form-values.ts";
import { PROGRAM_ARRAYS, parseProgramForm, programModuleKinds } from "../../modules/training/program-schema.ts";
import { updateProgram } from "../../modules/training/save-program.server.ts";
import { respond } from "../../modules/outcome/respond.server.ts";

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

// A 409 reloads the program as it is now (its version and values).
export const shouldRevalidate = revalidateAfterConflict;

export async function action(args: Route.ActionArgs) {
  const { user, partnershipId, program } = await scoped(args);
  const read = await readForm(args.request, { arrays: PROGRAM_ARRAYS });
  if (!read.ok) return data({ errors: read.errors as FieldErrors, values: programValuesFrom(read.values), formError: "form.errors" }, { status: 400 });
  const version = versionField.safeParse(read.values.version);
  const parsed = parseProgramForm(read.values);
  if (!parsed.ok || !version.success) {
    return data({ errors: (parsed.ok ? {} : parsed.errors) as FieldErrors, values: programValuesFrom(read.values), formError: version.success ? "form.errors" : "form.invalid" }, { status: 400 });
  }
  const result = await updateProgram(args.context.db, actorOf(user, args.context), { partnershipId, programId: program.id, version: version.data, data: parsed.data });
  // After a conflict, not the stale values: the page shows the program as the other person left it.
  return respond(result, () => redirect("/training?saved=1"), { conflict: { values: undefined } });
}

export default function EditProgram({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useT();
  const values = actionData && "values" in actionData && actionData.values ? actionData.values : loaderData.values;
  return (
    <>
      <p>
        <Link to="/training">{t("training.title")}</Link>
      </p>
      <h1>{t("trainingEval.program.editHeading", { name: locale === "en" ? loaderData.values.nameEn : loaderData.values.nameFr })}</h1>
      {/* Keyed by version: after a 409 the fields show the current program, not the stale one. */}
      <ProgramForm key={loaderData.version} values={values} errors={actionData?.errors} formError={actionData && "formError" in actionData ? actionData.formError : undefined} version={loaderData.version} submitLabel={t("form.save")} />
    </>
  );
}
