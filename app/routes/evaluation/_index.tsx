import { Form, Link } from "react-router";
import type { Route } from "./+types/_index";
import { ChartFigure } from "../../components/chart-figure.tsx";
import { EvaluationNav } from "../../components/evaluation/evaluation-nav.tsx";
import { SelectField } from "../../components/form.tsx";
import { TableScroll } from "../../components/table-scroll.tsx";
import { pageTitle } from "../../i18n/page-title.ts";
import { useT } from "../../i18n/use-t.ts";
import { usePeriodLabel } from "../../components/evaluation/use-period-label.ts";
import { guard, notFound } from "../../modules/authz/guard.server.ts";
import { can } from "../../modules/authz/decide.ts";
import { needs } from "../../modules/authz/policy.ts";
import { requestUrl } from "../../modules/forms/request-url.ts";
import { dashboardView } from "../../modules/indicators/dashboard-view.server.ts";
import { disaggregations, type Disaggregation } from "../../modules/indicators/figures.ts";
import { getDashboard } from "../../modules/indicators/get-dashboard.server.ts";
import { resolveLocale } from "../../i18n/locale.server.ts";

/** The evaluation dashboard: every indicator for a period, against its target and the previous period. */
export const policy = needs("evaluation.view");

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "evaluation.title");

export async function loader(args: Route.LoaderArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId) notFound();
  const url = requestUrl(args.request);
  const byParam = url.searchParams.get("by") ?? "";
  const by = (disaggregations as readonly string[]).includes(byParam) ? (byParam as Disaggregation) : null;
  const exact = can(user.roles, "evaluation.exact_figures", { partnershipId: user.partnershipId });
  const dashboard = await getDashboard(args.context.db, { partnershipId: user.partnershipId, periodKey: url.searchParams.get("period"), by, foundedYear: null, exact });
  const locale = resolveLocale(args.request, user.locale);
  return {
    view: dashboardView(dashboard, locale),
    canExport: can(user.roles, "evaluation.export", { partnershipId: user.partnershipId }),
    statisticsResults: can(user.roles, "statistics.results", { partnershipId: user.partnershipId }),
  };
}

export default function EvaluationDashboard({ loaderData }: Route.ComponentProps) {
  const { t } = useT();
  const periodLabelOf = usePeriodLabel();
  const { view, canExport, statisticsResults } = loaderData;
  const query = `period=${encodeURIComponent(view.periodKey)}${view.by ? `&by=${encodeURIComponent(view.by)}` : ""}`;
  return (
    <>
      <h1>{t("evaluation.title")}</h1>
      <EvaluationNav />
      <p>{t("evaluation.intro")}</p>
      <Form method="get" className="filters">
        <fieldset>
          <legend>{t("evaluation.filters.legend")}</legend>
          <SelectField name="period" required label={t("evaluation.filters.period")} options={view.choices.map((key) => ({ value: key, label: periodLabelOf(key) }))} defaultValue={view.periodKey} />
          <SelectField
            name="by"
            required
            label={t("evaluation.filters.by")}
            options={[{ value: "all", label: t("evaluation.by.none") }, ...disaggregations.map((d) => ({ value: d, label: t(`evaluation.by.${d}`) }))]}
            defaultValue={view.by || "all"}
          />
          <p>
            <button type="submit">{t("evaluation.filters.apply")}</button>
          </p>
        </fieldset>
      </Form>
      <p className="lead">
        <strong>{view.periodLabel}</strong> ({view.rangeLabel}) · {view.breakdownLabel}
      </p>
      <p className="notice">{view.footnote}</p>
      {view.chart ? (
        <ChartFigure src={`/evaluation/chart.svg?chart=progress&${query}`} title={view.chart.title}>
          <TableScroll label={view.chart.title}>
            <table>
              <caption>{view.chart.title}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("evaluation.col.indicator")}</th>
                  <th scope="col">{t("evaluation.col.value")}</th>
                  <th scope="col">{t("evaluation.col.target")}</th>
                  <th scope="col">{t("evaluation.col.progress")}</th>
                </tr>
              </thead>
              <tbody>
                {view.themes
                  .flatMap((theme) => theme.rows)
                  .filter((r) => r.met !== null)
                  .map((r) => (
                    <tr key={r.code}>
                      <th scope="row">{r.name}</th>
                      <td className="num">{r.value}</td>
                      <td className="num">{r.target}</td>
                      <td>{r.progress}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </TableScroll>
        </ChartFigure>
      ) : (
        <p>{t("evaluation.chart.noTargets")}</p>
      )}
      {view.themes.map((theme) => (
        <section key={theme.theme} aria-labelledby={`theme-${theme.theme}`}>
          <h2 id={`theme-${theme.theme}`}>{theme.title}</h2>
          <TableScroll label={t("evaluation.caption.theme", { theme: theme.title })}>
            <table className="indicators">
              <caption>{t("evaluation.caption.theme", { theme: theme.title })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("evaluation.col.indicator")}</th>
                  <th scope="col">{view.periodLabel}</th>
                  <th scope="col">{view.previousLabel}</th>
                  <th scope="col">{t("evaluation.col.target")}</th>
                  <th scope="col">{t("evaluation.col.progress")}</th>
                </tr>
              </thead>
              <tbody>
                {theme.rows.flatMap((r) => [
                  <tr key={r.code}>
                    <th scope="row">
                      <Link to={`/evaluation/indicators/${r.code}?${query}`}>{r.name}</Link>
                      {r.lowerIsBetter ? <span className="hint"> {t("evaluation.better.lower")}</span> : null}
                    </th>
                    <td className="num">{r.value}</td>
                    <td className="num">{r.previous}</td>
                    <td className="num">{r.target}</td>
                    <td className={r.met === null ? undefined : r.met ? "met" : "not-met"}>{r.progress}</td>
                  </tr>,
                  ...(r.breakdown ?? []).map((b) => (
                    <tr key={`${r.code}-${b.key}`} className="sub-row">
                      <th scope="row">{b.label}</th>
                      <td className="num">{b.value}</td>
                      <td colSpan={3}></td>
                    </tr>
                  )),
                ])}
              </tbody>
            </table>
          </TableScroll>
          {theme.theme === "statistics" && statisticsResults ? (
            <p>
              <Link to="/statistics/results">{t("statistics.results.evaluationLink")}</Link>
            </p>
          ) : null}
        </section>
      ))}
      {canExport ? (
        <section aria-labelledby="downloads">
          <h2 id="downloads">{t("evaluation.download.title")}</h2>
          <p>{t("evaluation.download.protected")}</p>
          <ul>
            <li>
              <a href={`/evaluation/report.pdf?period=${encodeURIComponent(view.periodKey)}`} download>
                {t("evaluation.report.download")}
              </a>
            </li>
            <li>
              <a href={`/evaluation/export.csv?${query}`} download>
                {t("evaluation.download.dashboard.csv")}
              </a>
            </li>
            <li>
              <a href={`/evaluation/export.xlsx?${query}`} download>
                {t("evaluation.download.dashboard.xlsx")}
              </a>
            </li>
          </ul>
        </section>
      ) : null}
    </>
  );
}
