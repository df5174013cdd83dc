import type { Database } from "../db/client.server.ts";
import { renderChart } from "../charts/render-chart.server.ts";
import { translator } from "../../i18n/catalog.ts";
import { getStatisticsResults, type ResultsQuery } from "./get-results.server.ts";
import type { ElementResults, Figure } from "./results.ts";

export type ResultsChart = "breakdown" | "trend";

const valueOf = (p: Figure) => (p.kind === "value" ? p.value : null);

/** The words of an element's two charts (the page's captions and the images' titles are the same). */
export function chartTitle(element: Pick<ElementResults, "name" | "breakdown">, chart: ResultsChart, locale: "fr" | "en"): string {
  const t = translator(locale);
  return chart === "trend" ? t("statistics.results.trendTitle", { element: element.name }) : t("statistics.results.breakdownTitle", { element: element.name, rows: element.breakdown.rowHeader });
}

/**
 * One element's chart as an SVG image of its own: the breakdown (each row's total across the
 * organization types) or the trend (each type's figure and the total per period). The figures
 * are the page's own: the same protected results, computed for this element only. An element not
 * found is `null` (the route answers 404).
 */
export async function resultsChart(db: Database, query: ResultsQuery & { elementCode: string; chart: ResultsChart }): Promise<string | null> {
  const results = await getStatisticsResults(db, query);
  const element = results?.elements.find((e) => e.code === query.elementCode);
  if (!results || !element) return null;
  const t = translator(query.locale);
  const mark = t("statistics.results.mark");
  const title = chartTitle(element, query.chart, query.locale);
  if (query.chart === "breakdown") {
    const b = element.breakdown;
    return renderChart({ kind: "bar", title, desc: "", locale: query.locale, suppressedMark: mark, emptyText: t("statistics.results.noData"), points: b.rows.map((r, i) => ({ label: r.label, value: valueOf(b.rowTotals[i]!) })) });
  }
  const tr = element.trend;
  const total = t("statistics.results.total");
  const points = tr.rows.flatMap((r, i) => [...tr.cols.map((c, j) => ({ label: r.label, series: c.label, value: valueOf(tr.cells[i]![j]!) })), { label: r.label, series: total, value: valueOf(tr.rowTotals[i]!) }]);
  return renderChart({ kind: "line", title, desc: "", locale: query.locale, suppressedMark: mark, emptyText: t("statistics.results.noData"), points });
}
