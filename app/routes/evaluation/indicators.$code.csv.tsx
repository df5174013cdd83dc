import type { Route } from "./+types/indicators.$code.csv";
import { exportRoute } from "../../modules/indicators/export-route.server.ts";
import { needs } from "../../modules/authz/policy.ts";

/** One indicator's table as CSV: protected figures, audited. */
export const policy = needs("evaluation.export");

export async function loader(args: Route.LoaderArgs) {
  return exportRoute(args, policy, { format: "csv", code: args.params.code });
}
