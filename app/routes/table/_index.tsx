import { Link, useRouteLoaderData } from "react-router";
import type { Route } from "./+types/_index";
import type { MessageKey } from "../../i18n/catalog.ts";
import { pageTitle } from "../../i18n/page-title.ts";
import { useFormatters, useT, useDay } from "../../i18n/use-t.ts";
import { guard, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { tableSummary } from "../../modules/table-hub/table-summary.server.ts";

/** The Table hub: one entry to the Table's work, with the sections the person may open and where each stands. */
export const policy = needs("partnership.view");

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "tableHub.title");

export async function loader(args: Route.LoaderArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId) notFound();
  return { summary: await tableSummary(args.context.db, { ...user, partnershipId: user.partnershipId }, new Date()) };
}

interface SectionProps {
  id: string;
  title: MessageKey;
  to: string;
  body: MessageKey;
  facts: (string | null | false)[];
  links?: ({ to: string; label: MessageKey } | false)[];
}

function Section({ id, title, to, body, facts, links = [] }: SectionProps) {
  const { t } = useT();
  const shownFacts = facts.filter((f): f is string => !!f);
  const shownLinks = links.filter((l): l is { to: string; label: MessageKey } => !!l);
  return (
    <li className="card hub-card">
      <h2 id={`hub-${id}`}>
        <Link to={to}>{t(title)}</Link>
      </h2>
      <p>{t(body)}</p>
      {shownFacts.length ? (
        <ul className="hub-facts">
          {shownFacts.map((f) => (
            <li key={f}>{f}</li>
          ))}
        </ul>
      ) : null}
      {shownLinks.length ? (
        <ul className="hub-links" aria-label={t("tableHub.links", { section: t(title) })}>
          {shownLinks.map((l) => (
            <li key={l.to}>
              <Link to={l.to}>{t(l.label)}</Link>
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

export default function TableHub({ loaderData }: Route.ComponentProps) {
  const { t } = useT();
  const canStatistics = !!(useRouteLoaderData("root") as { canStatistics?: boolean } | undefined)?.canStatistics;
  const f = useFormatters();
  const day = useDay();
  const { partners, meetings, responsibilities, actionPlan, funding, handover, announcements } = loaderData.summary;
  return (
    <>
      <h1>{t("tableHub.title")}</h1>
      <p className="lead">{t("tableHub.intro")}</p>
      <ul className="cards hub-cards" aria-label={t("tableHub.sections")}>
        <Section
          id="partners"
          title="tableHub.partners.title"
          to="/partners"
          body="tableHub.partners.body"
          facts={[
            t("tableHub.partners.count", { count: partners.organizations }),
            partners.commitments && t("tableHub.partners.commitments", partners.commitments),
          ]}
          links={[
            { to: "/partners", label: "partners.subnav.profiles" },
            { to: "/partners/matrix", label: "partners.subnav.matrix" },
            !!partners.commitments && { to: "/partners/commitments", label: "partners.subnav.commitments" },
          ]}
        />
        {meetings ? (
          <Section
            id="meetings"
            title="tableHub.meetings.title"
            to="/meetings"
            body="tableHub.meetings.body"
            facts={[
              meetings.next ? t("tableHub.meetings.next", { title: meetings.next.title, when: f.dateTime(meetings.next.startsAt) }) : t("tableHub.meetings.none"),
              t("tableHub.meetings.upcoming", { count: meetings.upcoming }),
              meetings.toClose > 0 && t("tableHub.meetings.toClose", { count: meetings.toClose }),
            ]}
            links={[
              meetings.next ? { to: `/meetings/${meetings.next.id}`, label: "tableHub.home.next.title" } : false,
              { to: "/meetings", label: "meetings.title" },
              { to: "/meetings/decisions", label: "meetings.decisions.title" },
            ]}
          />
        ) : null}
        {responsibilities ? (
          <Section
            id="responsibilities"
            title="tableHub.responsibilities.title"
            to="/responsibilities/mine"
            body="tableHub.responsibilities.body"
            facts={[
              t("tableHub.responsibilities.mine", { open: responsibilities.mineOpen, overdue: responsibilities.mineOverdue }),
              responsibilities.showOverdue && t("tableHub.responsibilities.overdue", { count: responsibilities.overdue }),
            ]}
            links={[
              { to: "/responsibilities/mine", label: "responsibilities.mine.title" },
              responsibilities.showOverdue && { to: "/responsibilities?filter=overdue", label: "tableHub.responsibilities.overdueLink" },
              responsibilities.canList && { to: "/responsibilities", label: "responsibilities.title" },
            ]}
          />
        ) : null}
        {actionPlan ? (
          <Section
            id="action-plan"
            title="tableHub.actionPlan.title"
            to={actionPlan.plan ? `/action-plan/${actionPlan.plan.year}` : "/action-plan"}
            body="tableHub.actionPlan.body"
            facts={[actionPlan.plan ? t("tableHub.actionPlan.counts", { ...actionPlan.plan }) : t("tableHub.actionPlan.none")]}
            links={[
              !!actionPlan.plan && { to: "/action-plan", label: "actionPlan.title" },
              // The evaluation measures the plan: its indicators and the evaluators' recommendations.
              { to: "/evaluation", label: "evaluation.nav.dashboard" },
              { to: "/evaluation/reports", label: "evaluation.nav.reports" },
              // The organizations' counts per period, entered and reviewed under the statistics.
              canStatistics && { to: "/statistics", label: "nav.statistics" },
              // The partners' surveys, whose results feed the evaluation.
              loaderData.summary.surveys && { to: "/surveys", label: "nav.surveys" },
            ]}
          />
        ) : null}
        {funding ? (
          <Section
            id="funding"
            title="tableHub.funding.title"
            to="/funding"
            body="tableHub.funding.body"
            facts={[
              t("tableHub.funding.active", { count: funding.active }),
              funding.nextReportOn && t("tableHub.funding.nextReport", { date: day(funding.nextReportOn) }),
              funding.firstEndOn && t("tableHub.funding.firstEnd", { date: day(funding.firstEndOn) }),
            ]}
          />
        ) : null}
        {handover ? (
          <Section
            id="handover"
            title="tableHub.handover.title"
            to="/handover"
            body="tableHub.handover.body"
            facts={[handover.open ? t("tableHub.handover.open", { checked: handover.checked, total: handover.total }) : t("tableHub.handover.none")]}
          />
        ) : null}
        <Section
          id="announcements"
          title="tableHub.announcements.title"
          to="/announcements"
          body="tableHub.announcements.body"
          facts={[t("tableHub.announcements.unread", { count: announcements.unread })]}
          links={announcements.canPost ? [{ to: "/announcements/new", label: "tableHub.announcements.new" }] : []}
        />
      </ul>
    </>
  );
}
