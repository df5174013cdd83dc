import type { Route } from "./+types/incidents.register.csv";
import { actorOf } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { downloadResponse } from "../../modules/exports/download.server.ts";
import { resourceLoader } from "../../modules/http/resource-route.server.ts";
import { exportRegisterCsv } from "../../modules/privacy/export-register.server.ts";
import { privacyGuard } from "../../modules/privacy/privacy-access.server.ts";
import { quebecDay } from "../../modules/time/days.ts";

/** Resource route: the copy of the officer's register for the Commission, as CSV (French), audited. */
export const policy = needs("privacy.manage");

export const loader = resourceLoader(async (args: Route.LoaderArgs) => {
  const { user, access } = await privacyGuard(args, policy);
  const csv = await exportRegisterCsv(args.context.db, actorOf(user, args.context), access);
  return downloadResponse(csv, { filename: `registre-incidents-confidentialite-${quebecDay(new Date())}`, type: "csv" });
});
