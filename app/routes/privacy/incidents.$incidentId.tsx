import type { ReactNode } from "react";
import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/incidents.$incidentId";
import { ErrorSummary, Field, SelectField } from "../../components/form.tsx";
import { PeopleCount } from "../../components/privacy/incident-fields.tsx";
import { SavedNotice } from "../../components/saved-notice.tsx";
import { SubmissionKey } from "../../components/submission-key.tsx";
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
import { submissionOf } from "../../modules/forms/submit-once.server.ts";
import { createOnce } from "../../modules/outcome/create-once.server.ts";
import { invalidFields, map, type Outcome } from "../../modules/outcome/outcome.ts";
import { respond } from "../../modules/outcome/respond.server.ts";
import { deleteIncident } from "../../modules/privacy/delete-incident.server.ts";
import { getIncident, measureOwners, registerNames } from "../../modules/privacy/list-incidents.server.ts";
import { privacyGuard, type PrivacyAccess } from "../../modules/privacy/privacy-access.server.ts";
import { deleteIncidentSchema, incidentStatusSchema, measureSchema } from "../../modules/privacy/privacy-schema.ts";
import { addIncidentMeasure, changeIncidentStatus } from "../../modules/privacy/save-incident.server.ts";
import { incidentTransitions } from "../../modules/privacy/vocabulary.ts";
import { quebecDay } from "../../modules/time/days.ts";

/** One incident of the register: its items, its status flow, its follow-up measures, the retention lock. */
export const policy = needs("privacy.manage");

export const meta: Route.MetaFunction = ({ matches, data: d }) => pageTitle(matches, "privacy.incidents.title", undefined, d?.incident.title);

async function scoped(args: Route.LoaderArgs | Route.ActionArgs) {
  const guarded = await privacyGuard(args, policy);
  const id = args.params.incidentId;
  if (!isUuid(id)) notFound();
  // Another organization's (or Table's) incident reads exactly like a missing one.
  const page = await getIncident(args.context.db, guarded.access, id.toLowerCase());
  if (!page) notFound();
  return { ...guarded, page };
}

export async function loader(args: Route.LoaderArgs) {
  const { access, page } = await scoped(args);
  const [owners, registers] = await Promise.all([measureOwners(args.context.db, access.partnershipId, page.incident.organizationId), registerNames(args.context.db, access)]);
  const register = registers.find((r) => r.id === page.incident.organizationId) ?? null;
  return {
    ...page,
    register,
    owners: owners.map((o) => ({ value: o.id, label: `${o.givenName} ${o.familyName}`.trim() })),
    saved: requestUrl(args.request).searchParams.get("saved"),
    today: quebecDay(new Date()),
  };
}

export const shouldRevalidate = revalidateAfterConflict;

type Ctx = { db: Route.ActionArgs["context"]["db"]; actor: AuditActor; access: PrivacyAccess; accountId: string; id: string; read: Extract<FormRead, { ok: true }> };

const intents = {
  status: async (c: Ctx): Promise<Outcome<string>> => {
    const parsed = parseValues(c.read, incidentStatusSchema);
    if (!parsed.ok) return invalidFields(parsed.errors, "form.errors");
    return map(await changeIncidentStatus(c.db, c.actor, c.access, c.id, parsed.data.version, parsed.data.status), () => `/privacy/incidents/${c.id}?saved=status`);
  },
  // A double click adds one measure (one responsibility).
  measure: async (c: Ctx): Promise<Outcome<string>> => {
    const parsed = parseValues(c.read, measureSchema);
    if (!parsed.ok) return invalidFields(parsed.errors, "form.errors");
    return createOnce(c.db, submissionOf(c.read.values, "privacy.incidents.$incidentId:measure", c.accountId), (tx) => addIncidentMeasure(tx, c.actor, c.access, c.id, parsed.data), () => `/privacy/incidents/${c.id}?saved=measure#measures-title`);
  },
  delete: async (c: Ctx): Promise<Outcome<string>> => {
    const parsed = parseValues(c.read, deleteIncidentSchema);
    if (!parsed.ok) return invalidFields(parsed.errors, "form.errors");
    return map(await deleteIncident(c.db, c.actor, c.access, c.id, parsed.data.version), () => "/privacy/incidents?saved=deleted");
  },
};

