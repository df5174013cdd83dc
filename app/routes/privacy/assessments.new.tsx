import { Form, Link, redirect } from "react-router";
import type { Route } from "./+types/assessments.new";
import { ErrorSummary } from "../../components/form.tsx";
import { AssessmentFields } from "../../components/privacy/assessment-fields.tsx";
import { SubmissionKey } from "../../components/submission-key.tsx";
import { pageTitle } from "../../i18n/page-title.ts";
import { useT } from "../../i18n/use-t.ts";
import { actorOf, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { parseForm } from "../../modules/forms/read-form.server.ts";
import { submissionOf } from "../../modules/forms/submit-once.server.ts";
import { createOnce } from "../../modules/outcome/create-once.server.ts";
import { invalidFields } from "../../modules/outcome/outcome.ts";
import { respond } from "../../modules/outcome/respond.server.ts";
import { keepsTableRegister, privacyGuard } from "../../modules/privacy/privacy-access.server.ts";
import { assessmentSchema } from "../../modules/privacy/privacy-schema.ts";
import { createAssessment } from "../../modules/privacy/save-assessment.server.ts";

/** The Table's privacy officer records an EFVP. */
export const policy = needs("privacy.manage");

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "privacy.assessments.new");

async function scoped(args: Route.LoaderArgs | Route.ActionArgs) {
  const guarded = await privacyGuard(args, policy);
  if (!keepsTableRegister(guarded.access)) notFound();
  return guarded;
}

export async function loader(args: Route.LoaderArgs) {
  await scoped(args);
  return null;
}

export async function action(args: Route.ActionArgs) {
  const { user, access } = await scoped(args);
  const input = await parseForm(args.request, assessmentSchema);
  const outcome = input.ok
    ? await createOnce(args.context.db, submissionOf(input.values, "privacy.assessments.new", user.accountId), (tx) => createAssessment(tx, actorOf(user, args.context), access, input.data), () => "/privacy/assessments?saved=assessment")
    : invalidFields(input.errors, "form.errors");
  return respond(outcome, (location) => redirect(location), { body: { values: input.values } });
}

export default function NewAssessment({ actionData }: Route.ComponentProps) {
  const { t } = useT();
  return (
    <>
      <p>
        <Link to="/privacy/assessments">{t("privacy.assessments.title")}</Link>
      </p>
      <h1>{t("privacy.assessments.new")}</h1>
      <Form method="post" className="stack">
        <SubmissionKey />
        <ErrorSummary errors={actionData?.errors} formError={actionData?.formError} />
        <AssessmentFields values={actionData?.values ?? {}} errors={actionData?.errors} />
        <div className="actions">
          <button type="submit">{t("privacy.save")}</button>
        </div>
      </Form>
    </>
  );
}
