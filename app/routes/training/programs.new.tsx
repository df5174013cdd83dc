import { data, Link, redirect } from "react-router";
import type { Route } from "./+types/programs.new";
import type { FieldErrors } from "../../components/form.tsx";
import { readForm } from "../../modules/forms/read-form.server.ts";
import { created, submissionOf, submitOnce } from "../../modules/forms/submit-once.server.ts";
import { useT } from "../../i18n/use-t.ts";
import { actorOf, guard, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { pageTitle } from "../../i18n/page-title.ts";
import { ProgramForm } from "../../components/training/program-form.tsx";
import { programValuesFrom, type ProgramFormValues } from "../../modules/training/program-form-values.ts";
import { PROGRAM_ARRAYS, parseProgramForm } from "../../modules/training/program-schema.ts";
import { createProgram } from "../../modules/training/save-program.server.ts";

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
  const read = await readForm(args.request, { arrays: PROGRAM_ARRAYS });
  if (!read.ok) return data({ errors: read.errors as FieldErrors, values: programValuesFrom(read.values), formError: "form.errors" }, { status: 400 });
  const parsed = parseProgramForm(read.values);
  if (!parsed.ok) return data({ errors: parsed.errors as FieldErrors, values: programValuesFrom(read.values), formError: "form.errors" }, { status: 400 });
  const submission = submissionOf(read.values, "training.programs.new", user.accountId);
  if (!submission) return data({ errors: {} as FieldErrors, values: programValuesFrom(read.values), formError: "form.expired" }, { status: 400 });
  const partnershipId = user.partnershipId;
  // A program create is never refused once the form is valid: the overview, at the new program
  // (every identical submission lands there too).
  const outcome = await submitOnce<never>(args.context.db, submission, async (tx) =>
    created(`/training?saved=1#program-${await createProgram(tx, actorOf(user, args.context), partnershipId, parsed.data)}`),
  );
  return redirect(outcome.created ? outcome.location : "/training");
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
      <ProgramForm values={actionData?.values ?? blank} errors={actionData?.errors} formError={actionData?.formError} submitLabel={t("trainingEval.program.create")} create />
    </>
  );
}
