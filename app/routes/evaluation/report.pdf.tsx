import type { Route } from "./+types/report.pdf";
import { resolveLocale } from "../../i18n/locale.server.ts";
import { actorOf, guard, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { requestUrl } from "../../modules/forms/request-url.ts";
import { resourceLoader } from "../../modules/http/resource-route.server.ts";
import { implementationReportPdf } from "../../modules/indicators/implementation-report-pdf.server.ts";
import { pdfResponse } from "../../modules/pdf/pdf-response.server.ts";

/** Resource route: the implementation report of a period as a PDF (protected figures, audited). */
export const policy = needs("evaluation.export");

export const loader = resourceLoader(async (args: Route.LoaderArgs) => {
  const user = await guard(args, policy);
  if (!user?.partnershipId) notFound();
  const { pdf, fileName } = await implementationReportPdf(args.context.db, actorOf(user, args.context), {
    partnershipId: user.partnershipId,
    periodKey: requestUrl(args.request).searchParams.get("period"),
    locale: resolveLocale(args.request, user.locale),
  });
  return pdfResponse(pdf, fileName);
});
