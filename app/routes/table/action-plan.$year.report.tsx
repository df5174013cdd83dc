import { Link } from "react-router";
import type { Route } from "./+types/action-plan.$year.report";
import { useT, useDay } from "../../i18n/use-t.ts";
import { pageTitle } from "../../i18n/page-title.ts";
import { ActionStatusBadge, Progress } from "../../components/action-plan/plan-ui.tsx";
import { can } from "../../modules/authz/decide.ts";
import { buildYearEndReport } from "../../modules/action-plan/year-end-report.server.ts";
import { actionStatuses } from "../../modules/action-plan/vocabulary.ts";
import { guard, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { TableScroll } from "../../components/table-scroll.tsx";

/** The year-end report: what was done against what was planned, indicator results, linked responsibilities. */
export const policy = needs("actionplan.view");

export const meta: Route.MetaFunction = ({ matches, params }) => pageTitle(matches, "actionPlan.report.title", { year: params.year ?? "" });

export async function loader(args: Route.LoaderArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId || !/^\d{4}$/.test(args.params.year ?? "")) notFound();
  // Bound indicators: exact for the Table coordinator in the app, protected for everyone else.
  const exact = can(user.roles, "evaluation.exact_figures", { partnershipId: user.partnershipId });
  const report = await buildYearEndReport(args.context.db, user.partnershipId, Number(args.params.year), { exact });
  if (!report) notFound();
  return { report };
}

export default function YearEndReport({ loaderData }: Route.ComponentProps) {
  const { t } = useT();
  const day = useDay();
  const { report } = loaderData;
  const { plan, totals } = report;
  return (
    <>
      <p>
        <Link to={`/action-plan/${plan.year}`}>
          {plan.title.includes(String(plan.year)) ? plan.title : `${plan.title} (${plan.year})`}
        </Link>
      </p>
      <h1>{t("actionPlan.report.title", { year: plan.year })}</h1>
      <p className="actions">
        <a className="button" href={`/action-plan/${plan.year}/report/pdf`}>
          {t("actionPlan.report.pdf")}
        </a>
      </p>
      <section aria-labelledby="totals-heading">
        <h2 id="totals-heading">{t("actionPlan.report.summary")}</h2>
        <dl className="summary report-totals">
          <div>
            <dt>{t("actionPlan.report.actionsDone")}</dt>
            <dd>{t("actionPlan.report.actionsDoneValue", { done: totals.byStatus.done, total: totals.actions, rate: totals.doneRate })}</dd>
          </div>
          {actionStatuses
            .filter((s) => s !== "done")
            .map((s) => (
              <div key={s}>
                <dt>{t(`actionPlan.status.${s}`)}</dt>
                <dd>{totals.byStatus[s]}</dd>
              </div>
            ))}
          <div>
            <dt>{t("actionPlan.report.averageProgress")}</dt>
            <dd>{totals.averageProgress} %</dd>
          </div>
          <div>
            <dt>{t("actionPlan.report.indicatorsMet")}</dt>
            <dd>{t("actionPlan.report.indicatorsMetValue", { met: totals.indicatorsMet, measured: totals.indicatorsMeasured, total: totals.indicators })}</dd>
          </div>
          {totals.responsibilities ? (
            <div>
              <dt>{t("actionPlan.report.responsibilities")}</dt>
              <dd>{t("actionPlan.report.responsibilitiesValue", { done: totals.responsibilitiesDone, total: totals.responsibilities })}</dd>
            </div>
          ) : null}
        </dl>
      </section>
      {report.objectives.map((o) => (
        <section key={o.id} aria-labelledby={`r-${o.id}`}>
          <h2 id={`r-${o.id}`}>{o.title}</h2>
          <TableScroll label={t("actionPlan.actionsOf", { objective: o.title })}>
            <table>
              <caption>{t("actionPlan.actionsOf", { objective: o.title })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("actionPlan.action.title")}</th>
                  <th scope="col">{t("actionPlan.action.status")}</th>
                  <th scope="col">{t("actionPlan.action.progress")}</th>
                </tr>
              </thead>
              <tbody>
                {o.actions.map((a) => (
                  <tr key={a.id}>
                    <th scope="row">{a.title}</th>
                    <td>
                      <ActionStatusBadge status={a.status} />
                    </td>
                    <td>
                      <Progress value={a.progress} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          {o.indicators.length ? (
            <TableScroll label={t("actionPlan.indicatorsOf", { objective: o.title })}>
              <table>
                <caption>{t("actionPlan.indicatorsOf", { objective: o.title })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("actionPlan.indicator.label")}</th>
                    <th scope="col">{t("actionPlan.indicator.target")}</th>
                    <th scope="col">{t("actionPlan.indicator.actual")}</th>
                    <th scope="col">{t("actionPlan.indicator.result")}</th>
                  </tr>
                </thead>
                <tbody>
                  {o.indicators.map((i) => (
                    <tr key={i.id}>
                      <th scope="row">{i.label}</th>
                      <td>
                        {i.target} {i.unit}
                      </td>
                      <td>
                        {i.live === "suppressed"
                          ? t("evaluation.suppressedMark")
                          : i.actual === null
                            ? t("actionPlan.indicator.notMeasured")
                            : i.live
                              ? t("actionPlan.indicator.live", { value: `${i.actual} ${i.unit}`.trim() })
                              : `${i.actual} ${i.unit}`}
                      </td>
                      <td>
                        {i.met === null
                          ? "—"
                          : `${i.met ? t("actionPlan.indicator.met") : t("actionPlan.indicator.notMet")}${i.percent === null ? "" : ` (${i.percent} %)`}`}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          ) : null}
          {o.responsibilities.length ? (
            <>
              <h3>{t("actionPlan.report.responsibilities")}</h3>
              <ul>
                {o.responsibilities.map((r) => (
                  <li key={r.id}>
                    {t("actionPlan.report.responsibilityLine", { what: r.what, owner: r.owner, due: day(r.dueOn), status: t(`actionPlan.responsibilityStatus.${r.status}`) })}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ))}
    </>
  );
}
