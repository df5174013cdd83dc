import { and, eq } from "drizzle-orm";
import { recordAuditEvent } from "../audit/record-audit-event.server.ts";
import type { Database } from "../db/client.server.ts";
import { queueEmail } from "../email/queue-email.server.ts";
import { consumeAccountToken, expireAccountTokens, findUsableToken, issueAccountToken, TOKEN_TTL_MS } from "./account-tokens.server.ts";
import { accountActor, anonymousActor, type IdentityContext } from "./identity-context.ts";
import { identityEmail } from "./identity-emails.server.ts";
import { checkPasswordPolicy, hashPassword, type PasswordProblem } from "./password.server.ts";
import { revokeAllSessions } from "./session.server.ts";
import { account } from "./tables.ts";
import { person } from "../people/tables.ts";
import { registerAttempt } from "./throttle.server.ts";

export type ResetRequestResult = { kind: "sent_if_exists" } | { kind: "throttled"; retryAfterMinutes: number };

/**
 * "Forgot my password". The answer is the same whether or not the address has an account;
 * only an active account gets a link (1 h, single use). Requests are throttled per address and IP.
 */
export async function requestPasswordReset(
  context: IdentityContext,
  input: { email: string; publicUrl: string; now?: Date },
): Promise<ResetRequestResult> {
  const now = input.now ?? new Date();
  const email = input.email.trim().toLowerCase();
  return context.db.transaction(async (tx) => {
    const verdict = await registerAttempt(tx, "reset", { key: email, ip: context.ip, now });
    if (!verdict.allowed) return { kind: "throttled", retryAfterMinutes: verdict.retryAfterMinutes } as const;
    const [row] = await tx
      .select({ id: account.id, locale: account.locale, givenName: person.givenName, partnershipId: person.partnershipId, organizationId: person.organizationId })
      .from(account)
      .innerJoin(person, eq(person.id, account.personId))
      .where(and(eq(account.email, email), eq(account.status, "active")))
      .limit(1);
    if (!row) {
      await recordAuditEvent(tx, anonymousActor(context), { action: "account.password_reset_requested", targetType: "account", details: { email, sent: false } });
      return { kind: "sent_if_exists" } as const;
    }
    const token = await issueAccountToken(tx, { kind: "password_reset", accountId: row.id, createdBy: null, now });
    const message = identityEmail("passwordReset", row.locale, {
      name: row.givenName,
      link: `${input.publicUrl}/password/reset/${token}`,
      minutes: TOKEN_TTL_MS.password_reset / 60_000,
    });
    await queueEmail(tx, { to: email, ...message, partnershipId: row.partnershipId });
    await recordAuditEvent(tx, anonymousActor(context), {
      action: "account.password_reset_requested",
      targetType: "account",
      targetId: row.id,
      partnershipId: row.partnershipId,
      organizationId: row.organizationId,
      details: { email, sent: true },
    });
    return { kind: "sent_if_exists" } as const;
  });
}

async function activeAccountOfToken(db: Database, token: string, now: Date) {
  const found = await findUsableToken(db, "password_reset", token, now);
  if (!found) return null;
  const [row] = await db
    .select({ id: account.id, email: account.email, partnershipId: person.partnershipId, organizationId: person.organizationId })
    .from(account)
    .innerJoin(person, eq(person.id, account.personId))
    .where(and(eq(account.id, found.accountId), eq(account.status, "active")))
    .limit(1);
  return row ?? null;
}

/** Whether a reset link still works (for showing the form). */
export async function isResetTokenUsable(db: Database, token: string, now = new Date()): Promise<boolean> {
  return !!(await activeAccountOfToken(db, token, now));
}

/** Whose password a still-valid link resets (the page names the address for password managers). */
export async function findResetAccount(db: Database, token: string, now = new Date()): Promise<{ email: string } | null> {
  const row = await activeAccountOfToken(db, token, now);
  return row ? { email: row.email } : null;
}

export type ResetPasswordResult = { ok: true } | { ok: false; error: "invalid_token" } | { ok: false; error: PasswordProblem };

/**
 * Sets a new password from a reset link and ends every session of the account. It signs
 * nobody in and leaves MFA as it was: the person then signs in and passes their second factor.
 */
export async function resetPassword(context: IdentityContext, input: { token: string; password: string; now?: Date }): Promise<ResetPasswordResult> {
  const now = input.now ?? new Date();
  const target = await activeAccountOfToken(context.db, input.token, now);
  if (!target) return { ok: false, error: "invalid_token" };
  const problem = checkPasswordPolicy(input.password, { email: target.email });
  if (problem) return { ok: false, error: problem };
  const passwordHash = await hashPassword(input.password);
  return context.db.transaction(async (tx) => {
    const used = await consumeAccountToken(tx, "password_reset", input.token, now);
    if (!used || used.accountId !== target.id) return { ok: false, error: "invalid_token" } as const;
    await tx.update(account).set({ passwordHash, updatedAt: now }).where(and(eq(account.id, target.id), eq(account.status, "active")));
    await revokeAllSessions(tx, target.id, now);
    await expireAccountTokens(tx, target.id, now);
    await recordAuditEvent(tx, accountActor(context, { accountId: target.id, partnershipId: target.partnershipId, organizationId: target.organizationId }), {
      action: "account.password_reset",
      targetType: "account",
      targetId: target.id,
    });
    return { ok: true } as const;
  });
}
