import type { Route } from "./+types/data-sets.$dataSetId.results.xlsx";
import { actorOf, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { downloadResponse } from "../../modules/exports/download.server.ts";
import { resourceLoader } from "../../modules/http/resource-route.server.ts";
import { exportStatisticsResults } from "../../modules/statistics/export-results.server.ts";
import { resultsQuery, statisticsGuard } from "../../modules/statistics/statistics-route.server.ts";

/** Resource route: a data set's protected results as XLSX (never the exact figures), audited with the file's hash. */
export const policy = needs("statistics.results_export");

export const loader = resourceLoader(async (args: Route.LoaderArgs) => {
  const g = await statisticsGuard(args, policy);
  const query = resultsQuery(args, g, false);
  const body = await exportStatisticsResults(args.context.db, actorOf(g.user, args.context), query, "xlsx");
  if (body === null) notFound();
  return downloadResponse(body, { filename: query.locale === "en" ? "statistics-results" : "resultats-statistiques", type: "xlsx" });
});
