import type { Role } from "../identity/tables.ts";
import { grantableRoles, permissionRules, type Permission } from "./permissions.ts";

export interface HeldRole {
  role: Role;
  partnershipId: string | null;
  organizationId: string | null;
}

/** Where the thing being acted on lives. Omitted parts are "the actor's current scope". */
export interface Target {
  partnershipId: string | null;
  organizationId?: string | null;
}

/**
 * The single decision point. Deny by default: true only when one held role grants the
 * permission with a scope that covers the target.
 */
export function can(roles: readonly HeldRole[], permission: Permission, target: Target): boolean {
  const rules = permissionRules[permission] as ReadonlyArray<readonly [Role, string]>;
  return roles.some((held) =>
    rules.some(([role, scope]) => {
      if (role !== held.role) return false;
      if (scope === "global") return true;
      if (!target.partnershipId || held.partnershipId !== target.partnershipId) return false;
      if (scope === "partnership") return true;
      return !!held.organizationId && held.organizationId === target.organizationId;
    }),
  );
}

/** Organizations inside which `roles` grant `permission` in a Table; "all" when the Table-wide scope applies. */
export function organizationsWhere(
  roles: readonly HeldRole[],
  permission: Permission,
  partnershipId: string,
): "all" | string[] {
  if (can(roles, permission, { partnershipId, organizationId: null })) return "all";
  const orgs = roles
    .filter((r) => r.partnershipId === partnershipId && r.organizationId)
    .filter((r) => can([r], permission, { partnershipId, organizationId: r.organizationId }))
    .map((r) => r.organizationId as string);
  return [...new Set(orgs)];
}

export function canGrant(roles: readonly HeldRole[], role: Role, target: Target): boolean {
  return roles.some(
    (held) => grantableRoles[held.role].includes(role) && can([held], "person.manage", target),
  );
}
