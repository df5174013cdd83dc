import { Form, Link, redirect } from "react-router";
import type { Route } from "./+types/reports.new";
import { ErrorSummary, Field } from "../../components/form.tsx";
import { SubmissionKey } from "../../components/submission-key.tsx";
import { ReportFields } from "../../components/evaluation-reports/report-fields.tsx";
import { pageTitle } from "../../i18n/page-title.ts";
import { useT } from "../../i18n/use-t.ts";
import { actorOf } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { evaluationGuard } from "../../modules/evaluation-reports/evaluation-route.server.ts";
import { createReport } from "../../modules/evaluation-reports/create-report.server.ts";
import { reportSchema } from "../../modules/evaluation-reports/report-schema.ts";
import { acceptAttribute, pdfOnly } from "../../modules/files/file-types.ts";
import { readUpload } from "../../modules/files/read-upload.server.ts";
import { parseForm } from "../../modules/forms/read-form.server.ts";
import { submissionOf } from "../../modules/forms/submit-once.server.ts";
import { createOnce } from "../../modules/outcome/create-once.server.ts";
import { invalidFields } from "../../modules/outcome/outcome.ts";
import { respond } from "../../modules/outcome/respond.server.ts";

/** The evaluator files a report; its findings and recommendations follow on its page. */
export const policy = needs("evaluation.report");

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "evalReports.new");

export async function loader(args: Route.LoaderArgs) {
  const { user } = await evaluationGuard(args, policy);
  return { evaluatorName: `${user.givenName} ${user.familyName}`.trim() };
}

export async function action(args: Route.ActionArgs) {
  const { user, access } = await evaluationGuard(args, policy);
  // The body is capped at the upload limit before it is read (UPLOAD_PATHS).
  const input = await parseForm(args.request, reportSchema, { files: ["pdf"] });
  const values = input.values;
  const upload = await readUpload(input.ok ? input.form : new FormData(), "pdf", pdfOnly);
  const uploadError = upload.ok || upload.error === "missing" ? null : `evalReports.upload.${upload.error}`;
  const outcome = uploadError
    ? invalidFields({ ...(input.ok ? {} : input.errors), pdf: [uploadError] }, "form.errors")
    : input.ok
    ? await createOnce(
        args.context.db,
        submissionOf(values, "evaluation.reports.new", user.accountId),
        (tx) => createReport(tx, actorOf(user, args.context), access, input.data, upload.ok ? upload.upload : null),
        (id) => `/evaluation/reports/${id}?saved=created`,
      )
    : invalidFields(input.errors, "form.errors");
  return respond(outcome, (location) => redirect(location), { body: { values } });
}

export default function NewEvaluationReport({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const values = actionData?.values ?? { evaluatorName: loaderData.evaluatorName };
  return (
    <>
      <p>
        <Link to="/evaluation/reports">{t("evalReports.title")}</Link>
      </p>
      <h1>{t("evalReports.new")}</h1>
      <Form method="post" className="stack" encType="multipart/form-data">
        <SubmissionKey />
        <ErrorSummary errors={actionData?.errors} formError={actionData?.formError} />
        <ReportFields values={values} errors={actionData?.errors} />
        <Field name="pdf" type="file" accept={acceptAttribute(pdfOnly)} label={t("evalReports.form.pdf")} hint={t("evalReports.form.pdf.hint")} errors={actionData?.errors} />
        <div className="actions">
          <button type="submit">{t("evalReports.form.create")}</button>
        </div>
      </Form>
    </>
  );
}
