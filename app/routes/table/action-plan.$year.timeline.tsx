import { Link } from "react-router";
import type { Route } from "./+types/action-plan.$year.timeline";
import { useT, useDay } from "../../i18n/use-t.ts";
import { pageTitle } from "../../i18n/page-title.ts";
import { ActionStatusBadge } from "../../components/action-plan/plan-ui.tsx";
import { loadPlan } from "../../modules/action-plan/read-plan.server.ts";
import { monthsCovered } from "../../modules/action-plan/timeline.ts";
import { guard, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { quebecDay } from "../../modules/time/days.ts";
import { TableScroll } from "../../components/table-scroll.tsx";

/** The plan's actions on a month axis, as a table (each month cell says whether the action runs then). */
export const policy = needs("actionplan.view");

export const meta: Route.MetaFunction = ({ matches, params }) => pageTitle(matches, "actionPlan.timeline.pageTitle", { year: params.year ?? "" });

export async function loader(args: Route.LoaderArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId || !/^\d{4}$/.test(args.params.year ?? "")) notFound();
  const year = Number(args.params.year);
  const full = await loadPlan(args.context.db, user.partnershipId, year);
  if (!full) notFound();
  return {
    today: quebecDay(),
    plan: { year: full.plan.year, title: full.plan.title },
    objectives: full.objectives.map((o) => ({
      id: o.id,
      title: o.title,
      actions: o.actions.map((a) => ({ id: a.id, title: a.title, status: a.status, startsOn: a.startsOn, endsOn: a.endsOn, months: monthsCovered(year, a.startsOn, a.endsOn) })),
    })),
  };
}

export default function Timeline({ loaderData }: Route.ComponentProps) {
  const { t, locale } = useT();
  const day = useDay();
  const { plan, objectives } = loaderData;
  const tag = locale === "fr" ? "fr-CA" : "en-CA";
  const months = Array.from({ length: 12 }, (_, m) => {
    const at = new Date(Date.UTC(plan.year, m, 15));
    return {
      short: new Intl.DateTimeFormat(tag, { month: "short", timeZone: "UTC" }).format(at),
      long: new Intl.DateTimeFormat(tag, { month: "long", timeZone: "UTC" }).format(at),
    };
  });
  return (
    <>
      <p>
        <Link to={`/action-plan/${plan.year}`}>
          {plan.title.includes(String(plan.year)) ? plan.title : `${plan.title} (${plan.year})`}
        </Link>
      </p>
      <h1>{t("actionPlan.timeline.pageTitle", { year: plan.year })}</h1>
      <p>{t("actionPlan.timeline.intro")}</p>
      <TableScroll label={t("actionPlan.timeline.caption", { year: plan.year })}>
        <table className="timeline">
          <caption>{t("actionPlan.timeline.caption", { year: plan.year })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("actionPlan.action.title")}</th>
              <th scope="col">{t("actionPlan.action.status")}</th>
              {months.map((m) => (
                <th key={m.long} scope="col">
                  <abbr title={m.long}>{m.short}</abbr>
                </th>
              ))}
            </tr>
          </thead>
          {objectives.map((o) => (
            <tbody key={o.id}>
              <tr>
                <th scope="rowgroup" colSpan={14} className="timeline-group">
                  {o.title}
                </th>
              </tr>
              {o.actions.map((a) => (
                <tr key={a.id}>
                  <th scope="row">
                    {a.title}
                    <span className="muted block">{a.startsOn || a.endsOn ? `${day(a.startsOn) || "…"} – ${day(a.endsOn) || "…"}` : t("actionPlan.timeline.noDates")}</span>
                  </th>
                  <td>
                    <ActionStatusBadge status={a.status} endsOn={a.endsOn} today={loaderData.today} />
                  </td>
                  {a.months.map((on, m) => (
                    <td key={m} className={on ? `timeline-on status-${a.status}` : "timeline-off"}>
                      {on ? <span className="visually-hidden">{t("actionPlan.timeline.running", { month: months[m]!.long })}</span> : null}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      </TableScroll>
    </>
  );
}
