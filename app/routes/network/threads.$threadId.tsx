import { Fragment } from "react";
import { Form, Link, redirect } from "react-router";
import type { Route } from "./+types/threads.$threadId";
import { AttachmentField, Attachments, LevelForm, PostBody, useSpaceName } from "../../components/forum/forum-ui.tsx";
import stylesheet from "../../components/forum/forum.css?url";
import { ErrorSummary, Field, PostButton, SelectField } from "../../components/form.tsx";
import { GuardFindings } from "../../components/guard-findings.tsx";
import { SavedNotice } from "../../components/saved-notice.tsx";
import { SubmissionKey } from "../../components/submission-key.tsx";
import type { MessageKey } from "../../i18n/catalog.ts";
import { pageTitle } from "../../i18n/page-title.ts";
import { useFormatters, useT } from "../../i18n/use-t.ts";
import { actorOf, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { attachmentNameOf, flaggedReply } from "../../modules/forum/flagged-reply.server.ts";
import { readAttachment } from "../../modules/forum/post-attachments.server.ts";
import { levelSchema, pinSchema, replySchema, reportSchema } from "../../modules/forum/forum-schema.ts";
import { privacyAccessOf } from "../../modules/privacy/privacy-access.server.ts";
import { forumGuard } from "../../modules/forum/forum-route.server.ts";
import { openThread } from "../../modules/forum/open-thread.server.ts";
import { pinThread } from "../../modules/forum/pin-thread.server.ts";
import { proposalOfThread } from "../../modules/forum/proposal-access.server.ts";
import { replyToThread } from "../../modules/forum/reply-to-thread.server.ts";
import { reportPost } from "../../modules/forum/report-post.server.ts";
import { setLevel } from "../../modules/forum/set-level.server.ts";
import { threadAccess } from "../../modules/forum/thread-access.server.ts";
import { resolveSubject } from "../../modules/forum/subjects.server.ts";
import { reportReasons } from "../../modules/forum/vocabulary.ts";
import { revalidateAfterConflict } from "../../modules/forms/conflict.ts";
import { dispatchIntent, intentOf } from "../../modules/forms/dispatch-intent.ts";
import { isUuid } from "../../modules/forms/fields.ts";
import { parseValues, readForm } from "../../modules/forms/read-form.server.ts";
import { requestUrl } from "../../modules/forms/request-url.ts";
import { submissionOf } from "../../modules/forms/submit-once.server.ts";
import { createOnce } from "../../modules/outcome/create-once.server.ts";
import { invalidFields, map } from "../../modules/outcome/outcome.ts";
import { respond } from "../../modules/outcome/respond.server.ts";

/** A thread: its posts (hidden ones masked), the "new" marker, reply and quote, report, pin, one's level. */
export const policy = needs("network.read");

export const meta: Route.MetaFunction = ({ matches, data: d }) => pageTitle(matches, "forum.thread.pageTitle", undefined, d?.thread.title);

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];

export const shouldRevalidate = revalidateAfterConflict;

function threadIdOf(params: { threadId?: string }): string {
  const id = params.threadId;
  if (!isUuid(id)) notFound();
  return id.toLowerCase();
}

export async function loader(args: Route.LoaderArgs) {
  const { user, viewer } = await forumGuard(args, policy);
  const page = await openThread(args.context.db, viewer, threadIdOf(args.params));
  if (!page) notFound();
  const params = requestUrl(args.request).searchParams;
  const quote = params.get("quote");
  const quoted = quote && isUuid(quote) ? page.posts.find((p) => p.id === quote.toLowerCase() && !p.hidden && p.body) : undefined;
  const proposal = await proposalOfThread(args.context.db, viewer.partnershipId, page.thread.id);
  // "About:" the object the thread lives in, when the reader still reads it (else no link).
  const about = page.thread.subjectType && page.thread.subjectId ? await resolveSubject(args.context.db, { ...user, partnershipId: viewer.partnershipId }, page.thread.subjectType, page.thread.subjectId) : null;
  return { ...page, proposal, about: about ? { title: about.title, path: about.path } : null, quote: quoted ? { id: quoted.id, position: quoted.position, authorName: quoted.authorName, body: quoted.body! } : null, saved: params.get("saved"), privacyOfficer: privacyAccessOf(user) !== null };
}

