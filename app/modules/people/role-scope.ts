import type { Role } from "../identity/tables.ts";
import { roles } from "../identity/tables.ts";

export { roles };
export type { Role };

/** Roles held on behalf of one organization: the assignment must name it. */
export const organizationRoles: readonly Role[] = ["table_member", "pivot_coordinator", "pivot", "worker"];

/** Roles that may name an organization (the one the person comes from) but need not. */
export const optionalOrganizationRoles: readonly Role[] = ["trainer", "observer", "evaluator"];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (roles as readonly string[]).includes(value);
}

/**
 * Where a new assignment lives. platform_admin belongs to no Table; Table-wide roles name no
 * organization; organization roles default to the person's organization.
 */
export function assignmentScope(
  role: Role,
  input: { partnershipId: string; organizationId: string | null; personOrganizationId: string | null },
): { partnershipId: string | null; organizationId: string | null } | "organization_required" {
  if (role === "platform_admin") return { partnershipId: null, organizationId: null };
  if (organizationRoles.includes(role)) {
    const organizationId = input.organizationId ?? input.personOrganizationId;
    if (!organizationId) return "organization_required";
    return { partnershipId: input.partnershipId, organizationId };
  }
  if (optionalOrganizationRoles.includes(role)) {
    return { partnershipId: input.partnershipId, organizationId: input.organizationId };
  }
  return { partnershipId: input.partnershipId, organizationId: null };
}
