import { Form, Link, redirect } from "react-router";
import type { Route } from "./+types/reports.$reportId";
import { ErrorSummary, Field } from "../../components/form.tsx";
import { SavedNotice } from "../../components/saved-notice.tsx";
import { CountGrid } from "../../components/statistics/count-grid.tsx";
import { named, ReportHistory, StatisticsNav, usePeriodLabel, useStatusLabel } from "../../components/statistics/statistics-ui.tsx";
import type { MessageKey } from "../../i18n/catalog.ts";
import { pageTitle } from "../../i18n/page-title.ts";
import { useDay, useT } from "../../i18n/use-t.ts";
import { actorOf, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import type { AuditActor } from "../../modules/audit/record-audit-event.server.ts";
import { revalidateAfterConflict } from "../../modules/forms/conflict.ts";
import { dispatchIntent } from "../../modules/forms/dispatch-intent.ts";
import { isUuid } from "../../modules/forms/fields.ts";
import { parseValues, readForm, type FormRead } from "../../modules/forms/read-form.server.ts";
import { requestUrl } from "../../modules/forms/request-url.ts";
import { invalidFields, map, type Outcome } from "../../modules/outcome/outcome.ts";
import { respond } from "../../modules/outcome/respond.server.ts";
import { reopenReport, reviewReport } from "../../modules/statistics/change-report.server.ts";
import { getReport } from "../../modules/statistics/get-report.server.ts";
import { reopenSchema, reviewSchema } from "../../modules/statistics/report-schema.ts";
import { statisticsGuard } from "../../modules/statistics/statistics-route.server.ts";
import type { ReportAccess } from "../../modules/statistics/submissions.server.ts";
import { quebecDay } from "../../modules/time/days.ts";

/** The Table coordinator reviews an organization's report: exact counts, approve (lock) or return, reopen with a reason. */
export const policy = needs("statistics.review");

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "statistics.review.title");

async function scoped(args: Route.LoaderArgs | Route.ActionArgs) {
  const g = await statisticsGuard(args, policy);
  const id = args.params.reportId;
  if (!isUuid(id)) notFound();
  const report = await getReport(args.context.db, g.partnershipId, id.toLowerCase(), quebecDay(new Date()));
  if (!report?.submission) notFound();
  const access: ReportAccess = { partnershipId: g.partnershipId, personId: g.personId, organizationId: null };
  return { ...g, report, submission: report.submission, access };
}

export async function loader(args: Route.LoaderArgs) {
  const { report, mayDefine, mayReview } = await scoped(args);
  return { report, mayDefine, mayReview, saved: requestUrl(args.request).searchParams.get("saved") };
}

export const shouldRevalidate = revalidateAfterConflict;

type Ctx = { db: Route.ActionArgs["context"]["db"]; actor: AuditActor; access: ReportAccess; id: string; read: Extract<FormRead, { ok: true }> };

const intents = {
  review: async (c: Ctx): Promise<Outcome<string>> => {
    const parsed = parseValues(c.read, reviewSchema);
    if (!parsed.ok) return invalidFields(parsed.errors, "form.errors");
    const decided = await reviewReport(c.db, c.actor, c.access, c.id, parsed.data, new Date());
    return map(decided, () => `/statistics/reports/${c.id}?saved=${parsed.data.decision === "approve" ? "approved" : "returned"}`);
  },
  reopen: async (c: Ctx): Promise<Outcome<string>> => {
    const parsed = parseValues(c.read, reopenSchema);
    if (!parsed.ok) return invalidFields(parsed.errors, "form.errors");
    return map(await reopenReport(c.db, c.actor, c.access, c.id, parsed.data), () => `/statistics/reports/${c.id}?saved=reopened`);
  },
};

export async function action(args: Route.ActionArgs) {
  const { user, access, submission } = await scoped(args);
  const read = await readForm(args.request);
  const intent = read.ok || typeof read.values.intent === "string" ? String(read.values.intent ?? "") : "";
  const result = read.ok
    ? await dispatchIntent(intent, intents, { db: args.context.db, actor: actorOf(user, args.context), access, id: submission.id, read }, () => invalidFields({}, "form.invalid"))
    : invalidFields(read.errors, "form.errors");
  return respond(result, (location) => redirect(location), { body: { intent, values: read.values }, conflict: { values: undefined } });
}

