import type { AppLoadContext } from "react-router";
import { authorize, guard, notFound } from "../authz/guard.server.ts";
import { can } from "../authz/decide.ts";
import type { Permission } from "../authz/permissions.ts";
import type { RoutePolicy } from "../authz/policy.ts";
import type { CurrentUser } from "../identity/current-user.server.ts";
import type { EvaluationAccess } from "./history.server.ts";

interface Args {
  request: Request;
  context: AppLoadContext;
  params: Record<string, string | undefined>;
}

/**
 * Guard + the reader's Table (404 without one) and what they may do there: `report` (the
 * evaluator: reports, findings, recommendations, verification) and `manage` (the coordinator:
 * responses and key actions).
 */
export async function evaluationGuard(args: Args, policy: RoutePolicy) {
  const user = await guard(args, policy);
  if (!user?.partnershipId) notFound();
  const target = { partnershipId: user.partnershipId, organizationId: null };
  const access: EvaluationAccess = { partnershipId: user.partnershipId, personId: user.personId };
  return { user: user as CurrentUser & { partnershipId: string }, access, mayReport: can(user.roles, "evaluation.report", target), mayManage: can(user.roles, "evaluation.manage", target) };
}

/** A write the reader's role does not allow answers 404 (and is audited as denied), like a missing record. */
export async function requirePermission(args: Args, user: CurrentUser & { partnershipId: string }, permission: Permission): Promise<void> {
  await authorize(args, user, permission, { partnershipId: user.partnershipId, organizationId: null });
}
