import { data, Link, redirect } from "react-router";
import type { Route } from "./+types/training.programs.new";
import type { FieldErrors } from "../components/form.tsx";
import { useT } from "../i18n/use-t.ts";
import { actorOf, guard, notFound } from "../modules/authz/guard.server.ts";
import { needs } from "../modules/authz/policy.ts";
import { pageTitle } from "../modules/pathway/pathway-ui.tsx";
import { ProgramForm, programValuesFrom, type ProgramFormValues } from "../modules/training/program-form.tsx";
import { parseProgramForm } from "../modules/training/program-schema.ts";
import { createProgram } from "../modules/training/save-program.server.ts";

/** Adds a training program (other than the basic 2-day one). */
export const policy = needs("training.manage");

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "trainingEval.program.new");

export async function loader(args: Route.LoaderArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId) notFound();
  return null;
}

export async function action(args: Route.ActionArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId) notFound();
  const form = await args.request.formData();
  const parsed = parseProgramForm(form);
  if (!parsed.ok) return data({ errors: parsed.errors as FieldErrors, values: programValuesFrom(form) }, { status: 400 });
  await createProgram(args.context.db, actorOf(user, args.context), user.partnershipId, parsed.data);
  return redirect("/training?saved=1");
}

const blank: ProgramFormValues = { nameFr: "", nameEn: "", summaryFr: "", summaryEn: "", guideModules: [], days: [] };

export default function NewProgram({ actionData }: Route.ComponentProps) {
  const { t } = useT();
  return (
    <>
      <p>
        <Link to="/training">{t("training.title")}</Link>
      </p>
      <h1>{t("trainingEval.program.new")}</h1>
      <ProgramForm values={actionData?.values ?? blank} errors={actionData?.errors} submitLabel={t("trainingEval.program.create")} />
    </>
  );
}
