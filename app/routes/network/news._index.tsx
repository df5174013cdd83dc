import { Link } from "react-router";
import type { Route } from "./+types/news._index";
import { NewsKind, useNewsTitle } from "../../components/news/news-ui.tsx";
import { Pager, withParams } from "../../components/pagination.tsx";
import { SavedNotice } from "../../components/saved-notice.tsx";
import { pageTitle } from "../../i18n/page-title.ts";
import { useFormatters, useT } from "../../i18n/use-t.ts";
import { needs } from "../../modules/authz/policy.ts";
import { requestUrl } from "../../modules/forms/request-url.ts";
import { newsGuard } from "../../modules/news/news-route.server.ts";
import { listNews } from "../../modules/news/read-news.server.ts";

/** The news feed on practices: the Table's news items, newest first, ten a page. */
export const policy = needs("news.read");

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "news.title");

export async function loader(args: Route.LoaderArgs) {
  const viewer = await newsGuard(args, policy);
  const url = requestUrl(args.request);
  const wanted = Number.parseInt(url.searchParams.get("page") ?? "1", 10);
  const feed = await listNews(args.context.db, { partnershipId: viewer.partnershipId, page: Number.isSafeInteger(wanted) ? wanted : 1 });
  return { ...feed, mayPublish: viewer.mayPublish, search: url.search, archived: url.searchParams.get("saved") === "archived" };
}

export default function NewsFeed({ loaderData }: Route.ComponentProps) {
  const { t } = useT();
  const { dateTime } = useFormatters();
  const titleOf = useNewsTitle();
  const { items, page, pages, search } = loaderData;
  const params = new URLSearchParams(search);
  params.delete("saved");
  return (
    <>
      <p>
        <Link to="/network">{t("forum.title")}</Link>
      </p>
      <h1>{t("news.title")}</h1>
      <p className="lead">{t("news.intro")}</p>
      {loaderData.archived ? <SavedNotice message="news.archived" /> : null}
      {loaderData.mayPublish ? (
        <p>
          <Link to="/network/news/new" className="button">
            {t("news.new.title")}
          </Link>
        </p>
      ) : null}
      {items.length ? (
        <ul className="news-feed">
          {items.map((n) => (
            <li key={n.id}>
              <h2>
                <Link to={`/network/news/${n.id}`}>{titleOf(n)}</Link>
              </h2>
              <p className="muted">
                <NewsKind kind={n.kind} /> {t("news.by", { name: n.authorName, date: dateTime(n.publishedAt) })} · {t("news.comments", { count: n.comments })}
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("news.none")}</p>
      )}
      <Pager
        previous={page > 1 ? withParams(params, { page: page - 1 === 1 ? null : page - 1 }) : null}
        next={page < pages ? withParams(params, { page: page + 1 }) : null}
        label={pages > 1 ? t("news.pager.status", { page, pages }) : undefined}
        labels={{ nav: t("news.pager.nav"), previous: t("news.pager.previous"), next: t("news.pager.next") }}
      />
    </>
  );
}
