import type { Route } from "./+types/action-plan.$year.report.pdf";
import { resolveLocale } from "../../i18n/locale.server.ts";
import { renderYearEndReportPdf } from "../../modules/action-plan/report-pdf.server.ts";
import { buildYearEndReport } from "../../modules/action-plan/year-end-report.server.ts";
import { guard, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { pdfContext } from "../../modules/pdf/pdf-context.server.ts";
import { pdfResponse } from "../../modules/pdf/pdf-response.server.ts";
import { resourceLoader } from "../../modules/http/resource-route.server.ts";

/** Resource route: the year-end report as a PDF, in the reader's language. */
export const policy = needs("actionplan.view");

export const loader = resourceLoader(async (args: Route.LoaderArgs) => {
  const user = await guard(args, policy);
  if (!user?.partnershipId || !/^\d{4}$/.test(args.params.year ?? "")) notFound();
  const report = await buildYearEndReport(args.context.db, user.partnershipId, Number(args.params.year));
  if (!report) notFound();
  const ctx = await pdfContext(args.context.db, user.partnershipId, resolveLocale(args.request, user.locale));
  return pdfResponse(await renderYearEndReportPdf(report, ctx), `bilan-plan-action-${report.plan.year}.pdf`);
});
