import { and, asc, eq } from "drizzle-orm";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import type { Database } from "../db/client.server.ts";
import { queueEmail } from "../email/queue-email.server.ts";
import { organization } from "../governance/tables.ts";
import { findAccountInScope, personInScope, type AccountScope } from "./account-scope.server.ts";
import { NotFoundError } from "./errors.ts";
import { identityEmail } from "./identity-emails.server.ts";
import { account } from "./tables.ts";
import { person, roleAssignment } from "../people/tables.ts";

export interface PendingSignup {
  accountId: string;
  givenName: string;
  familyName: string;
  email: string;
  organizationId: string;
  organizationNameFr: string;
  organizationNameEn: string;
  createdAt: Date;
}

/** Workers who confirmed their address and wait for approval, within the reviewer's scope. */
export async function listPendingSignups(db: Database, input: AccountScope): Promise<PendingSignup[]> {
  return db
    .select({
      accountId: account.id,
      givenName: person.givenName,
      familyName: person.familyName,
      email: account.email,
      organizationId: organization.id,
      organizationNameFr: organization.nameFr,
      organizationNameEn: organization.nameEn,
      createdAt: account.createdAt,
    })
    .from(account)
    .innerJoin(person, eq(person.id, account.personId))
    .innerJoin(organization, eq(organization.id, person.organizationId))
    .where(and(eq(account.status, "pending_approval"), personInScope(input), eq(organization.partnershipId, input.partnershipId)))
    .orderBy(asc(account.createdAt));
}

export interface ReviewInput extends AccountScope {
  accountId: string;
  publicUrl: string;
}

async function pendingInScope(tx: Database, input: ReviewInput) {
  const row = await findAccountInScope(tx, input.accountId, input);
  if (!row || row.status !== "pending_approval" || !row.organizationId) throw new NotFoundError();
  return row as typeof row & { organizationId: string; partnershipId: string };
}

/**
 * Approves a self sign-up: the account becomes active and the person gets the "worker" role in
 * their organization. NotFoundError when the account is not waiting, or outside the scope
 * (a second click on "approve" lands here too, and changes nothing).
 */
export async function approveSignup(db: Database, actor: AuditActor, input: ReviewInput): Promise<void> {
  const now = new Date();
  await db.transaction(async (tx) => {
    const row = await pendingInScope(tx, input);
    const updated = await tx
      .update(account)
      .set({ status: "active", approvedBy: actor.accountId, approvedAt: now, updatedAt: now })
      .where(and(eq(account.id, row.id), eq(account.status, "pending_approval")))
      .returning({ id: account.id });
    if (!updated.length) throw new NotFoundError();
    await tx.insert(roleAssignment).values({
      personId: row.personId,
      role: "worker",
      partnershipId: row.partnershipId,
      organizationId: row.organizationId,
      grantedBy: actor.accountId,
      grantedAt: now,
    });
    const message = identityEmail("signupApproved", row.locale, { name: row.givenName, link: `${input.publicUrl}/login` });
    await queueEmail(tx, { to: row.email, ...message, partnershipId: row.partnershipId });
    await recordAuditEvent(tx, actor, {
      action: "account.approved",
      targetType: "account",
      targetId: row.id,
      partnershipId: row.partnershipId,
      organizationId: row.organizationId,
      details: { personId: row.personId, role: "worker" },
    });
  });
}

/** Declines a self sign-up: nothing is deleted, the account is deactivated and told neutrally. */
export async function rejectSignup(db: Database, actor: AuditActor, input: ReviewInput): Promise<void> {
  const now = new Date();
  await db.transaction(async (tx) => {
    const row = await pendingInScope(tx, input);
    const updated = await tx
      .update(account)
      .set({ status: "deactivated", deactivatedAt: now, updatedAt: now })
      .where(and(eq(account.id, row.id), eq(account.status, "pending_approval")))
      .returning({ id: account.id });
    if (!updated.length) throw new NotFoundError();
    const message = identityEmail("signupRejected", row.locale, { name: row.givenName });
    await queueEmail(tx, { to: row.email, ...message, partnershipId: row.partnershipId });
    await recordAuditEvent(tx, actor, {
      action: "account.rejected",
      targetType: "account",
      targetId: row.id,
      partnershipId: row.partnershipId,
      organizationId: row.organizationId,
      details: { personId: row.personId },
    });
  });
}
