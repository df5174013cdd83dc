import { Form, Link, redirect } from "react-router";
import type { Route } from "./+types/entry.$dataSetId.$organizationId.$period";
import { ErrorSummary, Field } from "../../components/form.tsx";
import { SavedNotice } from "../../components/saved-notice.tsx";
import { CountGrid } from "../../components/statistics/count-grid.tsx";
import { named, ReportHistory, StatisticsNav, usePeriodLabel, useStatusLabel } from "../../components/statistics/statistics-ui.tsx";
import type { MessageKey } from "../../i18n/catalog.ts";
import { pageTitle } from "../../i18n/page-title.ts";
import { useDay, useT } from "../../i18n/use-t.ts";
import { actorOf, authorize, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import type { AuditActor } from "../../modules/audit/record-audit-event.server.ts";
import { revalidateAfterConflict } from "../../modules/forms/conflict.ts";
import { dispatchIntent } from "../../modules/forms/dispatch-intent.ts";
import { isUuid } from "../../modules/forms/fields.ts";
import { parseValues, readForm, type FormRead } from "../../modules/forms/read-form.server.ts";
import { requestUrl } from "../../modules/forms/request-url.ts";
import { invalidFields, map, missing, type Outcome } from "../../modules/outcome/outcome.ts";
import { respond } from "../../modules/outcome/respond.server.ts";
import { reopenReport, submitReport } from "../../modules/statistics/change-report.server.ts";
import { getEntry, type Entry } from "../../modules/statistics/get-entry.server.ts";
import { reopenSchema, sectionSchema, submitSchema } from "../../modules/statistics/report-schema.ts";
import { saveSection } from "../../modules/statistics/save-section.server.ts";
import { statisticsGuard } from "../../modules/statistics/statistics-route.server.ts";
import type { ReportAccess } from "../../modules/statistics/submissions.server.ts";
import { quebecDay } from "../../modules/time/days.ts";

/**
 * An organization's report for one period: a grid per data element, saved one section at a
 * time, then submitted to the Table coordinator; reopened with a reason after approval. Only the
 * organization's own reporters reach it: another organization's report is a 404.
 */
export const policy = needs("statistics.enter");

export const meta: Route.MetaFunction = ({ matches, data: d }) => pageTitle(matches, "statistics.title", undefined, d ? (d.locale === "en" ? d.entry.set.nameEn : d.entry.set.nameFr) : undefined);

async function scoped(args: Route.LoaderArgs | Route.ActionArgs) {
  const g = await statisticsGuard(args, policy);
  const { dataSetId, organizationId, period } = args.params;
  if (!isUuid(dataSetId) || !isUuid(organizationId) || !period || period.length > 10) notFound();
  // Reporters of one organization only: another's report answers like a missing one (and is audited as denied).
  await authorize(args, g.user, "statistics.enter", { partnershipId: g.partnershipId, organizationId: organizationId.toLowerCase() });
  const today = quebecDay(new Date());
  const entry = await getEntry(args.context.db, { partnershipId: g.partnershipId, dataSetId: dataSetId.toLowerCase(), organizationId: organizationId.toLowerCase(), periodKey: period, today });
  if (!entry) notFound();
  const access: ReportAccess = { partnershipId: g.partnershipId, personId: g.personId, organizationId: entry.organization.id };
  return { ...g, entry, access, today };
}

export async function loader(args: Route.LoaderArgs) {
  const { entry, mayDefine, mayReview, user } = await scoped(args);
  return { entry, mayDefine, mayReview, locale: user.locale, saved: requestUrl(args.request).searchParams.get("saved") };
}

export const shouldRevalidate = revalidateAfterConflict;

type Ctx = { db: Route.ActionArgs["context"]["db"]; actor: AuditActor; access: ReportAccess; entry: Entry; today: string; read: Extract<FormRead, { ok: true }>; here: string };

const intents = {
  section: async (c: Ctx): Promise<Outcome<string>> => {
    const parsed = parseValues(c.read, sectionSchema);
    if (!parsed.ok) return invalidFields(parsed.errors, "form.errors");
    const { version, elementId, confirmJump } = parsed.data;
    const element = c.entry.elements.find((e) => e.id === elementId);
    if (!element) return missing();
    const saved = await saveSection(c.db, c.actor, c.access, { dataSetId: c.entry.set.id, organizationId: c.entry.organization.id, periodKey: c.entry.period.key, elementId, version, posted: c.read.values, confirmJump, today: c.today });
    return map(saved, () => `${c.here}?saved=section#element-${element.code}`);
  },
  submit: async (c: Ctx): Promise<Outcome<string>> => {
    const parsed = parseValues(c.read, submitSchema);
    if (!parsed.ok) return invalidFields(parsed.errors, "form.errors");
    if (!c.entry.submission) return invalidFields({}, "statistics.submit.missing");
    return map(await submitReport(c.db, c.actor, c.access, c.entry.submission.id, parsed.data.version, new Date(), c.today), () => `${c.here}?saved=submitted`);
  },
  reopen: async (c: Ctx): Promise<Outcome<string>> => {
    const parsed = parseValues(c.read, reopenSchema);
    if (!parsed.ok) return invalidFields(parsed.errors, "form.errors");
    if (!c.entry.submission) return missing();
    return map(await reopenReport(c.db, c.actor, c.access, c.entry.submission.id, parsed.data), () => `${c.here}?saved=reopened`);
  },
};

export async function action(args: Route.ActionArgs) {
  const { user, access, entry, today } = await scoped(args);
  const read = await readForm(args.request);
  const intent = read.ok || typeof read.values.intent === "string" ? String(read.values.intent ?? "") : "";
  const here = `/statistics/entry/${entry.set.id}/${entry.organization.id}/${entry.period.key}`;
  const elementId = typeof read.values.elementId === "string" ? read.values.elementId.toLowerCase() : null;
  const result = read.ok
    ? await dispatchIntent(intent, intents, { db: args.context.db, actor: actorOf(user, args.context), access, entry, today, read, here }, () => invalidFields({}, "form.invalid"))
    : invalidFields(read.errors, "form.errors");
  return respond(result, (location) => redirect(location), {
    body: { intent, elementId, values: read.values },
    conflict: { values: undefined },
    refused: { "statistics.entry.jump": 400, "statistics.submit.missing": 400 },
  });
}

export default function StatisticsEntry({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useT();
  const day = useDay();
  const periodLabel = usePeriodLabel();
  const statusLabel = useStatusLabel();
  const { entry, mayDefine, mayReview, saved } = loaderData;
  const failed = (intent: string, elementId?: string) => (actionData?.intent === intent && (elementId === undefined || actionData.elementId === elementId) ? actionData : null);
  const status = entry.submission?.status ?? null;
  const period = periodLabel(entry.period.key);
  return (
    <>
      <p>
        <Link to="/statistics">{t("statistics.entry.back")}</Link>
      </p>
      <h1>{t("statistics.entry.heading", { set: named(locale, entry.set), period })}</h1>
      <StatisticsNav mayDefine={mayDefine} mayReview={mayReview} />
      {saved ? <SavedNotice message={`statistics.saved.${saved}` as MessageKey} /> : null}
      <dl className="summary">
        <dt>{t("statistics.organization")}</dt>
        <dd>{named(locale, entry.organization)}</dd>
        <dt>{t("statistics.status")}</dt>
        <dd>{statusLabel(status)}</dd>
        {status === "returned" && entry.submission?.comment ? (
          <>
            <dt>{t("statistics.comment")}</dt>
            <dd>{entry.submission.comment}</dd>
          </>
        ) : null}
        {status === "reopened" && entry.submission?.comment ? (
          <>
            <dt>{t("statistics.reopenReason")}</dt>
            <dd>{entry.submission.comment}</dd>
          </>
        ) : null}
      </dl>
      <p>{t("statistics.entry.calendar", { opens: day(entry.calendar.opensOn), closes: day(entry.calendar.closesOn), due: day(entry.calendar.dueOn) })}</p>
      {entry.editable ? (
        <p className="alert">{t("statistics.entry.countsOnly")}</p>
      ) : (
        <p className="alert">{t(status === "submitted" || status === "approved" ? "statistics.entry.locked" : entry.open ? "statistics.entry.readOnly" : "statistics.entry.closed")}</p>
      )}
      {entry.elements.map((e) => {
        const mine = failed("section", e.id);
        const shown: Record<string, string> = {};
        for (const [key, value] of Object.entries(e.values)) shown[key] = String(value);
        if (mine?.values) for (const [field, value] of Object.entries(mine.values)) if (field.startsWith("cell:") && typeof value === "string") shown[field.slice(5)] = value;
        const jump = mine?.formError === undefined && mine?.errors?.confirmJump ? (mine.vars as { previous?: number; current?: number } | undefined) : undefined;
        const name = named(locale, e);
        return (
          <section key={e.id} aria-labelledby={`element-${e.code}`}>
            <h2 id={`element-${e.code}`}>{name}</h2>
            {e.previousTotal !== null ? <p className="hint">{t("statistics.entry.previous", { total: e.previousTotal })}</p> : null}
            {/* Keyed by version: after a save or a 409 the fields show what is stored. */}
            <Form method="post" className="stack" key={`${e.id}-${entry.version}`}>
              <ErrorSummary errors={mine?.errors} formError={mine?.formError} />
              <input type="hidden" name="intent" value="section" />
              <input type="hidden" name="version" value={entry.version} />
              <input type="hidden" name="elementId" value={e.id} />
              <CountGrid element={e} shown={shown} errors={mine?.errors} readOnly={!entry.editable} />
              {mine?.errors?.confirmJump ? (
                <div className="alert warning" role="alert">
                  <p>{t("statistics.entry.jump")}</p>
                  {jump?.previous !== undefined ? <p>{t("statistics.entry.jumpDetail", { previous: jump.previous, current: jump.current ?? "" })}</p> : null}
                  <p className="checkbox">
                    <input type="checkbox" id={`confirm-${e.code}`} name="confirmJump" value="yes" />
                    <label htmlFor={`confirm-${e.code}`}>{t("statistics.entry.confirmJump")}</label>
                  </p>
                </div>
              ) : null}
              {entry.editable ? (
                <div className="actions">
                  <button type="submit" className="secondary">
                    {t("statistics.entry.saveSection", { name })}
                  </button>
                </div>
              ) : null}
            </Form>
          </section>
        );
      })}
      {entry.editable && entry.submission ? (
        <section aria-labelledby="submit-title">
          <h2 id="submit-title">{t("statistics.submit.title")}</h2>
          <p>{t("statistics.submit.hint")}</p>
          <Form method="post" className="stack">
            <ErrorSummary errors={failed("submit")?.errors} formError={failed("submit")?.formError ? t(failed("submit")!.formError as MessageKey, failed("submit")?.vars) : undefined} />
            <input type="hidden" name="intent" value="submit" />
            <input type="hidden" name="version" value={entry.version} />
            <div className="actions">
              <button type="submit">{t("statistics.submit.button")}</button>
            </div>
          </Form>
        </section>
      ) : null}
      {status === "approved" ? (
        <section aria-labelledby="reopen-title">
          <h2 id="reopen-title">{t("statistics.reopen.title")}</h2>
          <p>{t("statistics.reopen.hint")}</p>
          <Form method="post" className="stack">
            <ErrorSummary errors={failed("reopen")?.errors} formError={failed("reopen")?.formError} />
            <input type="hidden" name="intent" value="reopen" />
            <input type="hidden" name="version" value={entry.version} />
            <Field idPrefix="reopen" name="reason" label={t("statistics.reopen.reason")} multiline required errors={failed("reopen")?.errors} />
            <div className="actions">
              <button type="submit" className="secondary">
                {t("statistics.reopen.save")}
              </button>
            </div>
          </Form>
        </section>
      ) : null}
      <ReportHistory history={entry.history} />
    </>
  );
}
