import { Form, Link, redirect } from "react-router";
import type { Route } from "./+types/spaces.$spaceId";
import { AttachmentField, LevelForm, UnreadBadge, useSpaceName } from "../../components/forum/forum-ui.tsx";
import stylesheet from "../../components/forum/forum.css?url";
import { ErrorSummary, Field } from "../../components/form.tsx";
import { GuardFindings } from "../../components/guard-findings.tsx";
import { Pager } from "../../components/pagination.tsx";
import { SavedNotice } from "../../components/saved-notice.tsx";
import { SubmissionKey } from "../../components/submission-key.tsx";
import { pageTitle } from "../../i18n/page-title.ts";
import { useT } from "../../i18n/use-t.ts";
import { actorOf, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { attachmentNameOf, flaggedReply } from "../../modules/forum/flagged-reply.server.ts";
import { readAttachment } from "../../modules/forum/post-attachments.server.ts";
import { spaceAccess } from "../../modules/forum/access.server.ts";
import { createThread } from "../../modules/forum/create-thread.server.ts";
import { levelSchema, newThreadSchema } from "../../modules/forum/forum-schema.ts";
import { forumGuard } from "../../modules/forum/forum-route.server.ts";
import { spaceLabel } from "../../modules/forum/list-spaces.server.ts";
import { listThreads } from "../../modules/forum/open-thread.server.ts";
import { setLevel } from "../../modules/forum/set-level.server.ts";
import { levelOf } from "../../modules/forum/space-level.server.ts";
import { dispatchIntent, intentOf } from "../../modules/forms/dispatch-intent.ts";
import { isUuid } from "../../modules/forms/fields.ts";
import { parseValues, readForm } from "../../modules/forms/read-form.server.ts";
import { requestUrl } from "../../modules/forms/request-url.ts";
import { submissionOf } from "../../modules/forms/submit-once.server.ts";
import { createOnce } from "../../modules/outcome/create-once.server.ts";
import { invalidFields, map } from "../../modules/outcome/outcome.ts";
import { respond } from "../../modules/outcome/respond.server.ts";

/** A space: its threads (pinned first, unread counts), a new thread, one's notification level here. */
export const policy = needs("network.read");

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "forum.space.title");

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];

const PAGE = 50;

async function scoped(args: Route.LoaderArgs | Route.ActionArgs) {
  const { user, viewer } = await forumGuard(args, policy);
  const id = args.params.spaceId;
  if (!isUuid(id)) notFound();
  // A space one may not read answers exactly like a missing one.
  const access = await spaceAccess(args.context.db, viewer, id.toLowerCase());
  if (!access) notFound();
  return { user, viewer, access };
}

export async function loader(args: Route.LoaderArgs) {
  const { viewer, access } = await scoped(args);
  const db = args.context.db;
  const params = requestUrl(args.request).searchParams;
  const page = Math.min(10_000, Math.max(1, Number.parseInt(params.get("page") ?? "1", 10) || 1));
  const { threads, total } = await listThreads(db, viewer, access.space.id, { limit: PAGE, offset: (page - 1) * PAGE });
  return {
    space: { id: access.space.id, posting: access.space.posting, ...(await spaceLabel(db, access.space.id))! },
    threads,
    total,
    page,
    pageSize: PAGE,
    level: await levelOf(db, viewer.personId, { spaceId: access.space.id }),
    mayPost: access.mayPost,
    moderator: access.moderator,
    saved: params.get("saved") === "level",
  };
}

type Viewer = Awaited<ReturnType<typeof scoped>>;
type Ctx = { args: Route.ActionArgs; s: Viewer; read: Extract<Awaited<ReturnType<typeof readForm>>, { ok: true }> };

const intents = {
  // Created once per submission key: a double click opens one thread.
  thread: async (c: Ctx) => {
    const parsed = parseValues(c.read, newThreadSchema);
    if (!parsed.ok) return invalidFields(parsed.errors, "form.errors");
    const file = await readAttachment(c.read.form);
    if (!file.ok) return invalidFields({ attachment: [file.error] }, "form.errors");
    const { db, config } = c.args.context;
    return createOnce<string, "forum.refused.readOnly" | "forum.refused.everyone" | "findings">(
      db,
      submissionOf(c.read.values, "network.spaces.$spaceId:thread", c.s.user.accountId),
      (tx) => createThread(tx, actorOf(c.s.user, c.args.context), { viewer: c.s.viewer, spaceId: c.s.access.space.id, fields: parsed.data, publicUrl: config.publicUrl, attachment: file.upload }),
      (threadId) => `/network/threads/${threadId}`,
    );
  },
  level: async (c: Ctx) => {
    const parsed = parseValues(c.read, levelSchema);
    if (!parsed.ok) return invalidFields(parsed.errors, "form.errors");
    return map(await setLevel(c.args.context.db, actorOf(c.s.user, c.args.context), { viewer: c.s.viewer, target: { spaceId: c.s.access.space.id }, level: parsed.data.level }), () => `/network/spaces/${c.s.access.space.id}?saved=level`);
  },
};

