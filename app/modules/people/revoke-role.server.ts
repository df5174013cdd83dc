import { and, eq, isNull, or } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import { canGrant } from "../authz/decide.ts";
import { account } from "../identity/tables.ts";
import { person, roleAssignment } from "./tables.ts";
import type { RoleEffects } from "./role-effects.ts";
import { lockPersonRoles, type RoleChangeInput } from "./grant-role.server.ts";
import { personScope } from "./person-scope.ts";

export type RevokeResult = "ok" | "not_found" | "forbidden" | "own_admin_role";

/**
 * Ends a role assignment (revoked_at is set; the row stays as history). One may only revoke
 * what one could grant; a platform admin cannot drop their own admin role (no lock-out by mistake).
 */
export async function revokeRole(
  db: Database,
  actor: AuditActor,
  input: RoleChangeInput & { assignmentId: string },
  effects: RoleEffects,
): Promise<RevokeResult> {
  return db.transaction(async (tx) => {
    await lockPersonRoles(tx, input.personId);
    const [target] = await tx
      .select({ id: person.id, organizationId: person.organizationId })
      .from(person)
      .where(and(eq(person.id, input.personId), personScope(input.partnershipId, input.organizationIds)));
    if (!target) return "not_found" as const;
    const [assignment] = await tx
      .select()
      .from(roleAssignment)
      .where(
        and(
          eq(roleAssignment.id, input.assignmentId),
          eq(roleAssignment.personId, input.personId),
          or(eq(roleAssignment.partnershipId, input.partnershipId), isNull(roleAssignment.partnershipId)),
        ),
      );
    if (!assignment) return "not_found" as const;
    if (assignment.revokedAt) return "ok" as const;
    const scope = { partnershipId: assignment.partnershipId, organizationId: assignment.organizationId };
    if (!canGrant(input.granterRoles, assignment.role, scope)) return "forbidden" as const;
    if (assignment.role === "platform_admin" && actor.accountId && (await isOwnPerson(tx, actor.accountId, input.personId))) {
      return "own_admin_role" as const;
    }
    const revoked = await tx
      .update(roleAssignment)
      .set({ revokedAt: new Date(), revokedBy: actor.accountId })
      .where(and(eq(roleAssignment.id, assignment.id), isNull(roleAssignment.revokedAt)))
      .returning({ id: roleAssignment.id });
    if (revoked.length === 0) return "ok" as const;
    const followed = await effects.revoked(tx, actor, { role: assignment.role, partnershipId: assignment.partnershipId, organizationId: assignment.organizationId, personId: input.personId });
    await recordAuditEvent(tx, actor, {
      action: "role.revoked",
      targetType: "person",
      targetId: input.personId,
      partnershipId: input.partnershipId,
      organizationId: assignment.organizationId ?? target.organizationId,
      details: {
        assignmentId: assignment.id,
        role: assignment.role,
        scopePartnershipId: assignment.partnershipId,
        scopeOrganizationId: assignment.organizationId,
        ...followed,
      },
    });
    return "ok" as const;
  });
}

async function isOwnPerson(tx: Database, accountId: string, personId: string): Promise<boolean> {
  const [row] = await tx.select({ personId: account.personId }).from(account).where(eq(account.id, accountId));
  return row?.personId === personId;
}
