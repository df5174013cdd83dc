import type { AppLoadContext } from "react-router";
import { guard, notFound } from "../authz/guard.server.ts";
import { can, organizationsWhere } from "../authz/decide.ts";
import type { RoutePolicy } from "../authz/policy.ts";
import { isUuid } from "../forms/fields.ts";
import { requestUrl } from "../forms/request-url.ts";
import type { CurrentUser } from "../identity/current-user.server.ts";
import { resolveLocale } from "../../i18n/locale.server.ts";
import { quebecDay } from "../time/days.ts";
import { rowsFrom, type ResultsQuery } from "./get-results.server.ts";

interface Args {
  request: Request;
  context: AppLoadContext;
  params: Record<string, string | undefined>;
}

/**
 * Guard + the reader's Table (404 without one) and what they may do there: define data sets,
 * review every organization's reports (the Table coordinator), or enter their own
 * organization's (`enterOrganizations`: the organizations they report for).
 */
export async function statisticsGuard(args: Args, policy: RoutePolicy) {
  const user = await guard(args, policy);
  if (!user?.partnershipId) notFound();
  const partnershipId = user.partnershipId;
  const target = { partnershipId, organizationId: null };
  const enter = organizationsWhere(user.roles, "statistics.enter", partnershipId);
  return {
    user: user as CurrentUser & { partnershipId: string },
    partnershipId,
    personId: user.personId,
    mayDefine: can(user.roles, "statistics.define", target),
    mayReview: can(user.roles, "statistics.review", target),
    /** The reports pages (/statistics): a reader of the results only (the evaluator) has none. */
    mayView: can(user.roles, "statistics.view", target),
    mayExport: can(user.roles, "statistics.results_export", target),
    enterOrganizations: enter === "all" ? [] : enter,
  };
}

/**
 * A results route's query: the data set of the path (404 when not a uuid), the period range and
 * row choices of the query string, and exact figures only for the Table coordinator who asks
 * (`exact=1`) and only where `allowExact` (the page and its charts, never an export).
 */
export function resultsQuery(args: Args, g: Awaited<ReturnType<typeof statisticsGuard>>, allowExact: boolean): ResultsQuery & { params: URLSearchParams } {
  const id = args.params.dataSetId;
  if (!isUuid(id)) notFound();
  const params = requestUrl(args.request).searchParams;
  const key = (name: string) => {
    const v = params.get(name);
    return v && v.length <= 10 ? v : null;
  };
  return {
    params,
    partnershipId: g.partnershipId,
    dataSetId: id.toLowerCase(),
    today: quebecDay(new Date()),
    from: key("from"),
    to: key("to"),
    rowsBy: rowsFrom(params),
    exact: allowExact && g.mayReview && params.get("exact") === "1",
    locale: resolveLocale(args.request, g.user.locale),
  };
}
