import { Link } from "react-router";
import type { Route } from "./+types/home";
import { useT } from "../i18n/use-t.ts";
import type { MessageKey } from "../i18n/catalog.ts";
import { guard } from "../modules/authz/guard.server.ts";
import { publicRoute } from "../modules/authz/policy.ts";
import { getHomeSummary } from "../modules/governance/get-home-summary.server.ts";
import { countUnread } from "../modules/announcements/announcements.server.ts";
import { can } from "../modules/authz/decide.ts";

export const policy = publicRoute;

export async function loader(args: Route.LoaderArgs) {
  const user = await guard(args, policy);
  if (!user) return { user: null };
  const summary = await getHomeSummary(args.context.db, user);
  return {
    user: { givenName: user.givenName, roles: user.roles.map((r) => r.role), mfaMissing: user.mfaRequired && !user.mfaEnabled },
    summary,
    // Table work shortcuts (action plan, funding, handover) and unread announcements.
    tableWork: user.partnershipId
      ? {
          handoverDone: new URL(args.request.url).searchParams.get("handover") === "done",
          unread: await countUnread(args.context.db, user.partnershipId, user.personId),
          links: [
            ...(can(user.roles, "actionplan.view", { partnershipId: user.partnershipId }) ? [{ to: "/action-plan", title: "tableWork.nav.actionPlan", body: "tableWork.home.actionPlan" } as const] : []),
            { to: "/announcements", title: "tableWork.nav.announcements", body: "tableWork.home.announcements" } as const,
            ...(can(user.roles, "funding.view", { partnershipId: user.partnershipId }) ? [{ to: "/funding", title: "tableWork.nav.funding", body: "tableWork.home.funding" } as const] : []),
            ...(can(user.roles, "handover.manage", { partnershipId: user.partnershipId }) ? [{ to: "/handover", title: "tableWork.nav.handover", body: "tableWork.home.handover" } as const] : []),
          ],
        }
      : null,
  };
}

const shortcuts: { to: string; title: MessageKey; body: MessageKey }[] = [
  { to: "/directory", title: "nav.directory", body: "home.shortcut.directory" },
  { to: "/consultations", title: "nav.consultations", body: "home.shortcut.consultations" },
  { to: "/activities", title: "nav.activities", body: "home.shortcut.activities" },
  { to: "/profile", title: "nav.profile", body: "home.shortcut.profile" },
];

export default function Home({ loaderData }: Route.ComponentProps) {
  const { t, locale } = useT();
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
      <section className="alert" aria-labelledby="doubt-title">
        <h2 id="doubt-title">{t("home.doubt.title")}</h2>
        <p>{t("home.doubt.body")}</p>
        <p>
          <Link className="button" to="/pathway">
            {t("home.doubt.cta")}
          </Link>
        </p>
      </section>
      <h2>{t("home.shortcuts")}</h2>
      <ul className="cards">
        {shortcuts.map((s) => (
          <li key={s.to} className="card">
            <h3>
              <Link to={s.to}>{t(s.title)}</Link>
            </h3>
            <p>{t(s.body)}</p>
          </li>
        ))}
      </ul>
      {loaderData.tableWork ? (
        <>
          {loaderData.tableWork.handoverDone ? (
            <p className="alert success" role="status">
              {t("handover.done")}
            </p>
          ) : null}
          {loaderData.tableWork.unread ? (
            <p className="alert" role="status">
              <Link to="/announcements">{t("tableWork.home.unread", { count: loaderData.tableWork.unread })}</Link>
            </p>
          ) : null}
          <ul className="cards">
            {loaderData.tableWork.links.map((s) => (
              <li key={s.to} className="card">
                <h3>
                  <Link to={s.to}>{t(s.title)}</Link>
                </h3>
                <p>{t(s.body)}</p>
              </li>
            ))}
          </ul>
        </>
      ) : null}
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