type Guarded = Awaited<ReturnType<typeof forumGuard>>;
type Ctx = { args: Route.ActionArgs; g: Guarded; threadId: string; read: Extract<Awaited<ReturnType<typeof readForm>>, { ok: true }> };

const intents = {
  // Replies and reports are created once per submission key.
  reply: async (c: Ctx) => {
    const parsed = parseValues(c.read, replySchema);
    if (!parsed.ok) return invalidFields(parsed.errors, "form.errors");
    const file = await readAttachment(c.read.form);
    if (!file.ok) return invalidFields({ attachment: [file.error] }, "form.errors");
    return createOnce<{ threadId: string; position: number }, "forum.refused.readOnly" | "forum.refused.quote" | "forum.refused.everyone" | "findings">(
      c.args.context.db,
      submissionOf(c.read.values, "network.threads.$threadId:reply", c.g.user.accountId),
      (tx) => replyToThread(tx, actorOf(c.g.user, c.args.context), { viewer: c.g.viewer, threadId: c.threadId, fields: parsed.data, publicUrl: c.args.context.config.publicUrl, attachment: file.upload }),
      (r) => `/network/threads/${r.threadId}#post-${r.position}`,
    );
  },
  report: async (c: Ctx) => {
    const parsed = parseValues(c.read, reportSchema);
    if (!parsed.ok) return invalidFields(parsed.errors, "form.errors");
    return createOnce<{ threadId: string; position: number }, "forum.refused.ownPost" | "findings">(
      c.args.context.db,
      submissionOf(c.read.values, "network.threads.$threadId:report", c.g.user.accountId),
      (tx) => reportPost(tx, actorOf(c.g.user, c.args.context), { viewer: c.g.viewer, postId: parsed.data.postId, reason: parsed.data.reason, note: parsed.data.note }),
      (r) => `/network/threads/${r.threadId}?saved=reported#post-${r.position}`,
    );
  },
  level: async (c: Ctx) => {
    const parsed = parseValues(c.read, levelSchema);
    if (!parsed.ok) return invalidFields(parsed.errors, "form.errors");
    return map(await setLevel(c.args.context.db, actorOf(c.g.user, c.args.context), { viewer: c.g.viewer, target: { threadId: c.threadId }, level: parsed.data.level }), () => `/network/threads/${c.threadId}?saved=level`);
  },
  pin: async (c: Ctx) => pinOrUnpin(c, true),
  unpin: async (c: Ctx) => pinOrUnpin(c, false),
};

async function pinOrUnpin(c: Ctx, pinned: boolean) {
  const parsed = parseValues(c.read, pinSchema);
  if (!parsed.ok) return invalidFields(parsed.errors, "form.errors");
  return map(await pinThread(c.args.context.db, actorOf(c.g.user, c.args.context), { viewer: c.g.viewer, threadId: c.threadId, version: parsed.data.version, pinned }), () => `/network/threads/${c.threadId}?saved=${pinned ? "pinned" : "unpinned"}`);
}

export async function action(args: Route.ActionArgs) {
  const g = await forumGuard(args, policy);
  const threadId = threadIdOf(args.params);
  // A thread of a space one may not read answers 404 before any input is read.
  if (!(await threadAccess(args.context.db, g.viewer, threadId))) notFound();
  // The reply form may carry an attachment (multipart, up to the files store's limit).
  const read = await readForm(args.request, { files: ["attachment"] });
  const intent = read.ok ? intentOf(read.values) : "";
  const values = read.values;
  const result = read.ok ? await dispatchIntent(intent, intents, { args, g, threadId, read }, () => invalidFields({}, "form.invalid")) : invalidFields(read.errors, "form.errors");
  if (result.kind === "refused" && result.reason === "findings") return flaggedReply(intent, result, read.ok ? { ...values, ...(await attachmentNameOf(read.form)) } : values);
  return respond(result, (location) => redirect(location), { body: { intent, values, findings: null }, refused: 400 });
}

