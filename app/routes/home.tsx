import { Link, useRouteLoaderData } from "react-router";
import type { Route } from "./+types/home";
import { useFormatters, useT } from "../i18n/use-t.ts";
import type { MessageKey } from "../i18n/catalog.ts";
import { guard } from "../modules/authz/guard.server.ts";
import { publicRoute } from "../modules/authz/policy.ts";
import { getHomeSummary } from "../modules/governance/get-home-summary.server.ts";
import { can } from "../modules/authz/decide.ts";
import { meetingAccess } from "../modules/meetings/meeting-access.server.ts";
import { meetingSummary } from "../modules/meetings/meeting-summary.server.ts";
import { responsibilitySummary } from "../modules/meetings/responsibilities/responsibility-summary.server.ts";
import { requestUrl } from "../modules/forms/request-url.ts";
import { pageMessages } from "../i18n/page-messages.server.ts";
import { pageTitle } from "../i18n/page-title.ts";
import { SavedNotice } from "../components/saved-notice.tsx";
import { quebecDay } from "../modules/time/days.ts";
import { whatNeedsYou } from "../modules/home/what-needs-you.server.ts";
import { WhatNeedsYou } from "../components/home/what-needs-you.tsx";

export const policy = publicRoute;

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "nav.home");

export async function loader(args: Route.LoaderArgs) {
  const [user, { messages }] = await Promise.all([guard(args, policy), pageMessages(args)]);
  if (!user) return { messages, user: null };
  const member = user.partnershipId && can(user.roles, "partnership.view", { partnershipId: user.partnershipId }) ? { ...user, partnershipId: user.partnershipId } : null;
  const [summary, tableWork, needs] = await Promise.all([
    getHomeSummary(args.context.db, user),
    // The Table: the hub's entry and — when there is one — the next meeting and my open
    // responsibilities (scoped to what the person sees in their Table).
    member ? tableShortcuts(args.context.db, member, requestUrl(args.request)) : null,
    member ? whatNeedsYou(args.context.db, member) : [],
  ]);
  return {
    messages,
    user: { givenName: user.givenName, roles: user.roles.map((r) => r.role), mfaMissing: user.mfaRequired && !user.mfaEnabled },
    summary,
    tableWork,
    needs,
  };
}

async function tableShortcuts(db: Route.LoaderArgs["context"]["db"], user: Parameters<typeof meetingAccess>[0], url: URL) {
  const now = new Date();
  const may = (p: "meeting.view" | "responsibility.own") => can(user.roles, p, { partnershipId: user.partnershipId });
  const access = may("meeting.view") || may("responsibility.own") ? meetingAccess(user) : null;
  // The unread count is the root loader's (it draws the header badge): not counted twice.
  const [meetings, responsibilities] = await Promise.all([
    access && may("meeting.view") ? meetingSummary(db, access, now) : null,
    access ? responsibilitySummary(db, access, quebecDay(now)) : null,
  ]);
  return {
    handoverDone: url.searchParams.get("handover") === "done",
    nextMeeting: meetings?.next ?? null,
    mine: responsibilities && responsibilities.mineOpen > 0 ? { open: responsibilities.mineOpen, overdue: responsibilities.mineOverdue } : null,
  };
}

const shortcuts: { to: string; title: MessageKey; body: MessageKey }[] = [
  { to: "/directory", title: "home.shortcut.directoryTitle", body: "home.shortcut.directory" },
  { to: "/consultations", title: "nav.consultations", body: "home.shortcut.consultations" },
  { to: "/activities", title: "home.shortcut.activitiesTitle", body: "home.shortcut.activities" },
  { to: "/profile", title: "nav.profile", body: "home.shortcut.profile" },
];

export default function Home({ loaderData }: Route.ComponentProps) {
  const { t, locale } = useT();
  const f = useFormatters();
  const unread = (useRouteLoaderData("root") as { unreadAnnouncements?: number } | undefined)?.unreadAnnouncements ?? 0;
  if (!loaderData.user) {
    return (
      <>
        <h1>{t("home.public.title")}</h1>
        <p className="lead">{t("app.tagline")}</p>
        <p>{t("home.public.body")}</p>
        <p className="actions">
          <Link className="button" to="/login">
            {t("nav.login")}
          </Link>
        </p>
        <p>
          <Link to="/signup">{t("home.public.signup")}</Link>
        </p>
      </>
    );
  }
  const { user, summary } = loaderData;
  return (
    <>
      <h1>{t("home.title", { name: user.givenName })}</h1>
      <p>{t("home.intro")}</p>
      {user.mfaMissing ? (
        <p className="alert warning">
          {t("home.mfaWarning")} <Link to="/mfa/setup">{t("nav.profile")}</Link>
        </p>
      ) : null}
      {loaderData.tableWork ? <WhatNeedsYou needs={loaderData.needs} unreadAnnouncements={unread} /> : null}
      <section className="alert" aria-labelledby="doubt-title">
        <h2 id="doubt-title">{t("home.doubt.title")}</h2>
        <p>{t("home.doubt.body")}</p>
        <p>
          <Link className="button" to="/pathway">
            {t("home.doubt.cta")}
          </Link>
        </p>
      </section>
      {loaderData.tableWork?.handoverDone ? <SavedNotice message="handover.done" /> : null}
      <h2>{t("home.shortcuts")}</h2>
      <ul className="cards">
        {loaderData.tableWork?.nextMeeting ? (
          <li className="card">
            <h3>
              <Link to={`/meetings/${loaderData.tableWork.nextMeeting.id}`}>{t("tableHub.home.next.title")}</Link>
            </h3>
            <p>{t("tableHub.home.next.body", { title: loaderData.tableWork.nextMeeting.title, when: f.dateTime(loaderData.tableWork.nextMeeting.startsAt) })}</p>
          </li>
        ) : null}
        {loaderData.tableWork?.mine ? (
          <li className="card">
            <h3>
              <Link to="/responsibilities/mine">{t("tableHub.home.mine.title")}</Link>
            </h3>
            <p>{t("tableHub.home.mine.body", loaderData.tableWork.mine)}</p>
          </li>
        ) : null}
        {shortcuts.map((s) => (
          <li key={s.to} className="card">
            <h3>
              <Link to={s.to}>{t(s.title)}</Link>
            </h3>
            <p>{t(s.body)}</p>
          </li>
        ))}
        {loaderData.tableWork ? (
          <li className="card">
            <h3>
              <Link to="/table">{t("tableHub.title")}</Link>
            </h3>
            <p>{t("tableHub.home.table.body")}</p>
          </li>
        ) : null}
      </ul>
      <h2>{t("home.you")}</h2>
      <dl className="summary">
        {summary?.partnership ? (
          <>
            <dt>{t("home.table")}</dt>
            <dd>{locale === "en" ? summary.partnership.nameEn : summary.partnership.nameFr}</dd>
          </>
        ) : null}
        {summary?.organization ? (
          <>
            <dt>{t("home.organization")}</dt>
            <dd>{locale === "en" ? summary.organization.nameEn : summary.organization.nameFr}</dd>
          </>
        ) : null}
        <dt>{t("home.roles")}</dt>
        <dd>
          <ul>
            {[...new Set(user.roles)].map((role) => (
              <li key={role}>{t(`role.${role}` as MessageKey)}</li>
            ))}
          </ul>
        </dd>
      </dl>
    </>
  );
}
