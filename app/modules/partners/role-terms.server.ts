import { and, eq, gt, gte, isNull, or } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import { roleAssignment } from "../people/tables.ts";
import type { RoleEffects } from "../people/role-effects.ts";
import { partnerDelegateTerm } from "./tables.ts";
import { quebecDay } from "../time/days.ts";

/**
 * Delegate terms follow the table_member role (the delegate of an organization). People's
 * grantRole / revokeRole run `delegateTermEffects` inside their transaction, so the role and the
 * history change together. Substitute terms stay manual (no role grants them).
 */
interface Scope {
  partnershipId: string;
  organizationId: string;
  personId: string;
}

const delegateTermsOf = (s: Scope) =>
  and(
    eq(partnerDelegateTerm.partnershipId, s.partnershipId),
    eq(partnerDelegateTerm.organizationId, s.organizationId),
    eq(partnerDelegateTerm.personId, s.personId),
    eq(partnerDelegateTerm.kind, "delegate"),
  );

/** table_member granted: opens a "delegate" term from today unless one is open (no end, or an end not yet passed). */
export async function openDelegateTermForRole(tx: Database, actor: AuditActor, s: Scope, now = new Date()): Promise<string | null> {
  const today = quebecDay(now);
  const [open] = await tx
    .select({ id: partnerDelegateTerm.id })
    .from(partnerDelegateTerm)
    .where(and(delegateTermsOf(s), or(isNull(partnerDelegateTerm.until), gte(partnerDelegateTerm.until, today))));
  if (open) return null;
  const [row] = await tx
    .insert(partnerDelegateTerm)
    .values({ partnershipId: s.partnershipId, organizationId: s.organizationId, personId: s.personId, kind: "delegate", since: today })
    .returning({ id: partnerDelegateTerm.id });
  await recordAuditEvent(tx, actor, {
    action: "partner.delegate_term.added",
    targetType: "partner_delegate_term",
    targetId: row!.id,
    partnershipId: s.partnershipId,
    organizationId: s.organizationId,
    details: { personId: s.personId, kind: "delegate", since: today, until: null, via: "role.granted" },
  });
  return row!.id;
}

/**
 * table_member revoked: ends the person's open "delegate" term(s) for that organization today
 * (no end, or an end still to come; never before their start), unless they still hold the role
 * there. Returns the first ended term.
 */
export async function endDelegateTermForRole(tx: Database, actor: AuditActor, s: Scope, now = new Date()): Promise<string | null> {
  const today = quebecDay(now);
  const [stillHeld] = await tx
    .select({ id: roleAssignment.id })
    .from(roleAssignment)
    .where(
      and(
        eq(roleAssignment.personId, s.personId),
        eq(roleAssignment.role, "table_member"),
        eq(roleAssignment.partnershipId, s.partnershipId),
        eq(roleAssignment.organizationId, s.organizationId),
        isNull(roleAssignment.revokedAt),
      ),
    );
  if (stillHeld) return null;
  const open = await tx
    .select({ id: partnerDelegateTerm.id, since: partnerDelegateTerm.since })
    .from(partnerDelegateTerm)
    .where(and(delegateTermsOf(s), or(isNull(partnerDelegateTerm.until), gt(partnerDelegateTerm.until, today))))
    .for("update");
  for (const term of open) {
    const until = term.since > today ? term.since : today;
    await tx.update(partnerDelegateTerm).set({ until, updatedAt: now }).where(eq(partnerDelegateTerm.id, term.id));
    await recordAuditEvent(tx, actor, {
      action: "partner.delegate_term.ended",
      targetType: "partner_delegate_term",
      targetId: term.id,
      partnershipId: s.partnershipId,
      organizationId: s.organizationId,
      details: { personId: s.personId, kind: "delegate", until, via: "role.revoked" },
    });
  }
  return open[0]?.id ?? null;
}

/** The role effects every caller of grantRole / revokeRole passes: a delegate's term opens and ends with table_member. */
export const delegateTermEffects: RoleEffects = {
  async granted(tx, actor, { role, partnershipId, organizationId, personId }) {
    if (role !== "table_member" || !partnershipId || !organizationId) return {};
    const delegateTermOpened = await openDelegateTermForRole(tx, actor, { partnershipId, organizationId, personId });
    return delegateTermOpened ? { delegateTermOpened } : {};
  },
  async revoked(tx, actor, { role, partnershipId, organizationId, personId }) {
    if (role !== "table_member" || !partnershipId || !organizationId) return {};
    const delegateTermEnded = await endDelegateTermForRole(tx, actor, { partnershipId, organizationId, personId });
    return delegateTermEnded ? { delegateTermEnded } : {};
  },
};