export default function NetworkThread({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const { dateTime } = useFormatters();
  const spaceName = useSpaceName();
  const { thread, space, posts, lastReadBefore, level, spaceLevel, moderator, mayPost, quote, saved, privacyOfficer, proposal } = loaderData;
  const failedOf = (intent: string) => (actionData && "intent" in actionData && actionData.intent === intent ? actionData : null);
  const reply = failedOf("reply");
  const replyValues = (reply?.values ?? {}) as Record<string, string>;
  const replyFindings = reply && "findings" in reply ? reply.findings : null;
  const report = failedOf("report");
  const reportFindings = report && "findings" in report ? report.findings : null;
  const reportValues = (report?.values ?? {}) as Record<string, string>;
  const quoteId = quote?.id ?? replyValues.quote ?? "";
  return (
    <>
      <p>
        <Link to="/network">{t("forum.title")}</Link> › <Link to={`/network/spaces/${thread.spaceId}`}>{spaceName(space)}</Link>
      </p>
      <h1>{thread.title}</h1>
      {loaderData.about ? (
        <p className="forum-about">
          {t("forum.subject.about")} <Link to={loaderData.about.path}>{loaderData.about.title}</Link>
        </p>
      ) : null}
      {thread.pinned ? <p className="badge">{t("forum.thread.pinned")}</p> : null}
      {proposal ? (
        <p className="alert">
          <Link to={`/network/proposals/${proposal.id}`}>{proposal.status === "open" ? t("proposals.thread.vote") : t("proposals.thread.outcome")}</Link>
        </p>
      ) : null}
      {saved ? <SavedNotice message={`forum.saved.${saved}` as MessageKey} /> : null}
      {moderator ? (
        <PostButton fields={{ intent: thread.pinned ? "unpin" : "pin", version: String(thread.version) }} className="secondary">
          {thread.pinned ? t("forum.thread.unpin") : t("forum.thread.pin")}
        </PostButton>
      ) : null}
      {failedOf("pin") || failedOf("unpin") ? <ErrorSummary errors={null} formError={(failedOf("pin") ?? failedOf("unpin"))?.formError} /> : null}
      {report ? (
        <>
          <ErrorSummary errors={reportFindings ? null : report.errors} formError={report.formError} />
          {reportFindings ? <GuardFindings findings={reportFindings} values={reportValues} labels={{ note: t("forum.report.note") }} /> : null}
        </>
      ) : null}
      <ol className="forum-posts">
        {posts.map((p) => (
          <Fragment key={p.id}>
            {p.position === lastReadBefore + 1 && lastReadBefore > 0 ? (
              <li className="forum-new-marker">
                {t("forum.thread.newSince")}
              </li>
            ) : null}
            <li>
              <article id={`post-${p.position}`} className={`forum-post${p.hidden ? " hidden-post" : ""}`} aria-labelledby={`post-${p.position}-by`}>
                <header>
                  <h2 id={`post-${p.position}-by`} className="h4">
                    {p.authorName}
                    {p.authorOrganization ? <span className="muted"> ({p.authorOrganization})</span> : null}
                  </h2>
                  <span className="forum-meta">
                    @{p.authorHandle} · <time dateTime={p.createdAt}>{dateTime(p.createdAt)}</time>
                    {p.edited ? ` · ${t("forum.post.edited")}` : ""}
                    {p.position > lastReadBefore && lastReadBefore > 0 ? ` · ${t("forum.post.new")}` : ""}
                  </span>
                </header>
                {p.hidden ? (
                  <p className="alert">
                    {t("forum.post.hiddenNotice")}
                    {p.hiddenReason ? ` ${t("forum.post.hiddenReason", { reason: p.hiddenReason })}` : ""}
                  </p>
                ) : null}
                {p.quoteExcerpt && p.quotePosition ? (
                  <blockquote className="forum-quote">
                    <p>{p.quoteExcerpt}</p>
                    <a href={`#post-${p.quotePosition}`}>{t("forum.quote.source", { position: p.quotePosition })}</a>
                  </blockquote>
                ) : null}
                {p.body !== null ? <PostBody text={p.body} /> : null}
                <Attachments postId={p.id} files={p.attachments} />
                <div className="forum-post-actions">
                  {mayPost && !p.hidden ? <Link to={`/network/threads/${thread.id}?quote=${p.id}#reply-title`}>{t("forum.quote.action")}</Link> : null}
                  {p.mine && !p.hidden ? <Link to={`/network/posts/${p.id}/edit`}>{t("forum.post.edit")}</Link> : null}
                  {(moderator || p.mine) && p.edited ? <Link to={`/network/posts/${p.id}/history`}>{t("forum.post.history")}</Link> : null}
                  {privacyOfficer ? <Link to={`/privacy/incidents/from/forum_post/${p.id}`}>{t("forum.post.openIncident")}</Link> : null}
                  {moderator && p.openReports ? <Link to="/network/moderation">{t("forum.post.reports", { count: p.openReports })}</Link> : null}
                  {!p.mine && !p.hidden ? (
                    <details>
                      <summary>{t("forum.report.action")}</summary>
                      <Form method="post" className="stack">
                        <input type="hidden" name="intent" value="report" />
                        <input type="hidden" name="postId" value={p.id} />
                        <SubmissionKey />
                        <SelectField
                          idPrefix={`report-${p.position}`}
                          name="reason"
                          label={t("forum.report.reason")}
                          required
                          placeholder={t("forum.report.choose")}
                          options={reportReasons.map((r) => ({ value: r, label: t(`forum.report.reason.${r}` as MessageKey) }))}
                        />
                        <Field idPrefix={`report-${p.position}`} name="note" label={t("forum.report.note")} multiline />
                        <p className="actions">
                          <button type="submit" className="secondary">
                            {t("forum.report.submit")}
                          </button>
                        </p>
                      </Form>
                    </details>
                  ) : null}
                </div>
              </article>
            </li>
          </Fragment>
        ))}
      </ol>
      {mayPost ? (
        <section aria-labelledby="reply-title">
          <h2 id="reply-title">{t("forum.reply.title")}</h2>
          <ErrorSummary errors={replyFindings ? null : reply?.errors} formError={reply?.formError} />
          {replyFindings ? <GuardFindings findings={replyFindings} values={replyValues} labels={{ body: t("forum.post.body"), attachment: t("forum.attachment.label") }} /> : null}
          <p id="reply-hint">{t("forum.post.deidentify")}</p>
          <Form method="post" encType="multipart/form-data" className="stack" aria-describedby="reply-hint" key={thread.postCount}>
            <input type="hidden" name="intent" value="reply" />
            <SubmissionKey />
            {quote ? (
              <div>
                <p>{t("forum.quote.quoting", { name: quote.authorName })}</p>
                <blockquote className="forum-quote">
                  <p>{quote.body.length > 280 ? `${quote.body.slice(0, 280)}…` : quote.body}</p>
                </blockquote>
                <Link to={`/network/threads/${thread.id}#reply-title`}>{t("forum.quote.cancel")}</Link>
              </div>
            ) : null}
            <input type="hidden" name="quote" value={quoteId} />
            <Field idPrefix="reply" name="body" label={t("forum.post.body")} hint={t("forum.post.mentionHint")} multiline required defaultValue={replyValues.body} errors={reply?.errors} />
            <AttachmentField idPrefix="reply" errors={reply?.errors} />
            <p className="actions">
              <button type="submit">{t("forum.reply.submit")}</button>
            </p>
          </Form>
        </section>
      ) : (
        <p className="alert">{t("forum.posting.readOnly")}</p>
      )}
      <h2>{t("forum.level.title")}</h2>
      <LevelForm level={level} inherited={spaceLevel} idPrefix="thread-level" legend={t("forum.level.legend.thread")} />
    </>
  );
}
