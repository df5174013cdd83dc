import { Form, Link, redirect } from "react-router";
import type { Route } from "./+types/assessments.$assessmentId";
import { ErrorSummary } from "../../components/form.tsx";
import { AssessmentFields } from "../../components/privacy/assessment-fields.tsx";
import { pageTitle } from "../../i18n/page-title.ts";
import { useT } from "../../i18n/use-t.ts";
import { actorOf, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { revalidateAfterConflict } from "../../modules/forms/conflict.ts";
import { isUuid } from "../../modules/forms/fields.ts";
import { parseForm } from "../../modules/forms/read-form.server.ts";
import { invalidFields, map } from "../../modules/outcome/outcome.ts";
import { respond } from "../../modules/outcome/respond.server.ts";
import { keepsTableRegister, privacyGuard } from "../../modules/privacy/privacy-access.server.ts";
import { assessmentEditSchema } from "../../modules/privacy/privacy-schema.ts";
import { loadAssessment, updateAssessment } from "../../modules/privacy/save-assessment.server.ts";

/** One EFVP, edited by the Table's privacy officer (version checked). */
export const policy = needs("privacy.manage");

export const meta: Route.MetaFunction = ({ matches, data: d }) => pageTitle(matches, "privacy.assessments.edit", undefined, d?.assessment.title);

async function scoped(args: Route.LoaderArgs | Route.ActionArgs) {
  const guarded = await privacyGuard(args, policy);
  const id = args.params.assessmentId;
  if (!keepsTableRegister(guarded.access) || !isUuid(id)) notFound();
  const assessment = await loadAssessment(args.context.db, guarded.access.partnershipId, id.toLowerCase());
  if (!assessment) notFound();
  return { ...guarded, assessment };
}

export async function loader(args: Route.LoaderArgs) {
  const { assessment } = await scoped(args);
  return { assessment };
}

export const shouldRevalidate = revalidateAfterConflict;

export async function action(args: Route.ActionArgs) {
  const { user, access, assessment } = await scoped(args);
  const input = await parseForm(args.request, assessmentEditSchema);
  if (!input.ok) return respond(invalidFields(input.errors, "form.errors"), () => null, { body: { values: input.values } });
  const { version, ...fields } = input.data;
  const outcome = map(await updateAssessment(args.context.db, actorOf(user, args.context), access, assessment.id, version, fields), () => "/privacy/assessments?saved=assessment");
  return respond(outcome, (location) => redirect(location), { body: { values: input.values }, conflict: { values: undefined } });
}

export default function EditAssessment({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const { assessment } = loaderData;
  return (
    <>
      <p>
        <Link to="/privacy/assessments">{t("privacy.assessments.title")}</Link>
      </p>
      <h1>{assessment.title}</h1>
      <Form method="post" className="stack" key={assessment.version}>
        <input type="hidden" name="version" value={assessment.version} />
        <ErrorSummary errors={actionData?.errors} formError={actionData?.formError} />
        <AssessmentFields values={actionData?.values ?? assessment} errors={actionData?.errors} />
        <div className="actions">
          <button type="submit">{t("privacy.save")}</button>
        </div>
      </Form>
    </>
  );
}
