import { Form, Link, redirect } from "react-router";
import type { Route } from "./+types/posts.$postId.edit";
import stylesheet from "../../components/forum/forum.css?url";
import { ErrorSummary, Field } from "../../components/form.tsx";
import { GuardFindings, readGuardedReply } from "../../components/guard-findings.tsx";
import { pageTitle } from "../../i18n/page-title.ts";
import { useT } from "../../i18n/use-t.ts";
import { actorOf, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { guardRefusalReply } from "../../modules/consultations/guard-refusal.server.ts";
import { editPost } from "../../modules/forum/edit-post.server.ts";
import { editPostSchema } from "../../modules/forum/forum-schema.ts";
import { forumGuard } from "../../modules/forum/forum-route.server.ts";
import { postAccess } from "../../modules/forum/thread-access.server.ts";
import { revalidateAfterConflict } from "../../modules/forms/conflict.ts";
import { isUuid } from "../../modules/forms/fields.ts";
import { parseForm } from "../../modules/forms/read-form.server.ts";
import { respond } from "../../modules/outcome/respond.server.ts";

/** The author rewrites their post; the guard runs again, the earlier wording is kept for the moderators. */
export const policy = needs("network.read");

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "forum.edit.title");

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];

export const shouldRevalidate = revalidateAfterConflict;

async function scoped(args: Route.LoaderArgs | Route.ActionArgs) {
  const g = await forumGuard(args, policy);
  const id = args.params.postId;
  if (!isUuid(id)) notFound();
  const access = await postAccess(args.context.db, g.viewer, id.toLowerCase());
  // Only its author edits a post, and not once hidden: for anyone else the page does not exist.
  if (!access || access.post.authorPersonId !== g.viewer.personId || access.post.hiddenAt) notFound();
  return { ...g, post: access.post };
}

export async function loader(args: Route.LoaderArgs) {
  const { post } = await scoped(args);
  return { post: { id: post.id, threadId: post.threadId, position: post.position, body: post.body, version: post.version } };
}

export async function action(args: Route.ActionArgs) {
  const { user, viewer, post } = await scoped(args);
  const input = await parseForm(args.request, editPostSchema);
  if (!input.ok) return input.reply;
  const outcome = await editPost(args.context.db, actorOf(user, args.context), { viewer, postId: post.id, version: input.data.version, body: input.data.body, publicUrl: args.context.config.publicUrl });
  if (outcome.kind === "refused") return guardRefusalReply(outcome, input.values);
  return respond(outcome, (r) => redirect(`/network/threads/${r.threadId}?saved=edited#post-${r.position}`), { body: { values: input.values, findings: null }, conflict: { values: undefined } });
}

export default function EditPost({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const { post } = loaderData;
  const { values, findings, errors, formError } = readGuardedReply(actionData);
  return (
    <>
      <p>
        <Link to={`/network/threads/${post.threadId}#post-${post.position}`}>{t("forum.edit.back")}</Link>
      </p>
      <h1>{t("forum.edit.title")}</h1>
      <ErrorSummary errors={findings ? null : errors} formError={formError} />
      {findings ? <GuardFindings findings={findings} values={values} labels={{ body: t("forum.post.body") }} /> : null}
      <p id="edit-hint">{t("forum.edit.hint")}</p>
      <Form method="post" className="stack" aria-describedby="edit-hint" key={post.version}>
        <input type="hidden" name="version" value={post.version} />
        <Field name="body" label={t("forum.post.body")} hint={t("forum.post.mentionHint")} multiline required defaultValue={values.body ?? post.body} errors={errors} />
        <p className="actions">
          <button type="submit">{t("forum.edit.submit")}</button>
        </p>
      </Form>
    </>
  );
}
