import { Form, Link, redirect } from "react-router";
import { EvaluationNav } from "../../components/evaluation/evaluation-nav.tsx";
import type { Route } from "./+types/reports.$reportId";
import { ErrorSummary, Field } from "../../components/form.tsx";
import { SavedNotice } from "../../components/saved-notice.tsx";
import { ConfirmDelete } from "../../components/forms/confirm-delete.tsx";
import { SubmissionKey } from "../../components/submission-key.tsx";
import { RecommendationSummaryBlock } from "../../components/evaluation-reports/evaluation-ui.tsx";
import { RecommendationFields, ReportFields } from "../../components/evaluation-reports/report-fields.tsx";
import type { MessageKey } from "../../i18n/catalog.ts";
import { pageTitle } from "../../i18n/page-title.ts";
import { useDay, useT } from "../../i18n/use-t.ts";
import { actorOf, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import type { AuditActor } from "../../modules/audit/record-audit-event.server.ts";
import { addFinding, addRecommendation, removeFinding, updateReport } from "../../modules/evaluation-reports/create-report.server.ts";
import { evaluationGuard, requirePermission } from "../../modules/evaluation-reports/evaluation-route.server.ts";
import type { EvaluationAccess } from "../../modules/evaluation-reports/history.server.ts";
import { getReport } from "../../modules/evaluation-reports/list-reports.server.ts";
import { attachReportPdf } from "../../modules/evaluation-reports/report-pdf.server.ts";
import { acceptAttribute, pdfOnly } from "../../modules/files/file-types.ts";
import { readUpload } from "../../modules/files/read-upload.server.ts";
import { findingRemovalSchema, findingSchema, pdfAttachSchema, recommendationSchema, reportEditSchema } from "../../modules/evaluation-reports/report-schema.ts";
import { revalidateAfterConflict } from "../../modules/forms/conflict.ts";
import { dispatchIntent } from "../../modules/forms/dispatch-intent.ts";
import { isUuid } from "../../modules/forms/fields.ts";
import { parseValues, readForm, type FormRead } from "../../modules/forms/read-form.server.ts";
import { requestUrl } from "../../modules/forms/request-url.ts";
import { submissionOf } from "../../modules/forms/submit-once.server.ts";
import { createOnce } from "../../modules/outcome/create-once.server.ts";
import { invalidFields, map, type Outcome } from "../../modules/outcome/outcome.ts";
import { respond } from "../../modules/outcome/respond.server.ts";
import { quebecDay } from "../../modules/time/days.ts";

/** A report: its findings in order, its numbered recommendations and where each stands. */
export const policy = needs("evaluation.view");

export const meta: Route.MetaFunction = ({ matches, data: d }) => pageTitle(matches, "evalReports.report", undefined, d?.report.title);

async function scoped(args: Route.LoaderArgs | Route.ActionArgs) {
  const guarded = await evaluationGuard(args, policy);
  const id = args.params.reportId;
  if (!isUuid(id)) notFound();
  // Another Table's report reads exactly like a missing one.
  const page = await getReport(args.context.db, guarded.access.partnershipId, id.toLowerCase(), quebecDay(new Date()));
  if (!page) notFound();
  return { ...guarded, page };
}

export async function loader(args: Route.LoaderArgs) {
  const { page, mayReport } = await scoped(args);
  return { ...page, mayReport, saved: requestUrl(args.request).searchParams.get("saved") };
}

export const shouldRevalidate = revalidateAfterConflict;

type Ctx = { db: Route.ActionArgs["context"]["db"]; actor: AuditActor; access: EvaluationAccess; accountId: string; id: string; read: Extract<FormRead, { ok: true }> };

const intents = {
  // Creates run once per submission key: a double click adds one finding.
  finding: async (c: Ctx): Promise<Outcome<string>> => {
    const parsed = parseValues(c.read, findingSchema);
    if (!parsed.ok) return invalidFields(parsed.errors, "form.errors");
    return createOnce(c.db, submissionOf(c.read.values, "evaluation.reports.$reportId:finding", c.accountId), (tx) => addFinding(tx, c.actor, c.access, c.id, parsed.data.text), () => `/evaluation/reports/${c.id}?saved=finding#findings-title`);
  },
  removeFinding: async (c: Ctx): Promise<Outcome<string>> => {
    const parsed = parseValues(c.read, findingRemovalSchema);
    if (!parsed.ok) return invalidFields(parsed.errors, "form.errors");
    return map(await removeFinding(c.db, c.actor, c.access, c.id, parsed.data.findingId), () => `/evaluation/reports/${c.id}?saved=findingRemoved#findings-title`);
  },
  recommendation: async (c: Ctx): Promise<Outcome<string>> => {
    const parsed = parseValues(c.read, recommendationSchema);
    if (!parsed.ok) return invalidFields(parsed.errors, "form.errors");
    return createOnce(c.db, submissionOf(c.read.values, "evaluation.reports.$reportId:recommendation", c.accountId), (tx) => addRecommendation(tx, c.actor, c.access, c.id, parsed.data), (recId) => `/evaluation/recommendations/${recId}?saved=recommendation`);
  },
  // A PDF after filing, or a corrected one in its place (the report's version guards it).
  pdf: async (c: Ctx): Promise<Outcome<string>> => {
    const parsed = parseValues(c.read, pdfAttachSchema);
    const upload = await readUpload(c.read.form, "pdf", pdfOnly);
    if (!parsed.ok || !upload.ok) {
      const pdf = upload.ok ? {} : { pdf: [upload.error === "missing" ? "form.required" : `evalReports.upload.${upload.error}`] };
      return invalidFields({ ...(parsed.ok ? {} : parsed.errors), ...pdf }, "form.errors");
    }
    return map(await attachReportPdf(c.db, c.actor, c.access, c.id, parsed.data.version, upload.upload), () => `/evaluation/reports/${c.id}?saved=pdf`);
  },
  report: async (c: Ctx): Promise<Outcome<string>> => {
    const parsed = parseValues(c.read, reportEditSchema);
    if (!parsed.ok) return invalidFields(parsed.errors, "form.errors");
    const { version, ...input } = parsed.data;
    return map(await updateReport(c.db, c.actor, c.access, c.id, version, input), () => `/evaluation/reports/${c.id}?saved=report`);
  },
};

export async function action(args: Route.ActionArgs) {
  const { user, access, page } = await scoped(args);
  // Reports, findings and recommendations are the evaluator's to write.
  await requirePermission(args, user, "evaluation.report");
  // The body is capped at the upload limit (the PDF form) before it is read (UPLOAD_PATHS).
  const read = await readForm(args.request, { files: ["pdf"] });
  const intent = read.ok || typeof read.values.intent === "string" ? String(read.values.intent ?? "") : "";
  const result = read.ok
    ? await dispatchIntent(intent, intents, { db: args.context.db, actor: actorOf(user, args.context), access, accountId: user.accountId, id: page.report.id, read }, () => invalidFields({}, "form.invalid"))
    : invalidFields(read.errors, "form.errors");
  return respond(result, (location) => redirect(location), { body: { intent, values: read.values }, conflict: { values: undefined } });
}

export default function EvaluationReport({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const day = useDay();
  const { report, findings, recommendations, pdf, mayReport, saved } = loaderData;
  const failed = (intent: string) => (actionData?.intent === intent ? actionData : null);
  return (
    <>
      <p>
        <Link to="/evaluation/reports">{t("evalReports.title")}</Link>
      </p>
      <h1>{report.title}</h1>
      <EvaluationNav />
      {saved ? <SavedNotice message={`evalReports.saved.${saved}` as MessageKey} /> : null}
      <dl className="summary">
        <dt>{t("evalReports.evaluator")}</dt>
        <dd>
          {report.evaluatorName}
          {report.institution ? `, ${report.institution}` : null}
        </dd>
        <dt>{t("evalReports.reportOn")}</dt>
        <dd>{day(report.reportOn)}</dd>
        <dt>{t("evalReports.kind")}</dt>
        <dd>{t(`evalReports.kind.${report.kind}` as MessageKey)}</dd>
        <dt>{t("evalReports.form.responseDueOn")}</dt>
        <dd>{day(report.responseDueOn)}</dd>
        {pdf ? (
          <>
            <dt>{t("evalReports.pdf")}</dt>
            <dd>
              <a href={`/evaluation/reports/${report.id}/pdf`}>{pdf.fileName}</a>
            </dd>
          </>
        ) : null}
      </dl>
      {mayReport ? (
        <details className="edit-panel" open={failed("pdf") ? true : undefined}>
          <summary>{t(pdf ? "evalReports.pdf.replace" : "evalReports.pdf.attach")}</summary>
          <Form method="post" className="stack" encType="multipart/form-data" key={`pdf-${report.version}`}>
            <ErrorSummary errors={failed("pdf")?.errors} formError={failed("pdf")?.formError} />
            <input type="hidden" name="intent" value="pdf" />
            <input type="hidden" name="version" value={report.version} />
            <Field idPrefix="attach" name="pdf" type="file" accept={acceptAttribute(pdfOnly)} label={t("evalReports.form.pdf")} hint={t("evalReports.form.pdf.hint")} required errors={failed("pdf")?.errors} />
            <div className="actions">
              <button type="submit" className="secondary">
                {t(pdf ? "evalReports.pdf.replace" : "evalReports.pdf.attach")}
              </button>
            </div>
          </Form>
        </details>
      ) : null}
      <section aria-labelledby="findings-title">
        <h2 id="findings-title">{t("evalReports.findings")}</h2>
        {findings.length ? (
          <ol className="findings">
            {findings.map((f, i) => (
              <li key={f.id}>
                {f.text}
                {mayReport ? <ConfirmDelete name={t("evalReports.finding.numbered", { number: i + 1 })} summary={t("evalReports.finding.remove")} fields={{ intent: "removeFinding", findingId: f.id }} /> : null}
              </li>
            ))}
          </ol>
        ) : (
          <p>{t("evalReports.findings.none")}</p>
        )}
        {mayReport ? (
          <Form method="post" className="stack" key={findings.length}>
            <ErrorSummary errors={failed("finding")?.errors} formError={failed("finding")?.formError} />
            <input type="hidden" name="intent" value="finding" />
            <SubmissionKey />
            <Field idPrefix="finding" name="text" label={t("evalReports.finding.text")} multiline required errors={failed("finding")?.errors} />
            <div className="actions">
              <button type="submit" className="secondary">
                {t("evalReports.finding.add")}
              </button>
            </div>
          </Form>
        ) : null}
      </section>
      <section aria-labelledby="recommendations-title">
        <h2 id="recommendations-title">{t("evalReports.recommendations")}</h2>
        {recommendations.length ? (
          <ol className="plain-list recommendations">
            {recommendations.map((r) => (
              <li key={r.id} value={r.number}>
                <h3>
                  <Link to={`/evaluation/recommendations/${r.id}`}>{t("evalReports.recommendation.number", { number: r.number })}</Link>
                </h3>
                <RecommendationSummaryBlock r={r} />
              </li>
            ))}
          </ol>
        ) : (
          <p>{t("evalReports.recommendations.none")}</p>
        )}
        {mayReport ? (
          <Form method="post" className="stack" key={recommendations.length}>
            <h3>{t("evalReports.recommendation.add")}</h3>
            <ErrorSummary errors={failed("recommendation")?.errors} formError={failed("recommendation")?.formError} />
            <input type="hidden" name="intent" value="recommendation" />
            <SubmissionKey />
            <RecommendationFields values={failed("recommendation")?.values ?? {}} errors={failed("recommendation")?.errors} />
            <div className="actions">
              <button type="submit">{t("evalReports.recommendation.add")}</button>
            </div>
          </Form>
        ) : null}
      </section>
      {mayReport ? (
        <section aria-labelledby="edit-title">
          <h2 id="edit-title">{t("evalReports.editReport")}</h2>
          {/* Keyed by version: after a 409 the fields show the current report. */}
          <Form method="post" className="stack" key={report.version}>
            <ErrorSummary errors={failed("report")?.errors} formError={failed("report")?.formError} />
            <input type="hidden" name="intent" value="report" />
            <input type="hidden" name="version" value={report.version} />
            <ReportFields idPrefix="edit" values={failed("report")?.values ?? report} errors={failed("report")?.errors} />
            <div className="actions">
              <button type="submit" className="secondary">
                {t("evalReports.save")}
              </button>
            </div>
          </Form>
        </section>
      ) : null}
    </>
  );
}
