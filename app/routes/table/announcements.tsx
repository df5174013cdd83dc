import { Link } from "react-router";
import type { Route } from "./+types/announcements";
import { useFormatters, useT } from "../../i18n/use-t.ts";
import { pageTitle } from "../../i18n/page-title.ts";
import { postingRights } from "../../modules/announcements/audience.server.ts";
import { listAnnouncements } from "../../modules/announcements/announcements.server.ts";
import { can } from "../../modules/authz/decide.ts";
import { guard, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { requestUrl } from "../../modules/forms/request-url.ts";
import { SavedNotice } from "../../components/saved-notice.tsx";

/** Announcements addressed to me (and those I wrote), newest first, unread ones marked. */
export const policy = needs("partnership.view");

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "announcements.title");

export async function loader(args: Route.LoaderArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId) notFound();
  const seeAll = can(user.roles, "announcement.post", { partnershipId: user.partnershipId, organizationId: null });
  const items = await listAnnouncements(args.context.db, { partnershipId: user.partnershipId, personId: user.personId, seeAll });
  return { items, canPost: postingRights(user.roles, user.partnershipId).audiences.length > 0, posted: requestUrl(args.request).searchParams.has("posted") };
}

export default function Announcements({ loaderData }: Route.ComponentProps) {
  const { t } = useT();
  const { dateTime } = useFormatters();
  const { items, canPost } = loaderData;
  return (
    <>
      <h1>{t("announcements.title")}</h1>
      {loaderData.posted ? <SavedNotice message="announcements.posted" /> : null}
      {canPost ? (
        <p>
          <Link className="button" to="/announcements/new">
            {t("announcements.new")}
          </Link>
        </p>
      ) : null}
      {items.length === 0 ? (
        <p>{t("announcements.empty")}</p>
      ) : (
        <ul className="announcement-list">
          {items.map((a) => (
            <li key={a.id} className={a.readAt === null ? "card unread" : "card"}>
              <h2 className="h3">
                <Link to={`/announcements/${a.id}`}>{a.title}</Link> {a.readAt === null ? <span className="badge badge-new">{t("announcements.unread")}</span> : null}
              </h2>
              <p className="muted">
                {t("announcements.byline", { author: a.authorName, date: dateTime(a.createdAt) })} ·{" "}
                {t(`announcements.audience.${a.audience}`, { organization: a.organizationName ?? "" })}
              </p>
              {a.mine ? <p>{t("announcements.readBy", { read: a.readCount, total: a.recipientCount })}</p> : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
