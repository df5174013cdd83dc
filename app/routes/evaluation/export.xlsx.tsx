import type { Route } from "./+types/export.xlsx";
import { exportRoute } from "../../modules/indicators/export-route.server.ts";
import { needs } from "../../modules/authz/policy.ts";

/** The whole dashboard as an Excel workbook, one sheet per indicator: protected figures, audited. */
export const policy = needs("evaluation.export");

export async function loader(args: Route.LoaderArgs) {
  return exportRoute(args, policy, { format: "xlsx", code: null });
}
