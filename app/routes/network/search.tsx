import { Form, Link } from "react-router";
import type { Route } from "./+types/search";
import stylesheet from "../../components/forum/forum.css?url";
import { pageTitle } from "../../i18n/page-title.ts";
import { useFormatters, useT } from "../../i18n/use-t.ts";
import { needs } from "../../modules/authz/policy.ts";
import { forumGuard } from "../../modules/forum/forum-route.server.ts";
import { searchForum } from "../../modules/forum/search-forum.server.ts";
import { requestUrl } from "../../modules/forms/request-url.ts";

/** Search the threads of one's spaces (titles and visible posts), accent-insensitive. */
export const policy = needs("network.read");

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "forum.search.title");

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];

export async function loader(args: Route.LoaderArgs) {
  const { viewer } = await forumGuard(args, policy);
  const q = (requestUrl(args.request).searchParams.get("q") ?? "").slice(0, 200);
  return { q, hits: q.trim() ? await searchForum(args.context.db, viewer, q) : null };
}

export default function NetworkSearch({ loaderData }: Route.ComponentProps) {
  const { t } = useT();
  const { dateTime } = useFormatters();
  const { q, hits } = loaderData;
  return (
    <>
      <p>
        <Link to="/network">{t("forum.title")}</Link>
      </p>
      <h1>{t("forum.search.title")}</h1>
      <Form method="get" className="forum-search" role="search">
        <div className="field">
          <label htmlFor="network-search-q">{t("forum.search.label")}</label>
          <input id="network-search-q" name="q" type="search" defaultValue={q} />
        </div>
        <button type="submit">{t("forum.search.submit")}</button>
      </Form>
      {hits === null ? null : hits.length ? (
        <>
          <p role="status">{t("forum.search.results", { count: hits.length })}</p>
          <ul className="forum-threads">
            {hits.map((h) => (
              <li key={h.threadId}>
                <Link to={`/network/threads/${h.threadId}`}>{h.title}</Link>
                <br />
                <span className="muted">
                  {t("forum.posts.count", { count: h.postCount })} · <time dateTime={h.lastPostAt}>{dateTime(h.lastPostAt)}</time>
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p role="status">{t("forum.search.none")}</p>
      )}
    </>
  );
}
