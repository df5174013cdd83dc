import type { Locale } from "../../i18n/types.ts";
import { renderChart } from "../charts/render-chart.server.ts";
import type { Database } from "../db/client.server.ts";
import { missing, ok, type NotFound, type Ok } from "../outcome/outcome.ts";
import { progressChartSpec } from "./dashboard-view.server.ts";
import { getDashboard } from "./get-dashboard.server.ts";
import { getIndicatorPage } from "./get-indicator-page.server.ts";
import { indicatorChartSpecs } from "./indicator-view.server.ts";

/**
 * A dashboard or indicator chart as an SVG file, from the same figures as its page (the same
 * disclosure control for the same viewer): the page shows it as an image beside its table.
 */
export async function chartImage(
  db: Database,
  input: { partnershipId: string; chart: string | null; code: string | null; periodKey: string | null; by: string | null; exact: boolean; locale: Locale },
): Promise<Ok<string> | NotFound> {
  if (input.chart === "progress") {
    const spec = progressChartSpec(await getDashboard(db, { partnershipId: input.partnershipId, periodKey: input.periodKey, by: null, foundedYear: null, exact: input.exact }), input.locale);
    return spec ? ok(renderChart(spec)) : missing();
  }
  if ((input.chart !== "breakdown" && input.chart !== "trend") || !input.code) return missing();
  const page = await getIndicatorPage(db, { partnershipId: input.partnershipId, code: input.code, periodKey: input.periodKey, by: input.by, foundedYear: null, exact: input.exact });
  if (page.kind !== "ok") return missing();
  const specs = indicatorChartSpecs(page.value, input.locale);
  return ok(renderChart(input.chart === "breakdown" ? specs.breakdown : specs.trend));
}
