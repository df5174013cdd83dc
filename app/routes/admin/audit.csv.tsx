import type { Route } from "./+types/audit.csv";
import { resolveLocale } from "../../i18n/locale.server.ts";
import { actorOf, guard, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { auditScope } from "../../modules/audit/audit-scope.server.ts";
import { exportAuditCsv } from "../../modules/audit/export-audit-csv.server.ts";
import { requestUrl } from "../../modules/forms/request-url.ts";
import { quebecDay } from "../../modules/time/days.ts";
import { resourceLoader } from "../../modules/http/resource-route.server.ts";

/** Resource route: the audit log as CSV, with the page's filters and scope. */
export const policy = needs("audit.read");

export const loader = resourceLoader(async (args: Route.LoaderArgs) => {
  const user = await guard(args, policy);
  if (!user) notFound();
  const scope = auditScope(user, requestUrl(args.request).searchParams);
  if (!scope) notFound();
  const { csv } = await exportAuditCsv(args.context.db, actorOf(user, args.context), {
    query: scope.query,
    filters: scope.filters,
    locale: resolveLocale(args.request, user.locale),
  });
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="journal-audit-${quebecDay(new Date())}.csv"`,
      "cache-control": "private, no-store",
    },
  });
});
