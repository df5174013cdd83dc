import type { AppLoadContext } from "react-router";
import { guard, notFound } from "../authz/guard.server.ts";
import { can, organizationsWhere } from "../authz/decide.ts";
import type { RoutePolicy } from "../authz/policy.ts";
import type { CurrentUser } from "../identity/current-user.server.ts";

interface Args {
  request: Request;
  context: AppLoadContext;
  params: Record<string, string | undefined>;
}

/**
 * Guard + the reader's Table (404 without one) and what they may do there: define data sets,
 * review every organization's reports (the Table coordinator), or enter their own
 * organization's (`enterOrganizations`: the organizations they report for).
 */
export async function statisticsGuard(args: Args, policy: RoutePolicy) {
  const user = await guard(args, policy);
  if (!user?.partnershipId) notFound();
  const partnershipId = user.partnershipId;
  const target = { partnershipId, organizationId: null };
  const enter = organizationsWhere(user.roles, "statistics.enter", partnershipId);
  return {
    user: user as CurrentUser & { partnershipId: string },
    partnershipId,
    personId: user.personId,
    mayDefine: can(user.roles, "statistics.define", target),
    mayReview: can(user.roles, "statistics.review", target),
    enterOrganizations: enter === "all" ? [] : enter,
  };
}
