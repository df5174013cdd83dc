import { eq } from "drizzle-orm";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import type { IdentityContext } from "./identity-context.ts";
import { verifyPassword } from "./password.server.ts";
import { account } from "./tables.ts";
import { markAttemptSucceeded, registerAttempt } from "./throttle.server.ts";

export type ReauthResult = { ok: true } | { ok: false; error: "identity.reauth.invalid" | "identity.reauth.throttled"; retryAfterMinutes?: number };

/**
 * Asks a signed-in person for their password again before a sensitive change. Throttled like
 * sign-in: a stolen session must not become a password oracle.
 */
export async function confirmCurrentPassword(
  context: IdentityContext,
  actor: AuditActor,
  input: { accountId: string; password: string; now?: Date },
): Promise<ReauthResult> {
  const now = input.now ?? new Date();
  const verdict = await context.db.transaction((tx) => registerAttempt(tx, "reauth", { key: input.accountId, ip: context.ip, now }));
  if (!verdict.allowed) return { ok: false, error: "identity.reauth.throttled", retryAfterMinutes: verdict.retryAfterMinutes };
  const [row] = await context.db.select({ hash: account.passwordHash }).from(account).where(eq(account.id, input.accountId)).limit(1);
  const ok = !!row?.hash && (await verifyPassword(row.hash, input.password));
  await context.db.transaction(async (tx) => {
    if (ok) await markAttemptSucceeded(tx, verdict.attemptId);
    else await recordAuditEvent(tx, actor, { action: "auth.reauth_failed", targetType: "account", targetId: input.accountId });
  });
  return ok ? { ok: true } : { ok: false, error: "identity.reauth.invalid" };
}
