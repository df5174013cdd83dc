import { and, eq, isNotNull } from "drizzle-orm";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import type { IdentityContext } from "./identity-context.ts";
import { replaceRecoveryCodes } from "./mfa.server.ts";
import { confirmCurrentPassword } from "./reauth.server.ts";
import { account, recoveryCode } from "./tables.ts";

export type ManageMfaError =
  | "identity.reauth.invalid"
  | "identity.reauth.throttled"
  | "identity.mfa.disable.required"
  | "identity.mfa.notEnabled";

/** Only people whose roles do not require a second factor may turn it off (in demo mode, anyone). */
export async function disableMfa(
  context: IdentityContext,
  actor: AuditActor,
  input: { accountId: string; password: string; mfaRequired: boolean; now?: Date },
): Promise<{ ok: true } | { ok: false; error: ManageMfaError; retryAfterMinutes?: number }> {
  if (input.mfaRequired && !context.demoMode) return { ok: false, error: "identity.mfa.disable.required" };
  const reauth = await confirmCurrentPassword(context, actor, input);
  if (!reauth.ok) return reauth;
  const now = input.now ?? new Date();
  return context.db.transaction(async (tx) => {
    const updated = await tx
      .update(account)
      .set({ mfaSecretEnc: null, mfaEnabledAt: null, updatedAt: now })
      .where(and(eq(account.id, input.accountId), isNotNull(account.mfaEnabledAt)))
      .returning({ id: account.id });
    if (!updated.length) return { ok: false, error: "identity.mfa.notEnabled" } as const;
    await tx.delete(recoveryCode).where(eq(recoveryCode.accountId, input.accountId));
    await recordAuditEvent(tx, actor, { action: "mfa.disabled", targetType: "account", targetId: input.accountId });
    return { ok: true } as const;
  });
}

/** New recovery codes (the old ones stop working), shown once. */
export async function regenerateRecoveryCodes(
  context: IdentityContext,
  actor: AuditActor,
  input: { accountId: string; password: string; now?: Date },
): Promise<{ ok: true; codes: string[] } | { ok: false; error: ManageMfaError; retryAfterMinutes?: number }> {
  const reauth = await confirmCurrentPassword(context, actor, input);
  if (!reauth.ok) return reauth;
  const now = input.now ?? new Date();
  return context.db.transaction(async (tx) => {
    const [row] = await tx.select({ enabledAt: account.mfaEnabledAt }).from(account).where(eq(account.id, input.accountId)).limit(1);
    if (!row?.enabledAt) return { ok: false, error: "identity.mfa.notEnabled" } as const;
    const codes = await replaceRecoveryCodes(tx, input.accountId, now);
    await recordAuditEvent(tx, actor, { action: "mfa.recovery_codes_regenerated", targetType: "account", targetId: input.accountId });
    return { ok: true, codes } as const;
  });
}
