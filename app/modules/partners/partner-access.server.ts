import { can } from "../authz/decide.ts";
import { guard, notFound, type RoutePolicy } from "../authz/guard.server.ts";
import type { Permission } from "../authz/permissions.ts";
import { isUuid } from "../forms/fields.ts";
import type { CurrentUser } from "../identity/current-user.server.ts";
import type { AppLoadContext } from "react-router";

interface Args {
  request: Request;
  context: AppLoadContext;
  params?: Record<string, string | undefined>;
}

/** The guard of every partners route: signed in, the policy granted, working in a Table. */
export async function partnersUser(args: Args, policy: RoutePolicy): Promise<{ user: CurrentUser; partnershipId: string }> {
  const user = await guard(args, policy);
  if (!user?.partnershipId) notFound();
  return { user, partnershipId: user.partnershipId };
}

/** A route parameter that must be an id; anything else answers 404 like a missing record. */
export function idParam(args: Args, name: string): string {
  const value = args.params?.[name];
  if (!isUuid(value)) notFound();
  return value.toLowerCase();
}

/** Whether the user may do `permission` on that organization of their Table (for showing controls). */
export function mayOn(user: CurrentUser, permission: Permission, organizationId: string | null = null): boolean {
  return can(user.roles, permission, { partnershipId: user.partnershipId, organizationId });
}
