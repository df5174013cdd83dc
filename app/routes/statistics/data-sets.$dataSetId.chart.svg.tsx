import type { Route } from "./+types/data-sets.$dataSetId.chart.svg";
import { notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { resourceLoader } from "../../modules/http/resource-route.server.ts";
import { resultsChart } from "../../modules/statistics/results-chart.server.ts";
import { resultsQuery, statisticsGuard } from "../../modules/statistics/statistics-route.server.ts";

/** Resource route: one element's chart of a data set's results (breakdown or trend), the page's own protected figures. */
export const policy = needs("statistics.results");

export const loader = resourceLoader(async (args: Route.LoaderArgs) => {
  const g = await statisticsGuard(args, policy);
  const query = resultsQuery(args, g, true);
  const chart = query.params.get("chart") === "trend" ? "trend" : "breakdown";
  const svg = await resultsChart(args.context.db, { ...query, elementCode: (query.params.get("element") ?? "").slice(0, 40), chart });
  if (!svg) notFound();
  return new Response(svg, { headers: { "content-type": "image/svg+xml; charset=utf-8", "cache-control": "private, no-store" } });
});
