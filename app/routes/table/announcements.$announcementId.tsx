import { Link } from "react-router";
import type { Route } from "./+types/announcements.$announcementId";
import { RichText } from "../../components/rich-text.tsx";
import { useFormatters, useT } from "../../i18n/use-t.ts";
import { pageTitle } from "../../i18n/page-title.ts";
import { openAnnouncement } from "../../modules/announcements/announcements.server.ts";
import { can } from "../../modules/authz/decide.ts";
import { guard, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { isUuid } from "../../modules/forms/fields.ts";

/**
 * One announcement. Opening it marks it read for that recipient: a read receipt, not a change of
 * anything shared, so it happens on GET (and works without JavaScript).
 */
export const policy = needs("partnership.view");

export const meta: Route.MetaFunction = ({ matches, data }) => pageTitle(matches, "announcements.title", undefined, data?.item.title);

export async function loader(args: Route.LoaderArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId || !isUuid(args.params.announcementId)) notFound();
  const seeAll = can(user.roles, "announcement.post", { partnershipId: user.partnershipId, organizationId: null });
  const item = await openAnnouncement(args.context.db, { partnershipId: user.partnershipId, personId: user.personId, id: args.params.announcementId, seeAll });
  if (!item) notFound();
  return { item, showReads: item.mine || seeAll };
}

export default function AnnouncementPage({ loaderData }: Route.ComponentProps) {
  const { t } = useT();
  const { dateTime } = useFormatters();
  const { item, showReads } = loaderData;
  return (
    <>
      <p>
        <Link to="/announcements">{t("announcements.title")}</Link>
      </p>
      <article>
        <h1>{item.title}</h1>
        <p className="muted">
          {t("announcements.byline", { author: item.authorName, date: dateTime(item.createdAt) })} ·{" "}
          {t(`announcements.audience.${item.audience}`, { organization: item.organizationName ?? "" })}
        </p>
        <RichText source={item.body} />
      </article>
      {showReads ? <p className="alert">{t("announcements.readBy", { read: item.readCount, total: item.recipientCount })}</p> : null}
    </>
  );
}
