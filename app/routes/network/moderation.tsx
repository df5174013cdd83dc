import { Form, Link, redirect } from "react-router";
import type { Route } from "./+types/moderation";
import { PostBody } from "../../components/forum/forum-ui.tsx";
import stylesheet from "../../components/forum/forum.css?url";
import { ErrorSummary, Field, PostButton } from "../../components/form.tsx";
import { GuardFindings } from "../../components/guard-findings.tsx";
import { SavedNotice } from "../../components/saved-notice.tsx";
import type { MessageKey } from "../../i18n/catalog.ts";
import { pageTitle } from "../../i18n/page-title.ts";
import { useFormatters, useT } from "../../i18n/use-t.ts";
import { actorOf } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { flaggedReply } from "../../modules/forum/flagged-reply.server.ts";
import { dismissSchema, hideSchema } from "../../modules/forum/forum-schema.ts";
import { forumGuard } from "../../modules/forum/forum-route.server.ts";
import { moderateReport } from "../../modules/forum/moderate-report.server.ts";
import { moderationQueue } from "../../modules/forum/moderation-queue.server.ts";
import { revalidateAfterConflict } from "../../modules/forms/conflict.ts";
import { dispatchIntent, intentOf } from "../../modules/forms/dispatch-intent.ts";
import { parseValues, readForm } from "../../modules/forms/read-form.server.ts";
import { requestUrl } from "../../modules/forms/request-url.ts";
import { invalidFields, map } from "../../modules/outcome/outcome.ts";
import { respond } from "../../modules/outcome/respond.server.ts";

/** The review queue of the spaces one moderates (hide with a reason, or dismiss) and their moderation log. */
export const policy = needs("network.moderate");

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "forum.moderation.title");

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];

export const shouldRevalidate = revalidateAfterConflict;

export async function loader(args: Route.LoaderArgs) {
  const { viewer } = await forumGuard(args, policy);
  return { ...(await moderationQueue(args.context.db, viewer)), saved: requestUrl(args.request).searchParams.get("saved") };
}

type Ctx = { args: Route.ActionArgs; g: Awaited<ReturnType<typeof forumGuard>>; read: Extract<Awaited<ReturnType<typeof readForm>>, { ok: true }> };

const intents = {
  hide: async (c: Ctx) => {
    const parsed = parseValues(c.read, hideSchema);
    if (!parsed.ok) return invalidFields(parsed.errors, "form.errors");
    const outcome = await moderateReport(c.args.context.db, actorOf(c.g.user, c.args.context), { viewer: c.g.viewer, reportId: parsed.data.reportId, version: parsed.data.version, decision: { kind: "hide", reason: parsed.data.reason }, publicUrl: c.args.context.config.publicUrl });
    return map(outcome, () => "/network/moderation?saved=hidden");
  },
  dismiss: async (c: Ctx) => {
    const parsed = parseValues(c.read, dismissSchema);
    if (!parsed.ok) return invalidFields(parsed.errors, "form.errors");
    const outcome = await moderateReport(c.args.context.db, actorOf(c.g.user, c.args.context), { viewer: c.g.viewer, reportId: parsed.data.reportId, version: parsed.data.version, decision: { kind: "dismiss" }, publicUrl: c.args.context.config.publicUrl });
    return map(outcome, () => "/network/moderation?saved=dismissed");
  },
};

export async function action(args: Route.ActionArgs) {
  const g = await forumGuard(args, policy);
  const read = await readForm(args.request);
  const intent = read.ok ? intentOf(read.values) : "";
  const values = read.values;
  const result = read.ok ? await dispatchIntent(intent, intents, { args, g, read }, () => invalidFields({}, "form.invalid")) : invalidFields(read.errors, "form.errors");
  if (result.kind === "refused" && result.reason === "findings") return flaggedReply(intent, result, values);
  return respond(result, (location) => redirect(location), { body: { intent, values, findings: null }, conflict: { values: undefined } });
}

export default function NetworkModeration({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const { dateTime } = useFormatters();
  const { queue, log, saved } = loaderData;
  const failed = actionData && "intent" in actionData ? actionData : null;
  const failedValues = (failed?.values ?? {}) as Record<string, string>;
  const findings = failed && "findings" in failed ? failed.findings : null;
  return (
    <>
      <p>
        <Link to="/network">{t("forum.title")}</Link>
      </p>
      <h1>{t("forum.moderation.title")}</h1>
      <p className="lead">{t("forum.moderation.intro")}</p>
      {saved === "hidden" || saved === "dismissed" ? <SavedNotice message={`forum.saved.${saved}` as MessageKey} /> : null}
      {failed ? <ErrorSummary errors={findings ? null : failed.errors} formError={failed.formError} /> : null}
      {findings ? <GuardFindings findings={findings} values={failedValues} labels={{ reason: t("forum.moderation.hideReason") }} /> : null}
      <h2>{t("forum.moderation.queue")}</h2>
      {queue.length ? (
        <ol className="forum-queue">
          {queue.map((q) => (
            <li key={q.reportId}>
              <section aria-labelledby={`report-${q.reportId}`}>
                <h3 id={`report-${q.reportId}`}>
                  {t(`forum.report.reason.${q.reason}` as MessageKey)} — <Link to={`/network/threads/${q.threadId}#post-${q.position}`}>{q.threadTitle}</Link>
                </h3>
                <p className="muted">
                  {t("forum.moderation.reportedBy", { name: q.reporterName })} · <time dateTime={q.reportedAt}>{dateTime(q.reportedAt)}</time>
                </p>
                {q.note ? <p>{t("forum.moderation.note", { note: q.note })}</p> : null}
                <p>{t("forum.moderation.postBy", { name: q.authorName })}</p>
                <blockquote className="forum-quote">
                  <PostBody text={q.body} />
                </blockquote>
                <Form method="post" className="stack">
                  <input type="hidden" name="intent" value="hide" />
                  <input type="hidden" name="reportId" value={q.reportId} />
                  <input type="hidden" name="version" value={q.version} />
                  <Field idPrefix={`hide-${q.reportId}`} name="reason" label={t("forum.moderation.hideReason")} hint={t("forum.moderation.hideHint")} required defaultValue={failed?.intent === "hide" && failedValues.reportId === q.reportId ? failedValues.reason : undefined} />
                  <p className="actions">
                    <button type="submit">{t("forum.moderation.hide")}</button>
                  </p>
                </Form>
                <PostButton fields={{ intent: "dismiss", reportId: q.reportId, version: String(q.version) }} className="secondary">
                  {t("forum.moderation.dismiss")}
                </PostButton>
              </section>
            </li>
          ))}
        </ol>
      ) : (
        <p>{t("forum.moderation.empty")}</p>
      )}
      <h2>{t("forum.moderation.log")}</h2>
      {log.length ? (
        <ul className="forum-notifications">
          {log.map((l) => (
            <li key={l.id}>
              <time dateTime={l.at}>{dateTime(l.at)}</time> — {t(`forum.moderation.action.${l.action}` as MessageKey, { name: l.moderatorName })}
              {l.threadId ? (
                <>
                  {" "}
                  <Link to={`/network/threads/${l.threadId}`}>{l.threadTitle}</Link>
                </>
              ) : null}
              {l.reason ? <span className="muted"> — {l.reason}</span> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("forum.moderation.logEmpty")}</p>
      )}
    </>
  );
}
