import { Form, Link } from "react-router";
import type { Route } from "./+types/data-sets.$dataSetId.results";
import { ChartFigure } from "../../components/chart-figure.tsx";
import { SelectField } from "../../components/form.tsx";
import { ResultsGrid } from "../../components/statistics/results-table.tsx";
import { StatisticsNav, usePeriodLabel } from "../../components/statistics/statistics-nav.tsx";
import { pageTitle } from "../../i18n/page-title.ts";
import { useT } from "../../i18n/use-t.ts";
import { notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { getStatisticsResults } from "../../modules/statistics/get-results.server.ts";
import { pageTable, rowsParam } from "../../modules/statistics/results.ts";
import { resultsQuery, statisticsGuard } from "../../modules/statistics/statistics-route.server.ts";

/** A data set's results: approved counts by category option, organization type and period, every figure through the disclosure control. */
export const policy = needs("statistics.results");

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "statistics.results.title");

export async function loader(args: Route.LoaderArgs) {
  const g = await statisticsGuard(args, policy);
  const query = resultsQuery(args, g, true);
  const found = await getStatisticsResults(args.context.db, query);
  if (!found) notFound();
  // The page's data rides in its HTML: figures in their compact form, the columns once.
  const results = {
    ...found,
    choices: found.choices.map((c) => c.key),
    chosen: query.from !== null && query.to !== null && found.from !== null,
    cols: found.elements[0]?.trend.cols ?? [],
    elements: found.elements.map(({ breakdown, trend, ...e }) => ({ ...e, breakdown: pageTable(breakdown), trend: pageTable(trend) })),
  };
  return { results, mayDefine: g.mayDefine, mayReview: g.mayReview, mayView: g.mayView, mayExport: g.mayExport };
}

export default function StatisticsResultsPage({ loaderData }: Route.ComponentProps) {
  const { t } = useT();
  const { results, mayDefine, mayReview, mayView, mayExport } = loaderData;
  const titles = (e: (typeof results.elements)[number]) => ({
    breakdown: t("statistics.results.breakdownTitle", { element: e.name, rows: e.breakdown.rowHeader }),
    trend: t("statistics.results.trendTitle", { element: e.name }),
  });
  const base = `/statistics/data-sets/${results.set.id}`;
  const periodLabel = usePeriodLabel();
  const label = (key: string | null) => (key ? periodLabel(key) : "");
  // The page's own choices, for its links (charts, downloads, the exact view): the periods only when the reader chose them.
  const choice = new URLSearchParams();
  if (results.from && results.to && results.chosen) {
    choice.set("from", results.from);
    choice.set("to", results.to);
  }
  for (const e of results.elements) if (e.categories.length > 1 && e.rowsBy && e.rowsBy !== e.categories[0]!.code) choice.set(rowsParam(e.code), e.rowsBy);
  const withExact = (extra: Record<string, string>) => {
    const q = new URLSearchParams(choice);
    if (results.exact) q.set("exact", "1");
    for (const [k, v] of Object.entries(extra)) q.set(k, v);
    return q.toString();
  };
  const toggle = new URLSearchParams(choice);
  if (!results.exact) toggle.set("exact", "1");
  return (
    <>
      <p>
        <Link to="/statistics/results">{t("statistics.results.title")}</Link>
      </p>
      <h1>{t("statistics.results.heading", { set: results.set.name })}</h1>
      <StatisticsNav mayDefine={mayDefine} mayReview={mayReview} mayView={mayView} />
      <p>{t("statistics.results.intro")}</p>
      {results.periods.length === 0 ? (
        <p>{t("statistics.results.noPeriod")}</p>
      ) : (
        <>
          <Form method="get" className="filters">
            <fieldset>
              <legend>{t("statistics.results.filters")}</legend>
              <SelectField name="from" required label={t("statistics.results.from")} options={results.choices.map((key) => ({ value: key, label: periodLabel(key) }))} defaultValue={results.from} />
              <SelectField name="to" required label={t("statistics.results.to")} options={results.choices.map((key) => ({ value: key, label: periodLabel(key) }))} defaultValue={results.to} />
              {results.elements
                .filter((e) => e.categories.length > 1)
                .map((e) => (
                  <SelectField key={e.code} name={rowsParam(e.code)} required label={t("statistics.results.rowsBy", { element: e.name })} options={e.categories.map((c) => ({ value: c.code, label: c.name }))} defaultValue={e.rowsBy} />
                ))}
              {results.exact ? <input type="hidden" name="exact" value="1" /> : null}
              <p>
                <button type="submit">{t("statistics.results.apply")}</button>
              </p>
            </fieldset>
          </Form>
          <p className="lead">
            <strong>{t("statistics.results.range", { from: label(results.from), to: label(results.to) })}</strong> ({t("statistics.results.periods", { count: results.periods.length })})
          </p>
          <p className="notice">{results.exact ? t("statistics.results.exact.notice") : t("statistics.results.footnote", { max: String(results.threshold - 1) })}</p>
          {mayReview ? (
            <p>
              <Link to={`?${toggle.toString()}`}>{t(results.exact ? "statistics.results.exact.hide" : "statistics.results.exact.show")}</Link>
            </p>
          ) : null}
          {results.elements.map((e) => (
            <section key={e.code} aria-labelledby={`element-${e.code}`}>
              <h2 id={`element-${e.code}`}>{e.name}</h2>
              <ChartFigure src={`${base}/chart.svg?${withExact({ element: e.code, chart: "breakdown" })}`} title={titles(e).breakdown}>
                <ResultsGrid table={e.breakdown} cols={results.cols} label={titles(e).breakdown} />
                <p className="hint">{t("statistics.results.suppressedCount", { count: e.breakdown.suppressedCount })}</p>
              </ChartFigure>
              <ChartFigure src={`${base}/chart.svg?${withExact({ element: e.code, chart: "trend" })}`} title={titles(e).trend}>
                <ResultsGrid table={e.trend} cols={results.cols} label={titles(e).trend} />
                <p className="hint">{t("statistics.results.suppressedCount", { count: e.trend.suppressedCount })}</p>
              </ChartFigure>
            </section>
          ))}
          {mayExport ? (
            <section aria-labelledby="downloads">
              <h2 id="downloads">{t("statistics.results.download")}</h2>
              <ul>
                <li>
                  <a href={`${base}/results.csv?${choice.toString()}`} download>
                    {t("statistics.results.csv")}
                  </a>
                </li>
                <li>
                  <a href={`${base}/results.xlsx?${choice.toString()}`} download>
                    {t("statistics.results.xlsx")}
                  </a>
                </li>
              </ul>
            </section>
          ) : null}
        </>
      )}
    </>
  );
}
