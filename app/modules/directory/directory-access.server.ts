import type { AppLoadContext } from "react-router";
import { actorOf, type RoutePolicy } from "../authz/guard.server.ts";
import { organizationsWhere } from "../authz/decide.ts";
import type { AuditActor } from "../audit/record-audit-event.server.ts";
import { requireTableUser } from "../governance/admin-access.server.ts";
import { readDirectoryFreshnessMonths } from "./directory-settings.server.ts";
import type { CurrentUser } from "../identity/current-user.server.ts";
import type { OrganizationScope } from "./designation-scope.server.ts";

interface Args {
  request: Request;
  context: AppLoadContext;
}

export interface DirectoryAccess {
  user: CurrentUser;
  partnershipId: string;
  actor: AuditActor;
  freshnessMonths: number;
  /** Organizations whose pivots the user designates ("all" for the Table coordinator and admins). */
  designates: OrganizationScope;
}

/**
 * Every directory page starts here: signed in, a member of the current Table (the policy), and
 * that Table only. The rest of the page scopes its queries by `partnershipId`.
 */
export async function requireDirectoryAccess(args: Args, policy: RoutePolicy): Promise<DirectoryAccess> {
  const { user, partnershipId } = await requireTableUser(args, policy);
  const directoryFreshnessMonths = await readDirectoryFreshnessMonths(args.context.db, partnershipId);
  const designates = organizationsWhere(user.roles, "pivot.designate", partnershipId);
  return {
    user,
    partnershipId,
    actor: actorOf(user, args.context),
    freshnessMonths: directoryFreshnessMonths,
    designates,
  };
}