export async function action(args: Route.ActionArgs) {
  const { user, access, page } = await scoped(args);
  const read = await readForm(args.request);
  const intent = read.ok || typeof read.values.intent === "string" ? String(read.values.intent ?? "") : "";
  const result = read.ok
    ? await dispatchIntent(intent, intents, { db: args.context.db, actor: actorOf(user, args.context), access, accountId: user.accountId, id: page.incident.id, read }, () => invalidFields({}, "form.invalid"))
    : invalidFields(read.errors, "form.errors");
  return respond(result, (location) => redirect(location), { body: { intent, values: read.values }, conflict: { values: undefined }, refused: (r) => data({ intent, values: read.values, errors: {}, formError: `privacy.refused.${r.reason}`, ...(r.vars ? { vars: r.vars } : {}) }, { status: 409 }) });
}

export default function Incident({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useT();
  const day = useDay();
  const { incident: i, measures, retainedUntil, register, owners, saved, today } = loaderData;
  const failed = (intent: string) => (actionData?.intent === intent ? actionData : null);
  const dash = (v: string | null) => (v ? v : "—");
  const registerName = register?.id ? (locale === "en" ? register.nameEn : register.nameFr) : t("privacy.register.table");
  const locked = !retainedUntil || retainedUntil > today;
  const row = (key: MessageKey, value: ReactNode) => (
    <>
      <dt>{t(key)}</dt>
      <dd>{value}</dd>
    </>
  );
  return (
    <>
      <p>
        <Link to="/privacy/incidents">{t("privacy.incidents.back")}</Link>
      </p>
      <h1>{i.title}</h1>
      {saved ? <SavedNotice message={`privacy.saved.${saved}` as MessageKey} /> : null}
      {failed("status")?.formError || failed("delete")?.formError ? <ErrorSummary formError={(failed("status") ?? failed("delete"))?.formError} /> : null}
      <dl className="summary">
        {row("privacy.field.register", registerName)}
        {row("privacy.field.status", t(`privacy.status.${i.status}` as MessageKey))}
        {i.sourceType !== "other" ? row("privacy.field.source", t(`privacy.source.${i.sourceType}` as MessageKey)) : null}
      </dl>
      <section aria-labelledby="what-title">
        <h2 id="what-title">{t("privacy.section.what")}</h2>
        <dl className="summary">
          {row("privacy.field.personalInformation", dash(i.personalInformation))}
          {i.notDescribedReason ? row("privacy.field.notDescribedReason", i.notDescribedReason) : null}
          {row("privacy.field.circumstances", i.circumstances)}
        </dl>
      </section>
      <section aria-labelledby="when-title">
        <h2 id="when-title">{t("privacy.section.when")}</h2>
        <dl className="summary">
          {row("privacy.field.occurredOn", day(i.occurredOn))}
          {i.occurredUntil ? row("privacy.field.occurredUntil", day(i.occurredUntil)) : null}
          {row("privacy.field.knownOn", day(i.knownOn))}
          {i.knownUntil ? row("privacy.field.knownUntil", day(i.knownUntil)) : null}
          {row("privacy.field.peopleCount", <PeopleCount count={i.peopleCount} approximate={i.peopleCountApproximate} />)}
        </dl>
      </section>
      <section aria-labelledby="risk-title">
        <h2 id="risk-title">{t("privacy.section.risk")}</h2>
        <dl className="summary">
          {row("privacy.field.sensitivity", dash(i.sensitivity))}
          {row("privacy.field.possibleMisuses", dash(i.possibleMisuses))}
          {row("privacy.field.consequences", dash(i.consequences))}
          {row("privacy.field.likelihood", i.likelihood ? t(`privacy.likelihood.${i.likelihood}` as MessageKey) : "—")}
          {row("privacy.field.severity", t(`privacy.severity.${i.severity ?? "unassessed"}` as MessageKey))}
          {row("privacy.field.riskReasoning", dash(i.riskReasoning))}
        </dl>
      </section>
      <section aria-labelledby="notices-title">
        <h2 id="notices-title">{t("privacy.section.notices")}</h2>
        <dl className="summary">
          {row("privacy.field.commissionNoticeOn", i.commissionNoticeOn ? day(i.commissionNoticeOn) : "—")}
          {row("privacy.field.peopleNoticeOn", i.peopleNoticeOn ? day(i.peopleNoticeOn) : "—")}
          {row("privacy.field.publicNotice", t(i.publicNotice ? "privacy.yes" : "privacy.no"))}
          {i.publicNotice ? row("privacy.field.publicNoticeReason", i.publicNoticeReason) : null}
          {i.ministerNoticeOn ? row("privacy.field.ministerNoticeOn", day(i.ministerNoticeOn)) : null}
          {row("privacy.field.measuresTaken", dash(i.measuresTaken))}
        </dl>
      </section>
      <p>
        <Link to={`/privacy/incidents/${i.id}/edit`}>{t("privacy.incidents.edit")}</Link>
      </p>
      <section aria-labelledby="flow-title">
        <h2 id="flow-title">{t("privacy.flow.title")}</h2>
        {i.status === "closed" && i.closedAt ? (
          <p>{t("privacy.flow.done", { day: day(quebecDay(new Date(i.closedAt))), until: day(retainedUntil) })}</p>
        ) : (
          <div className="actions">
            {incidentTransitions[i.status].map((to) => (
              <Form method="post" key={to}>
                <input type="hidden" name="intent" value="status" />
                <input type="hidden" name="status" value={to} />
                <input type="hidden" name="version" value={i.version} />
                <button type="submit" className={to === "closed" ? "secondary" : undefined}>
                  {t(`privacy.flow.to.${to}` as MessageKey)}
                </button>
              </Form>
            ))}
          </div>
        )}
      </section>
      <section aria-labelledby="measures-title">
        <h2 id="measures-title">{t("privacy.measures.title")}</h2>
        {measures.length === 0 ? (
          <p>{t("privacy.measures.none")}</p>
        ) : (
          <ul>
            {measures.map((m) => (
              <li key={m.id}>
                <Link to={`/responsibilities/${m.id}`}>{m.what}</Link> — {m.owner}, {day(m.dueOn)} ({t(`responsibilities.status.${m.status}` as MessageKey)})
              </li>
            ))}
          </ul>
        )}
        <Form method="post" className="stack" key={measures.length}>
          <p className="hint">{t("privacy.measures.intro")}</p>
          <ErrorSummary errors={failed("measure")?.errors} formError={failed("measure")?.formError} />
          <input type="hidden" name="intent" value="measure" />
          <SubmissionKey />
          <Field idPrefix="measure" name="what" label={t("privacy.measures.what")} required errors={failed("measure")?.errors} />
          <SelectField idPrefix="measure" name="ownerPersonId" label={t("privacy.measures.owner")} required placeholder={t("privacy.measures.ownerPlaceholder")} options={owners} errors={failed("measure")?.errors} />
          <Field idPrefix="measure" name="dueOn" type="date" label={t("privacy.measures.dueOn")} required errors={failed("measure")?.errors} />
          <div className="actions">
            <button type="submit" className="secondary">
              {t("privacy.measures.add")}
            </button>
          </div>
        </Form>
      </section>
      <section aria-labelledby="delete-title">
        <h2 id="delete-title">{t("privacy.delete.title")}</h2>
        {i.status !== "closed" ? (
          <p>{t("privacy.delete.open")}</p>
        ) : locked ? (
          <p>{t("privacy.delete.locked", { until: day(retainedUntil) })}</p>
        ) : (
          <Form method="post">
            <input type="hidden" name="intent" value="delete" />
            <input type="hidden" name="version" value={i.version} />
            <button type="submit" className="danger">
              {t("privacy.delete.button")}
            </button>
          </Form>
        )}
      </section>
    </>
  );
}
