import type { AppLoadContext } from "react-router";
import { resolveLocale } from "../../i18n/locale.server.ts";
import { actorOf, guard, notFound } from "../authz/guard.server.ts";
import type { RoutePolicy } from "../authz/policy.ts";
import { requestUrl } from "../forms/request-url.ts";
import { getTableFooter } from "../governance/get-table-footer.server.ts";
import { resourceLoader } from "../http/resource-route.server.ts";
import { valueOf } from "../outcome/respond.server.ts";
import { quebecDay } from "../time/days.ts";
import { exportIndicators, type ExportFormat } from "./export-indicators.server.ts";

/** The four download routes' one loader: policy, the page's filters, protected figures, audited. */
type ExportArgs = { request: Request; context: AppLoadContext; params: Record<string, string | undefined> };

export function exportRoute(args: ExportArgs, policy: RoutePolicy, what: { format: ExportFormat; code: string | null }) {
  return resourceLoader(async (a: ExportArgs) => {
    const user = await guard(a, policy);
    if (!user?.partnershipId) notFound();
    const url = requestUrl(a.request);
    const locale = resolveLocale(a.request, user.locale);
    const table = await getTableFooter(a.context.db, user.partnershipId);
    const outcome = await exportIndicators(a.context.db, actorOf(user, a.context), {
      partnershipId: user.partnershipId,
      tableName: (locale === "en" ? table?.nameEn : table?.nameFr) ?? "Filet",
      day: quebecDay(),
      locale,
      periodKey: url.searchParams.get("period"),
      by: url.searchParams.get("by"),
      format: what.format,
      code: what.code,
    });
    return valueOf(outcome);
  })(args);
}
