import { canGrant, type HeldRole } from "../authz/decide.ts";

/**
 * Deactivating, reactivating or inviting someone is only for those who could grant every role
 * that person holds: a pivot coordinator cannot lock out a Table coordinator of their
 * organization, a coordinator cannot lock out a platform admin.
 */
export function canManageAccountOf(
  managerRoles: readonly HeldRole[],
  targetRoles: ReadonlyArray<HeldRole & { revokedAt?: Date | null }>,
): boolean {
  return targetRoles
    .filter((r) => !r.revokedAt)
    .every((r) => canGrant(managerRoles, r.role, { partnershipId: r.partnershipId, organizationId: r.organizationId }));
}