export default function StatisticsReport({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useT();
  const day = useDay();
  const periodLabel = usePeriodLabel();
  const statusLabel = useStatusLabel();
  const { report, mayDefine, mayReview, saved } = loaderData;
  const submission = report.submission!;
  const failed = (intent: string) => (actionData?.intent === intent ? actionData : null);
  const values = failed("review")?.values as Record<string, string> | undefined;
  return (
    <>
      <p>
        <Link to="/statistics">{t("statistics.entry.back")}</Link>
      </p>
      <h1>{t("statistics.report.heading", { organization: named(locale, report.organization), set: named(locale, report.set), period: periodLabel(report.period.key) })}</h1>
      <StatisticsNav mayDefine={mayDefine} mayReview={mayReview} />
      {saved ? <SavedNotice message={`statistics.saved.${saved}` as MessageKey} /> : null}
      <dl className="summary">
        <dt>{t("statistics.status")}</dt>
        <dd>{statusLabel(submission.status)}</dd>
        {submission.submittedAt ? (
          <>
            <dt>{t("statistics.submittedOn")}</dt>
            <dd>{day(submission.submittedAt.slice(0, 10))}</dd>
          </>
        ) : null}
        <dt>{t("statistics.dueOn")}</dt>
        <dd>{day(report.calendar.dueOn)}</dd>
        {submission.comment ? (
          <>
            <dt>{t(submission.status === "reopened" ? "statistics.reopenReason" : "statistics.comment")}</dt>
            <dd>{submission.comment}</dd>
          </>
        ) : null}
      </dl>
      {report.elements.map((e) => {
        const shown: Record<string, string> = {};
        for (const [key, value] of Object.entries(e.values)) shown[key] = String(value);
        return (
          <section key={e.id} aria-labelledby={`element-${e.code}`}>
            <h2 id={`element-${e.code}`}>{named(locale, e)}</h2>
            {e.previousTotal !== null ? <p className="hint">{t("statistics.entry.previous", { total: e.previousTotal })}</p> : null}
            <CountGrid element={e} shown={shown} readOnly />
          </section>
        );
      })}
      {submission.status === "submitted" ? (
        <section aria-labelledby="review-title">
          <h2 id="review-title">{t("statistics.review.title")}</h2>
          <Form method="post" className="stack" key={submission.version}>
            <ErrorSummary errors={failed("review")?.errors} formError={failed("review")?.formError} />
            <input type="hidden" name="intent" value="review" />
            <input type="hidden" name="version" value={submission.version} />
            <fieldset aria-describedby={failed("review")?.errors?.decision ? "review-decision-error" : undefined}>
              <legend>{t("statistics.review.decision")}</legend>
              {(["approve", "return"] as const).map((d) => (
                <p className="checkbox" key={d}>
                  <input type="radio" id={`review-${d}`} name="decision" value={d} defaultChecked={values?.decision === d} />
                  <label htmlFor={`review-${d}`}>{t(`statistics.review.${d}`)}</label>
                </p>
              ))}
              {failed("review")?.errors?.decision ? (
                <p className="error" id="review-decision-error">
                  {t(failed("review")!.errors!.decision![0] as MessageKey)}
                </p>
              ) : null}
            </fieldset>
            <Field idPrefix="review" name="comment" label={t("statistics.review.comment")} hint={t("statistics.review.comment.hint")} multiline defaultValue={values?.comment} errors={failed("review")?.errors} />
            <div className="actions">
              <button type="submit">{t("statistics.review.save")}</button>
            </div>
          </Form>
        </section>
      ) : null}
      {submission.status === "approved" ? (
        <section aria-labelledby="reopen-title">
          <h2 id="reopen-title">{t("statistics.reopen.title")}</h2>
          <p>{t("statistics.reopen.hint")}</p>
          <Form method="post" className="stack" key={submission.version}>
            <ErrorSummary errors={failed("reopen")?.errors} formError={failed("reopen")?.formError} />
            <input type="hidden" name="intent" value="reopen" />
            <input type="hidden" name="version" value={submission.version} />
            <Field idPrefix="reopen" name="reason" label={t("statistics.reopen.reason")} multiline required errors={failed("reopen")?.errors} />
            <div className="actions">
              <button type="submit" className="secondary">
                {t("statistics.reopen.save")}
              </button>
            </div>
          </Form>
        </section>
      ) : null}
      <ReportHistory history={report.history} />
    </>
  );
}
