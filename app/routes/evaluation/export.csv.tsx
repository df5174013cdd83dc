import type { Route } from "./+types/export.csv";
import { exportRoute } from "../../modules/indicators/export-route.server.ts";
import { needs } from "../../modules/authz/policy.ts";

/** The whole dashboard as CSV (one table after another): protected figures, audited. */
export const policy = needs("evaluation.export");

export async function loader(args: Route.LoaderArgs) {
  return exportRoute(args, policy, { format: "csv", code: null });
}
