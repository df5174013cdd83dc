import { redirect, type AppLoadContext } from "react-router";
import { guard, notFound, type RoutePolicy } from "../authz/guard.server.ts";
import { organizationsWhere } from "../authz/decide.ts";
import type { Permission } from "../authz/permissions.ts";
import type { CurrentUser } from "../identity/current-user.server.ts";

interface Args {
  request: Request;
  context: AppLoadContext;
}

/**
 * The guard for administration pages that work inside the current Table. A platform admin of
 * an installation without any Table yet is sent to create one.
 */
export async function requireTableUser(args: Args, policy: RoutePolicy): Promise<{ user: CurrentUser; partnershipId: string }> {
  const user = await guard(args, policy);
  if (!user) notFound();
  if (!user.partnershipId) {
    if (user.roles.some((r) => r.role === "platform_admin")) throw redirect("/admin/tables");
    notFound();
  }
  return { user, partnershipId: user.partnershipId };
}

/** The organizations inside which the user holds `permission` in the current Table ("all" = Table-wide). */
export function organizationScope(user: CurrentUser, permission: Permission, partnershipId: string): "all" | string[] {
  return organizationsWhere(user.roles, permission, partnershipId);
}
