import { Form, Link, redirect } from "react-router";
import { EvaluationNav } from "../../components/evaluation/evaluation-nav.tsx";
import type { Route } from "./+types/recommendations.$recommendationId";
import { ErrorSummary, Field, PostButton, SelectField } from "../../components/form.tsx";
import { SavedNotice } from "../../components/saved-notice.tsx";
import { TableScroll } from "../../components/table-scroll.tsx";
import { ProgressValue, RecommendationSummaryBlock } from "../../components/evaluation-reports/evaluation-ui.tsx";
import { RecommendationFields } from "../../components/evaluation-reports/report-fields.tsx";
import { KeyActionPicker, HistoryTable } from "../../components/evaluation-reports/recommendation-parts.tsx";
import type { MessageKey } from "../../i18n/catalog.ts";
import { pageTitle } from "../../i18n/page-title.ts";
import { useDay, useFormatters, useT } from "../../i18n/use-t.ts";
import { actorOf, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import type { AuditActor } from "../../modules/audit/record-audit-event.server.ts";
import type { Permission } from "../../modules/authz/permissions.ts";
import { updateRecommendation } from "../../modules/evaluation-reports/create-report.server.ts";
import { evaluationGuard, requirePermission } from "../../modules/evaluation-reports/evaluation-route.server.ts";
import type { EvaluationAccess } from "../../modules/evaluation-reports/history.server.ts";
import { linkKeyAction, unlinkKeyAction } from "../../modules/evaluation-reports/link-key-action.server.ts";
import { getRecommendation, linkChoices } from "../../modules/evaluation-reports/list-reports.server.ts";
import { recordResponse } from "../../modules/evaluation-reports/record-response.server.ts";
import { reopenRecommendation } from "../../modules/evaluation-reports/reopen-recommendation.server.ts";
import { linkSchema, recommendationEditSchema, reopenSchema, responseSchema, unlinkSchema, verifySchema } from "../../modules/evaluation-reports/report-schema.ts";
import { verifyRecommendation } from "../../modules/evaluation-reports/verify-recommendation.server.ts";
import { responses, verifications } from "../../modules/evaluation-reports/vocabulary.ts";
import { revalidateAfterConflict } from "../../modules/forms/conflict.ts";
import { dispatchIntent } from "../../modules/forms/dispatch-intent.ts";
import { isUuid } from "../../modules/forms/fields.ts";
import { parseValues, readForm, type FormRead } from "../../modules/forms/read-form.server.ts";
import { requestUrl } from "../../modules/forms/request-url.ts";
import { invalidFields, map, type Outcome } from "../../modules/outcome/outcome.ts";
import { respond } from "../../modules/outcome/respond.server.ts";
import { subjectTalk } from "../../modules/forum/subjects.server.ts";
import { SubjectDiscussion } from "../../components/forum/subject-discussion.tsx";
import { quebecDay } from "../../modules/time/days.ts";

/**
 * A recommendation: the Table's management response (the coordinator, after a Table decision),
 * its key actions and their roll-up, the evaluator's verification, and its full history.
 */
export const policy = needs("evaluation.view");

export const meta: Route.MetaFunction = ({ matches, data: d }) => pageTitle(matches, "evalReports.recommendation.number", { number: d?.rec.summary.number ?? "" }, d?.rec.report.title);

async function scoped(args: Route.LoaderArgs | Route.ActionArgs) {
  const guarded = await evaluationGuard(args, policy);
  const id = args.params.recommendationId;
  if (!isUuid(id)) notFound();
  // Another Table's recommendation reads exactly like a missing one.
  const rec = await getRecommendation(args.context.db, guarded.access.partnershipId, id.toLowerCase(), quebecDay(new Date()));
  if (!rec) notFound();
  return { ...guarded, rec };
}

export async function loader(args: Route.LoaderArgs) {
  const { user, rec, access, mayReport, mayManage } = await scoped(args);
  const choices = mayManage ? await linkChoices(args.context.db, access.partnershipId) : null;
  // The recommendation's discussion in the Table's space (issue 14 §1): none for an observer or the evaluator.
  const talk = await subjectTalk(args.context.db, user, "recommendation", { kind: "table" }, [rec.summary.id]);
  return { rec, choices, talk, mayReport, mayManage, saved: requestUrl(args.request).searchParams.get("saved") };
}

export const shouldRevalidate = revalidateAfterConflict;

type Ctx = { db: Route.ActionArgs["context"]["db"]; actor: AuditActor; access: EvaluationAccess; id: string; read: Extract<FormRead, { ok: true }> };
const back = (c: Ctx, saved: string) => `/evaluation/recommendations/${c.id}?saved=${saved}`;

/** Each form, the permission it needs and what it does. Verification is the evaluator's alone. */
const intents = {
  respond: async (c: Ctx): Promise<Outcome<string>> => {
    const parsed = parseValues(c.read, responseSchema);
    if (!parsed.ok) return invalidFields(parsed.errors, "form.errors");
    return map(await recordResponse(c.db, c.actor, c.access, c.id, parsed.data), () => back(c, "response"));
  },
  link: async (c: Ctx): Promise<Outcome<string>> => {
    const parsed = parseValues(c.read, linkSchema);
    if (!parsed.ok) return invalidFields(parsed.errors, "form.errors");
    return map(await linkKeyAction(c.db, c.actor, c.access, c.id, parsed.data), () => back(c, "link"));
  },
  unlink: async (c: Ctx): Promise<Outcome<string>> => {
    const parsed = parseValues(c.read, unlinkSchema);
    if (!parsed.ok) return invalidFields(parsed.errors, "form.errors");
    return map(await unlinkKeyAction(c.db, c.actor, c.access, c.id, parsed.data), () => back(c, "unlink"));
  },
  verify: async (c: Ctx): Promise<Outcome<string>> => {
    const parsed = parseValues(c.read, verifySchema);
    if (!parsed.ok) return invalidFields(parsed.errors, "form.errors");
    return map(await verifyRecommendation(c.db, c.actor, c.access, c.id, parsed.data), () => back(c, "verify"));
  },
  reopen: async (c: Ctx): Promise<Outcome<string>> => {
    const parsed = parseValues(c.read, reopenSchema);
    if (!parsed.ok) return invalidFields(parsed.errors, "form.errors");
    return map(await reopenRecommendation(c.db, c.actor, c.access, c.id, parsed.data), () => back(c, "reopen"));
  },
  edit: async (c: Ctx): Promise<Outcome<string>> => {
    const parsed = parseValues(c.read, recommendationEditSchema);
    if (!parsed.ok) return invalidFields(parsed.errors, "form.errors");
    const { version, ...input } = parsed.data;
    return map(await updateRecommendation(c.db, c.actor, c.access, c.id, version, input), () => back(c, "edit"));
  },
};

const needed: Record<keyof typeof intents, Permission | "report_or_manage"> = {
  respond: "evaluation.manage",
  link: "evaluation.manage",
  unlink: "evaluation.manage",
  verify: "evaluation.report",
  edit: "evaluation.report",
  reopen: "report_or_manage",
};

export async function action(args: Route.ActionArgs) {
  const { user, access, rec, mayReport, mayManage } = await scoped(args);
  const read = await readForm(args.request);
  const intent = read.ok || typeof read.values.intent === "string" ? String(read.values.intent ?? "") : "";
  const need = Object.hasOwn(needed, intent) ? needed[intent as keyof typeof intents] : null;
  // A form the reader's role does not allow answers 404, audited as a denial.
  if (need === "report_or_manage") {
    if (!mayReport && !mayManage) await requirePermission(args, user, "evaluation.manage");
  } else if (need) await requirePermission(args, user, need);
  const result = read.ok
    ? await dispatchIntent(intent, intents, { db: args.context.db, actor: actorOf(user, args.context), access, id: rec.summary.id, read }, () => invalidFields({}, "form.invalid"))
    : invalidFields(read.errors, "form.errors");
  return respond(result, (location) => redirect(location), { body: { intent, values: read.values }, conflict: { values: undefined } });
}

export default function Recommendation({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const day = useDay();
  const f = useFormatters();
  const { rec, choices, mayReport, mayManage, saved } = loaderData;
  const s = rec.summary;
  const failed = (intent: string) => (actionData?.intent === intent ? actionData : null);
  const valuesOf = (intent: string) => failed(intent)?.values ?? {};
  const one = (v: unknown) => (typeof v === "string" ? v : undefined);
  return (
    <>
      <p>
        <Link to={`/evaluation/reports/${rec.report.id}`}>{rec.report.title}</Link>
      </p>
      <h1>{t("evalReports.recommendation.number", { number: s.number })}</h1>
      <EvaluationNav />
      {saved ? <SavedNotice message={`evalReports.saved.${saved}` as MessageKey} /> : null}
      <RecommendationSummaryBlock r={s} />
      {loaderData.talk ? (
        // A div, not a p: the discussion may be a form, which a p cannot hold (the browser would split it and hydration fail).
        <div className="subject-talk">
          <SubjectDiscussion talk={loaderData.talk} type="recommendation" id={s.id} />
        </div>
      ) : null}

      <section aria-labelledby="response-title">
        <h2 id="response-title">{t("evalReports.response.title")}</h2>
        {s.response ? (
          <dl className="summary">
            <dt>{t("evalReports.response")}</dt>
            <dd>{t(`evalReports.response.${s.response}` as MessageKey)}</dd>
            <dt>{t("evalReports.response.rationale")}</dt>
            <dd>{rec.responseRationale}</dd>
            {rec.decision ? (
              <>
                <dt>{t("evalReports.response.decision")}</dt>
                <dd>
                  {rec.decision.text} — <Link to={`/meetings/${rec.decision.meetingId}`}>{rec.decision.meetingTitle}</Link> ({f.date(rec.decision.startsAt)})
                </dd>
              </>
            ) : null}
            {rec.respondedAt ? (
              <dd className="muted">{t("evalReports.response.by", { name: rec.respondedBy ?? t("evalReports.history.someone"), day: f.date(rec.respondedAt) })}</dd>
            ) : null}
          </dl>
        ) : (
          <p>
            {t("evalReports.response.none")} {t("evalReports.responseDue", { day: day(rec.report.responseDueOn) })}
          </p>
        )}
        {mayManage && choices && s.status !== "verified" ? (
          choices.decisions.length ? (
            <Form method="post" className="stack" key={`respond-${s.version}`}>
              <ErrorSummary errors={failed("respond")?.errors} formError={failed("respond")?.formError} />
              <input type="hidden" name="intent" value="respond" />
              <input type="hidden" name="version" value={s.version} />
              <SelectField
                idPrefix="respond"
                name="response"
                label={t("evalReports.response")}
                required
                defaultValue={one(valuesOf("respond").response) ?? s.response}
                placeholder={t("evalReports.keyAction.choose")}
                options={responses.map((r) => ({ value: r, label: t(`evalReports.response.${r}` as MessageKey) }))}
                errors={failed("respond")?.errors}
              />
              <Field idPrefix="respond" name="rationale" label={t("evalReports.response.rationale")} multiline required defaultValue={one(valuesOf("respond").rationale) ?? rec.responseRationale} errors={failed("respond")?.errors} />
              <SelectField
                idPrefix="respond"
                name="decisionId"
                label={t("evalReports.response.decision")}
                hint={t("evalReports.response.decision.hint")}
                required
                defaultValue={one(valuesOf("respond").decisionId) ?? rec.decision?.id}
                placeholder={t("evalReports.response.decision.choose")}
                options={choices.decisions.map((d) => ({ value: d.id, label: `${f.date(d.startsAt)} — ${d.meetingTitle} — ${d.text.length > 120 ? `${d.text.slice(0, 119)}…` : d.text}` }))}
                errors={failed("respond")?.errors}
              />
              <div className="actions">
                <button type="submit">{t("evalReports.response.save")}</button>
              </div>
            </Form>
          ) : (
            <p>{t("evalReports.response.decision.none")}</p>
          )
        ) : null}
      </section>

      <section aria-labelledby="key-actions-title">
        <h2 id="key-actions-title">{t("evalReports.keyActions")}</h2>
        {rec.keyActions.length ? (
          <TableScroll label={t("evalReports.keyActions.caption")}>
            <table>
              <caption>{t("evalReports.keyActions.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("evalReports.keyAction.what")}</th>
                  <th scope="col">{t("evalReports.kind")}</th>
                  <th scope="col">{t("evalReports.keyAction.due")}</th>
                  <th scope="col">{t("evalReports.progress")}</th>
                  {mayManage ? <td /> : null}
                </tr>
              </thead>
              <tbody>
                {rec.keyActions.map((k) => (
                  <tr key={k.linkId}>
                    <th scope="row">{k.kind === "action" && k.year ? <Link to={`/action-plan/${k.year}`}>{k.title}</Link> : k.kind === "responsibility" ? <Link to={`/responsibilities/${k.targetId}`}>{k.title}</Link> : k.title}</th>
                    <td>{t(`evalReports.keyAction.kind.${k.kind}` as MessageKey)}</td>
                    <td>
                      {day(k.kind === "action" ? k.endsOn : k.dueOn)}
                      {k.overdue ? <span className="badge warning"> {t("evalReports.overdue")}</span> : null}
                    </td>
                    <td>
                      <ProgressValue progress={k.progressValue} />
                    </td>
                    {mayManage ? (
                      <td>
                        <PostButton fields={{ intent: "unlink", keyActionId: k.linkId, version: String(s.version) }} className="secondary">
                          {t("evalReports.keyAction.unlink", { title: k.title })}
                        </PostButton>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        ) : (
          <p>{t("evalReports.keyActions.none")}</p>
        )}
        {mayManage && choices ? <KeyActionPicker choices={choices} version={s.version} linked={rec.keyActions.map((k) => k.targetId)} errors={failed("link")?.errors} formError={failed("link")?.formError} /> : null}
      </section>

      <section aria-labelledby="verification-title">
        <h2 id="verification-title">{t("evalReports.verification.title")}</h2>
        {s.verification ? (
          <dl className="summary">
            <dt>{t("evalReports.verification")}</dt>
            <dd>{t(`evalReports.verification.${s.verification}` as MessageKey)}</dd>
            <dt>{t("evalReports.verification.evidence")}</dt>
            <dd>{rec.verificationEvidence}</dd>
            {rec.verifiedAt ? <dd className="muted">{t("evalReports.verification.by", { name: rec.verifiedBy ?? t("evalReports.history.someone"), day: f.date(rec.verifiedAt) })}</dd> : null}
          </dl>
        ) : (
          <p>{t("evalReports.verification.pending")}</p>
        )}
        {mayReport && s.status === "open" ? (
          <Form method="post" className="stack" key={`verify-${s.version}`}>
            <ErrorSummary errors={failed("verify")?.errors} formError={failed("verify")?.formError} />
            <input type="hidden" name="intent" value="verify" />
            <input type="hidden" name="version" value={s.version} />
            <SelectField
              idPrefix="verify"
              name="verification"
              label={t("evalReports.verification")}
              required
              defaultValue={one(valuesOf("verify").verification)}
              placeholder={t("evalReports.keyAction.choose")}
              options={verifications.map((v) => ({ value: v, label: t(`evalReports.verification.${v}` as MessageKey) }))}
              errors={failed("verify")?.errors}
            />
            <Field idPrefix="verify" name="evidence" label={t("evalReports.verification.evidence")} multiline required defaultValue={one(valuesOf("verify").evidence)} errors={failed("verify")?.errors} />
            <div className="actions">
              <button type="submit">{t("evalReports.verification.save")}</button>
            </div>
          </Form>
        ) : null}
        {(mayReport || mayManage) && s.status === "verified" ? (
          <Form method="post" className="stack" key={`reopen-${s.version}`}>
            <h3>{t("evalReports.reopen.title")}</h3>
            <ErrorSummary errors={failed("reopen")?.errors} formError={failed("reopen")?.formError} />
            <input type="hidden" name="intent" value="reopen" />
            <input type="hidden" name="version" value={s.version} />
            <Field idPrefix="reopen" name="reason" label={t("evalReports.reopen.reason")} multiline required errors={failed("reopen")?.errors} />
            <div className="actions">
              <button type="submit" className="secondary">
                {t("evalReports.reopen.save")}
              </button>
            </div>
          </Form>
        ) : null}
      </section>

      <section aria-labelledby="history-title">
        <h2 id="history-title">{t("evalReports.history")}</h2>
        <HistoryTable history={rec.history} />
      </section>

      {mayReport ? (
        <section aria-labelledby="edit-title">
          <h2 id="edit-title">{t("evalReports.recommendation.edit")}</h2>
          <Form method="post" className="stack" key={`edit-${s.version}`}>
            <ErrorSummary errors={failed("edit")?.errors} formError={failed("edit")?.formError} />
            <input type="hidden" name="intent" value="edit" />
            <input type="hidden" name="version" value={s.version} />
            <RecommendationFields idPrefix="edit" values={failed("edit")?.values ?? s} errors={failed("edit")?.errors} />
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
