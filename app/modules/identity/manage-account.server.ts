import { and, eq, ne } from "drizzle-orm";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import type { Database } from "../db/client.server.ts";
import { expireAccountTokens } from "./account-tokens.server.ts";
import { findAccountInScope, type AccountScope } from "./account-scope.server.ts";
import { AccountStateError, NotFoundError, SelfDeactivationError } from "./errors.ts";
import { revokeAllSessions } from "./session.server.ts";
import { account } from "./tables.ts";

export interface ManageAccountInput extends AccountScope {
  accountId: string;
}

/**
 * Deactivates an account: its sessions are revoked now (and settleSession refuses any that
 * slipped through), pending links stop working. Nothing is deleted.
 * NotFoundError outside the scope; AccountStateError when already deactivated.
 */
export async function deactivateAccount(db: Database, actor: AuditActor, input: ManageAccountInput): Promise<void> {
  if (actor.accountId === input.accountId) throw new SelfDeactivationError();
  const now = new Date();
  await db.transaction(async (tx) => {
    const row = await findAccountInScope(tx, input.accountId, input);
    if (!row) throw new NotFoundError();
    const updated = await tx
      .update(account)
      .set({ status: "deactivated", deactivatedAt: now, updatedAt: now })
      .where(and(eq(account.id, row.id), ne(account.status, "deactivated")))
      .returning({ id: account.id });
    if (!updated.length) throw new AccountStateError(row.status);
    await revokeAllSessions(tx, row.id, now);
    await expireAccountTokens(tx, row.id, now);
    await recordAuditEvent(tx, actor, {
      action: "account.deactivated",
      targetType: "account",
      targetId: row.id,
      partnershipId: row.partnershipId,
      organizationId: row.organizationId,
      details: { previousStatus: row.status },
    });
  });
}

/**
 * Reactivates a deactivated account. One that never set a password goes back to "invited"
 * (send a new invitation); the others become active again with their old password and MFA.
 */
export async function reactivateAccount(db: Database, actor: AuditActor, input: ManageAccountInput): Promise<void> {
  const now = new Date();
  await db.transaction(async (tx) => {
    const row = await findAccountInScope(tx, input.accountId, input);
    if (!row) throw new NotFoundError();
    const status = row.passwordHash ? "active" : "invited";
    const updated = await tx
      .update(account)
      .set({ status, deactivatedAt: null, updatedAt: now })
      .where(and(eq(account.id, row.id), eq(account.status, "deactivated")))
      .returning({ id: account.id });
    if (!updated.length) throw new AccountStateError(row.status);
    await recordAuditEvent(tx, actor, {
      action: "account.reactivated",
      targetType: "account",
      targetId: row.id,
      partnershipId: row.partnershipId,
      organizationId: row.organizationId,
      details: { status },
    });
  });
}
