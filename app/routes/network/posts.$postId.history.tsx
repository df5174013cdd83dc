import { Link } from "react-router";
import type { Route } from "./+types/posts.$postId.history";
import { PostBody } from "../../components/forum/forum-ui.tsx";
import stylesheet from "../../components/forum/forum.css?url";
import { pageTitle } from "../../i18n/page-title.ts";
import { useFormatters, useT } from "../../i18n/use-t.ts";
import { notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { forumGuard } from "../../modules/forum/forum-route.server.ts";
import { postHistory } from "../../modules/forum/post-history.server.ts";
import { isUuid } from "../../modules/forms/fields.ts";

/** A post's edit history: the current wording and each earlier one (the space's moderators and the author). */
export const policy = needs("network.read");

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "forum.history.title");

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];

export async function loader(args: Route.LoaderArgs) {
  const { viewer } = await forumGuard(args, policy);
  const id = args.params.postId;
  if (!isUuid(id)) notFound();
  const history = await postHistory(args.context.db, viewer, id.toLowerCase());
  if (!history) notFound();
  return history;
}

export default function PostHistory({ loaderData }: Route.ComponentProps) {
  const { t } = useT();
  const { dateTime } = useFormatters();
  const { post, revisions } = loaderData;
  return (
    <>
      <p>
        <Link to={`/network/threads/${post.threadId}#post-${post.position}`}>{t("forum.edit.back")}</Link>
      </p>
      <h1>{t("forum.history.title")}</h1>
      <section aria-labelledby="current-title" className="forum-post">
        <h2 id="current-title">{t("forum.history.current", { version: post.version })}</h2>
        {post.editedAt ? (
          <p className="muted">
            <time dateTime={post.editedAt}>{dateTime(post.editedAt)}</time>
          </p>
        ) : null}
        <PostBody text={post.body} />
      </section>
      {revisions.length ? (
        <ol className="forum-posts">
          {revisions.map((r) => (
            <li key={r.version}>
              <section aria-labelledby={`version-${r.version}`} className="forum-post">
                <h2 id={`version-${r.version}`}>{t("forum.history.version", { version: r.version })}</h2>
                <p className="muted">
                  {t("forum.history.replacedAt")} <time dateTime={r.replacedAt}>{dateTime(r.replacedAt)}</time>
                </p>
                <PostBody text={r.body} />
              </section>
            </li>
          ))}
        </ol>
      ) : (
        <p>{t("forum.history.none")}</p>
      )}
    </>
  );
}
