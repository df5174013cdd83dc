import { Link, redirect } from "react-router";
import type { Route } from "./+types/notifications";
import stylesheet from "../../components/forum/forum.css?url";
import { PostButton } from "../../components/form.tsx";
import type { MessageKey } from "../../i18n/catalog.ts";
import { pageTitle } from "../../i18n/page-title.ts";
import { useFormatters, useT } from "../../i18n/use-t.ts";
import { needs } from "../../modules/authz/policy.ts";
import { forumGuard } from "../../modules/forum/forum-route.server.ts";
import { listNotifications, markAllNotificationsRead } from "../../modules/forum/notifications.server.ts";
import { intentOf } from "../../modules/forms/dispatch-intent.ts";
import { readForm } from "../../modules/forms/read-form.server.ts";
import { invalidFields, ok } from "../../modules/outcome/outcome.ts";
import { respond } from "../../modules/outcome/respond.server.ts";

/** The network's notifications: mentions, replies, new threads and posts one watches, moderation notices. */
export const policy = needs("network.read");

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "forum.notifications.title");

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];

export async function loader(args: Route.LoaderArgs) {
  const { viewer } = await forumGuard(args, policy);
  return { notifications: await listNotifications(args.context.db, viewer) };
}

export async function action(args: Route.ActionArgs) {
  const { viewer } = await forumGuard(args, policy);
  const read = await readForm(args.request);
  if (!read.ok) return respond(invalidFields(read.errors, "form.errors"), () => null);
  if (intentOf(read.values) !== "readAll") return respond(invalidFields({}, "form.invalid"), () => null);
  await markAllNotificationsRead(args.context.db, viewer);
  return respond(ok("/network/notifications"), (location) => redirect(location));
}

export default function NetworkNotifications({ loaderData }: Route.ComponentProps) {
  const { t } = useT();
  const { dateTime } = useFormatters();
  const { notifications } = loaderData;
  const unread = notifications.filter((n) => n.unread).length;
  return (
    <>
      <p>
        <Link to="/network">{t("forum.title")}</Link>
      </p>
      <h1>{t("forum.notifications.title")}</h1>
      <p className="lead">{t("forum.notifications.intro")}</p>
      {unread ? <PostButton fields={{ intent: "readAll" }} className="secondary">{t("forum.notifications.readAll")}</PostButton> : null}
      {notifications.length ? (
        <ul className="forum-notifications">
          {notifications.map((n) => (
            <li key={n.id}>
              {n.unread ? <span className="badge">{t("forum.notifications.new")}</span> : null}{" "}
              {t(`forum.notification.${n.kind}` as MessageKey, { name: n.actorName ?? t("forum.notifications.someone") })}{" "}
              <Link to={`/network/threads/${n.threadId}${n.position ? `#post-${n.position}` : ""}`}>{n.threadTitle}</Link>
              <br />
              <time className="muted" dateTime={n.at}>
                {dateTime(n.at)}
              </time>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("forum.notifications.none")}</p>
      )}
    </>
  );
}
