import type { Route } from "./+types/incidents.register.pdf";
import { actorOf } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { resourceLoader } from "../../modules/http/resource-route.server.ts";
import { pdfResponse } from "../../modules/pdf/pdf-response.server.ts";
import { exportRegisterPdf } from "../../modules/privacy/export-register.server.ts";
import { privacyGuard } from "../../modules/privacy/privacy-access.server.ts";
import { quebecDay } from "../../modules/time/days.ts";

/** Resource route: the copy of the officer's register for the Commission, as PDF (French), audited. */
export const policy = needs("privacy.manage");

export const loader = resourceLoader(async (args: Route.LoaderArgs) => {
  const { user, access } = await privacyGuard(args, policy);
  const pdf = await exportRegisterPdf(args.context.db, actorOf(user, args.context), access);
  return pdfResponse(pdf, `registre-incidents-confidentialite-${quebecDay(new Date())}.pdf`);
});