export async function action(args: Route.ActionArgs) {
  const s = await scoped(args);
  // The new-thread form may carry an attachment (multipart, up to the files store's limit).
  const read = await readForm(args.request, { files: ["attachment"] });
  const intent = read.ok ? intentOf(read.values) : "";
  const values = read.values;
  const result = read.ok ? await dispatchIntent(intent, intents, { args, s, read }, () => invalidFields({}, "form.invalid")) : invalidFields(read.errors, "form.errors");
  if (result.kind === "refused" && result.reason === "findings") return flaggedReply(intent, result, read.ok ? { ...values, ...(await attachmentNameOf(read.form)) } : values);
  return respond(result, (location) => redirect(location), { body: { intent, values, findings: null }, refused: { "forum.refused.everyone": 400 } });
}

export default function NetworkSpace({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const spaceName = useSpaceName();
  const { space, threads, total, page, pageSize, level, mayPost, saved } = loaderData;
  const failed = actionData && "intent" in actionData && actionData.intent === "thread" ? actionData : null;
  const values = ((failed?.values ?? {}) as Record<string, string>) || {};
  const findings = failed && "findings" in failed ? failed.findings : null;
  const labels = { title: t("forum.thread.title"), body: t("forum.post.body"), attachment: t("forum.attachment.label") };
  const name = spaceName(space);
  return (
    <>
      <p>
        <Link to="/network">{t("forum.title")}</Link>
      </p>
      <h1>{name}</h1>
      {saved ? <SavedNotice message="forum.saved.level" /> : null}
      {space.kind === "group" && space.description ? <p className="lead">{space.description}</p> : null}
      <h2>{t("forum.threads.title")}</h2>
      {threads.length ? (
        <ul className="forum-threads">
          {threads.map((th) => (
            <li key={th.id}>
              {th.pinned ? <span className="badge">{t("forum.thread.pinned")}</span> : null} <Link to={`/network/threads/${th.id}`}>{th.title}</Link> <UnreadBadge count={th.unread} />
              <br />
              <span className="muted">
                {th.authorName} · {t("forum.posts.count", { count: th.postCount })}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("forum.threads.none")}</p>
      )}
      <Pager
        previous={page > 1 ? `/network/spaces/${space.id}?page=${page - 1}` : null}
        next={page * pageSize < total ? `/network/spaces/${space.id}?page=${page + 1}` : null}
        label={t("forum.page", { page, pages: Math.max(1, Math.ceil(total / pageSize)) })}
      />
      {mayPost ? (
        <section aria-labelledby="new-thread-title">
          <h2 id="new-thread-title">{t("forum.thread.new")}</h2>
          <ErrorSummary errors={findings ? null : failed?.errors} formError={failed?.formError} />
          {findings ? <GuardFindings findings={findings} values={values} labels={labels} /> : null}
          <p id="thread-hint">{t("forum.post.deidentify")}</p>
          <Form method="post" encType="multipart/form-data" className="stack" aria-describedby="thread-hint">
            <input type="hidden" name="intent" value="thread" />
            <SubmissionKey />
            <Field idPrefix="thread" name="title" label={labels.title} required defaultValue={values.title} errors={failed?.errors} />
            <Field idPrefix="thread" name="body" label={labels.body} hint={t("forum.post.mentionHint")} multiline required defaultValue={values.body} errors={failed?.errors} />
            <AttachmentField idPrefix="thread" errors={failed?.errors} />
            <p className="actions">
              <button type="submit">{t("forum.thread.submit")}</button>
            </p>
          </Form>
        </section>
      ) : (
        <p className="alert">{t("forum.posting.readOnly")}</p>
      )}
      <h2>{t("forum.level.title")}</h2>
      <LevelForm level={level} idPrefix="space-level" legend={t("forum.level.legend.space")} />
    </>
  );
}
