import { Form, Link, redirect, useSearchParams } from "react-router";
import type { Route } from "./+types/news.$newsId";
import { ErrorSummary } from "../../components/form.tsx";
import { NewsKind, PlainText, useNewsTitle } from "../../components/news/news-ui.tsx";
import { SavedNotice } from "../../components/saved-notice.tsx";
import { pageTitle } from "../../i18n/page-title.ts";
import { useFormatters, useT } from "../../i18n/use-t.ts";
import { actorOf, notFound } from "../../modules/authz/guard.server.ts";
import { isUuid } from "../../modules/forms/fields.ts";
import { can } from "../../modules/authz/decide.ts";
import { needs } from "../../modules/authz/policy.ts";
import { revalidateAfterConflict } from "../../modules/forms/conflict.ts";
import { parseForm } from "../../modules/forms/read-form.server.ts";
import { archiveNews } from "../../modules/news/edit-news.server.ts";
import { archiveNewsSchema } from "../../modules/news/news-schema.ts";
import { mayChange, newsGuard, newsOfUrl } from "../../modules/news/news-route.server.ts";
import { respond } from "../../modules/outcome/respond.server.ts";

/** One news item: its text (or the guide section it announces), its comment thread in the network; archive (asks first). */
export const policy = needs("news.read");

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "news.title");

export const shouldRevalidate = revalidateAfterConflict;

export async function loader(args: Route.LoaderArgs) {
  const viewer = await newsGuard(args, policy);
  const item = await newsOfUrl(args, viewer);
  // A guide editor outside the network (a trainer) reads the item but not its thread: no link to a 404.
  const readsNetwork = can(viewer.user.roles, "network.read", { partnershipId: viewer.partnershipId });
  return { item, mayChange: mayChange(viewer)(item.authorPersonId), readsNetwork };
}

export async function action(args: Route.ActionArgs) {
  const viewer = await newsGuard(args, policy);
  // Not newsOfUrl: an item archived meanwhile answers 409 (the form is stale), not 404.
  const id = args.params.newsId;
  if (!isUuid(id)) notFound();
  const input = await parseForm(args.request, archiveNewsSchema);
  if (!input.ok) return input.reply;
  const outcome = await archiveNews(args.context.db, actorOf(viewer.user, args.context), {
    partnershipId: viewer.partnershipId,
    personId: viewer.personId,
    id: id.toLowerCase(),
    version: input.data.version,
    mayChange: mayChange(viewer),
  });
  return respond(outcome, () => redirect("/network/news?saved=archived"));
}

export default function NewsPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const { dateTime } = useFormatters();
  const titleOf = useNewsTitle();
  const [params] = useSearchParams();
  const { item } = loaderData;
  const saved = params.get("saved");
  const title = titleOf(item);
  const formError = actionData && "formError" in actionData ? (actionData.formError as string | undefined) : undefined;
  return (
    <>
      <p>
        <Link to="/network">{t("forum.title")}</Link> › <Link to="/network/news">{t("news.title")}</Link>
      </p>
      {saved === "published" || saved === "edited" ? <SavedNotice message={saved === "published" ? "news.published" : "news.saved"} /> : null}
      <ErrorSummary formError={formError} />
      <article className="news-item">
        <h1>{title}</h1>
        <p className="muted">
          <NewsKind kind={item.kind} /> {t("news.by", { name: item.authorName, date: dateTime(item.publishedAt) })}
        </p>
        {item.kind === "guide_update" ? (
          <>
            {item.versionNumber ? <p>{t("news.guideUpdate.version", { number: item.versionNumber })}</p> : null}
            {item.body ? <PlainText text={item.body} /> : <p>{t("news.guideUpdate.noNote")}</p>}
            {item.guideSectionId ? (
              <p>
                <Link to={`/guide/sections/${item.guideSectionId}`}>{t("news.guideUpdate.read")}</Link>
              </p>
            ) : null}
          </>
        ) : (
          <PlainText text={item.body} />
        )}
      </article>
      <h2>{t("news.comments", { count: item.comments })}</h2>
      {item.forumThreadId && loaderData.readsNetwork ? (
        <p>
          <Link to={`/network/threads/${item.forumThreadId}`} className="button secondary">
            {t("news.comment")}
          </Link>
        </p>
      ) : (
        <p>{t(item.forumThreadId ? "news.threadOutside" : "news.noThread")}</p>
      )}
      {loaderData.mayChange ? (
        <div className="actions">
          {item.kind === "article" ? <Link to={`/network/news/${item.id}/edit`}>{t("news.edit.action")}</Link> : null}
          <details className="confirm-delete">
            <summary>{t("news.archive.summary")}</summary>
            <div className="confirm-box">
              <p>{t("news.archive.body")}</p>
              <Form method="post" className="actions">
                <input type="hidden" name="intent" value="archive" />
                <input type="hidden" name="version" value={item.version} />
                <button type="submit" className="danger">
                  {t("news.archive.confirm", { title })}
                </button>
              </Form>
            </div>
          </details>
        </div>
      ) : null}
    </>
  );
}
