import { and, eq, gte, isNull, ne, or } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import { roleAssignment } from "../people/tables.ts";
import { lockPersonRoles } from "../people/grant-role.server.ts";
import { pivotDesignation } from "./tables.ts";

interface Scope {
  partnershipId: string;
  organizationId: string;
  personId: string;
}

async function heldPivotRoles(tx: Database, s: Scope) {
  return tx
    .select({ id: roleAssignment.id })
    .from(roleAssignment)
    .where(
      and(
        eq(roleAssignment.personId, s.personId),
        eq(roleAssignment.role, "pivot"),
        eq(roleAssignment.partnershipId, s.partnershipId),
        eq(roleAssignment.organizationId, s.organizationId),
        isNull(roleAssignment.revokedAt),
      ),
    );
}

/**
 * A designated pivot also holds the "pivot" role for that organization (it lets them log
 * activities and answer consultations). Granted here when missing, in the designation's transaction.
 */
export async function ensurePivotRole(tx: Database, actor: AuditActor, s: Scope): Promise<void> {
  await lockPersonRoles(tx, s.personId);
  if ((await heldPivotRoles(tx, s)).length) return;
  const [row] = await tx
    .insert(roleAssignment)
    .values({ personId: s.personId, role: "pivot", partnershipId: s.partnershipId, organizationId: s.organizationId, grantedBy: actor.accountId })
    .returning({ id: roleAssignment.id });
  await recordAuditEvent(tx, actor, {
    action: "role.granted",
    targetType: "person",
    targetId: s.personId,
    partnershipId: s.partnershipId,
    organizationId: s.organizationId,
    details: { assignmentId: row?.id, role: "pivot", scopePartnershipId: s.partnershipId, scopeOrganizationId: s.organizationId, reason: "pivot.designated" },
  });
}

/**
 * Revokes the "pivot" role of that organization once the person has no other designation there
 * still open on `today` (the one just ended is excluded).
 */
export async function revokePivotRoleIfLast(tx: Database, actor: AuditActor, s: Scope & { endedDesignationId: string; today: string }): Promise<boolean> {
  await lockPersonRoles(tx, s.personId);
  const open = await tx
    .select({ id: pivotDesignation.id })
    .from(pivotDesignation)
    .where(
      and(
        eq(pivotDesignation.personId, s.personId),
        eq(pivotDesignation.organizationId, s.organizationId),
        eq(pivotDesignation.partnershipId, s.partnershipId),
        ne(pivotDesignation.id, s.endedDesignationId),
        or(isNull(pivotDesignation.until), gte(pivotDesignation.until, s.today)),
      ),
    )
    .limit(1);
  if (open.length) return false;
  const held = await heldPivotRoles(tx, s);
  for (const { id } of held) {
    await tx.update(roleAssignment).set({ revokedAt: new Date(), revokedBy: actor.accountId }).where(and(eq(roleAssignment.id, id), isNull(roleAssignment.revokedAt)));
    await recordAuditEvent(tx, actor, {
      action: "role.revoked",
      targetType: "person",
      targetId: s.personId,
      partnershipId: s.partnershipId,
      organizationId: s.organizationId,
      details: { assignmentId: id, role: "pivot", scopePartnershipId: s.partnershipId, scopeOrganizationId: s.organizationId, reason: "pivot.designation_ended" },
    });
  }
  return held.length > 0;
}
