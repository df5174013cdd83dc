import type { Route } from "./+types/reports.$reportId.pdf";
import { actorOf, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { evaluationGuard } from "../../modules/evaluation-reports/evaluation-route.server.ts";
import { downloadReportPdf } from "../../modules/evaluation-reports/report-pdf.server.ts";
import { fileDownloadResponse } from "../../modules/files/stored-files.server.ts";
import { isUuid } from "../../modules/forms/fields.ts";
import { resourceLoader } from "../../modules/http/resource-route.server.ts";

/** Resource route: a report's PDF, to those who read the Table's evaluation reports (each download audited). */
export const policy = needs("evaluation.view");

export const loader = resourceLoader(async (args: Route.LoaderArgs) => {
  const { user, access } = await evaluationGuard(args, policy);
  if (!isUuid(args.params.reportId)) notFound();
  const file = await downloadReportPdf(args.context.db, actorOf(user, args.context), access.partnershipId, args.params.reportId.toLowerCase());
  if (!file) notFound();
  return fileDownloadResponse(file);
});
