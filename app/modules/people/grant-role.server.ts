import { and, eq, isNull, sql } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import { canGrant, type HeldRole } from "../authz/decide.ts";
import { organization } from "../governance/tables.ts";
import type { Role } from "../identity/tables.ts";
import { person, roleAssignment } from "./tables.ts";
import { personScope, type OrganizationScope } from "./person-scope.ts";
import { assignmentScope } from "./role-scope.ts";
import type { RoleEffects } from "./role-effects.ts";

export interface RoleChangeInput {
  /** The roles of the person granting: decide.ts's canGrant rules them. */
  granterRoles: readonly HeldRole[];
  partnershipId: string;
  organizationIds: OrganizationScope;
  personId: string;
}

export type GrantResult = "ok" | "already_held" | "not_found" | "forbidden" | "organization_required" | "organization_invalid";

/** Locks one person's roles for the transaction: two simultaneous grants cannot both insert. */
export async function lockPersonRoles(tx: Database, personId: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`role_assignment:${personId}`}))`);
}

/**
 * Grants a role. A pivot coordinator may only grant pivot or worker in their own organization;
 * nobody but a platform admin grants platform_admin. Audited as "role.granted" with the scope.
 */
export async function grantRole(
  db: Database,
  actor: AuditActor,
  input: RoleChangeInput & { role: Role; organizationId: string | null },
  effects: RoleEffects,
): Promise<GrantResult> {
  return db.transaction(async (tx) => {
    await lockPersonRoles(tx, input.personId);
    const [target] = await tx
      .select({ id: person.id, organizationId: person.organizationId })
      .from(person)
      .where(and(eq(person.id, input.personId), personScope(input.partnershipId, input.organizationIds)));
    if (!target) return "not_found" as const;
    const scope = assignmentScope(input.role, {
      partnershipId: input.partnershipId,
      organizationId: input.organizationId,
      personOrganizationId: target.organizationId,
    });
    if (scope === "organization_required") return scope;
    if (scope.organizationId) {
      const [org] = await tx
        .select({ id: organization.id })
        .from(organization)
        .where(and(eq(organization.id, scope.organizationId), eq(organization.partnershipId, input.partnershipId)));
      if (!org) return "organization_invalid" as const;
    }
    if (!canGrant(input.granterRoles, input.role, scope)) return "forbidden" as const;
    const [held] = await tx
      .select({ id: roleAssignment.id })
      .from(roleAssignment)
      .where(
        and(
          eq(roleAssignment.personId, input.personId),
          eq(roleAssignment.role, input.role),
          isNull(roleAssignment.revokedAt),
          scope.partnershipId ? eq(roleAssignment.partnershipId, scope.partnershipId) : isNull(roleAssignment.partnershipId),
          scope.organizationId ? eq(roleAssignment.organizationId, scope.organizationId) : isNull(roleAssignment.organizationId),
        ),
      );
    if (held) return "already_held" as const;
    const [row] = await tx
      .insert(roleAssignment)
      .values({
        personId: input.personId,
        role: input.role,
        partnershipId: scope.partnershipId,
        organizationId: scope.organizationId,
        grantedBy: actor.accountId,
      })
      .returning({ id: roleAssignment.id });
    const followed = await effects.granted(tx, actor, { role: input.role, partnershipId: scope.partnershipId, organizationId: scope.organizationId, personId: input.personId });
    await recordAuditEvent(tx, actor, {
      action: "role.granted",
      targetType: "person",
      targetId: input.personId,
      partnershipId: input.partnershipId,
      organizationId: scope.organizationId ?? target.organizationId,
      details: {
        assignmentId: row?.id,
        role: input.role,
        scopePartnershipId: scope.partnershipId,
        scopeOrganizationId: scope.organizationId,
        ...followed,
      },
    });
    return "ok" as const;
  });
}
