import { eq } from "drizzle-orm";
import { recordAuditEvent } from "../audit/record-audit-event.server.ts";
import { mfaRequiredRoles } from "../authz/permissions.ts";
import { loadActiveRoles } from "./current-user.server.ts";
import { accountActor, anonymousActor, type IdentityContext } from "./identity-context.ts";
import { verifyAgainstDummy, verifyPassword } from "./password.server.ts";
import { createSession, hashToken, revokeSession } from "./session.server.ts";
import { account } from "./tables.ts";
import { person } from "../people/tables.ts";
import { renewDeviceEntries, trustedDeviceNonce } from "./device-cookie.server.ts";
import { markAttemptSucceeded, registerSignInAttempt } from "./throttle.server.ts";

export type SignInResult =
  | { kind: "throttled"; retryAfterMinutes: number }
  /** Unknown address, wrong password, deactivated or invited account: one answer for all. */
  | { kind: "invalid" }
  /** Only ever returned after the right password: the address owner learns where they stand. */
  | { kind: "pending_email" }
  | { kind: "pending_approval" }
  /** Right password, but this account must sign in through its organization's provider (SSO-only). */
  | { kind: "password_closed" }
  /** `deviceEntries`: the browser's device cookie after this sign-in (null: none can be issued). */
  | { kind: "signed_in"; token: string; next: "mfa" | "mfa_setup" | "continue"; deviceEntries: string[] | null };

/**
 * Password sign-in. The answer never tells whether an address is registered: unknown
 * addresses run argon2 against a dummy hash so they take as long as a wrong password.
 * Attempts are throttled per device cookie, or for unknown browsers per account, (account,
 * IP) and IP (docs/decisions/009): a stranger's guesses never lock out a known browser.
 */
export async function signIn(
  context: IdentityContext,
  input: {
    email: string;
    password: string;
    userAgent: string;
    previousSessionToken?: string | null;
    /** The entries of the browser's device cookie (`readDeviceEntries`). */
    deviceEntries?: readonly string[];
    /**
     * Asked after the right password, before any session: true closes password sign-in for this
     * account (single sign-on's SSO-only rule; identity does not know providers).
     */
    passwordClosed?: (account: { accountId: string; email: string; roles: readonly { role: string }[] }) => Promise<boolean>;
    now?: Date;
  },
): Promise<SignInResult> {
  const { db } = context;
  const now = input.now ?? new Date();
  const email = input.email.trim().toLowerCase();
  const deviceEntries = input.deviceEntries ?? [];
  const deviceNonce = trustedDeviceNonce(context.config, deviceEntries, email);

  const verdict = await db.transaction(async (tx) => {
    const result = await registerSignInAttempt(tx, { email, ip: context.ip, deviceNonce, now });
    if (!result.allowed) {
      await recordAuditEvent(tx, anonymousActor(context), {
        action: "auth.login_failed",
        targetType: "account",
        details: { email, reason: result.trusted ? "device_locked" : "throttled" },
      });
    }
    return result;
  });
  if (!verdict.allowed) return { kind: "throttled", retryAfterMinutes: verdict.retryAfterMinutes };

  const [row] = await db
    .select({
      id: account.id,
      passwordHash: account.passwordHash,
      status: account.status,
      mfaEnabledAt: account.mfaEnabledAt,
      personId: account.personId,
      partnershipId: person.partnershipId,
      organizationId: person.organizationId,
    })
    .from(account)
    .innerJoin(person, eq(person.id, account.personId))
    .where(eq(account.email, email))
    .limit(1);

  const passwordOk = row?.passwordHash
    ? await verifyPassword(row.passwordHash, input.password)
    : await verifyAgainstDummy(input.password);

  if (!row || !passwordOk || row.status !== "active") {
    const reason = !row ? "unknown_email" : !passwordOk ? "bad_password" : `status_${row.status}`;
    await db.transaction(async (tx) => {
      await recordAuditEvent(tx, anonymousActor(context), {
        action: "auth.login_failed",
        targetType: "account",
        targetId: row?.id ?? "",
        partnershipId: row?.partnershipId ?? null,
        organizationId: row?.organizationId ?? null,
        details: { email, reason, device: verdict.trusted },
      });
    });
    if (row && passwordOk && row.status === "pending_approval") return { kind: "pending_approval" };
    if (row && passwordOk && row.status === "pending_email") return { kind: "pending_email" };
    return { kind: "invalid" };
  }

  const roles = await loadActiveRoles(db, row.personId);
  if (input.passwordClosed && (await input.passwordClosed({ accountId: row.id, email, roles }))) {
    await db.transaction(async (tx) => {
      await recordAuditEvent(tx, anonymousActor(context), {
        action: "auth.login_failed",
        targetType: "account",
        targetId: row.id,
        partnershipId: row.partnershipId,
        organizationId: row.organizationId,
        details: { email, reason: "sso_only", device: verdict.trusted },
      });
    });
    return { kind: "password_closed" };
  }
  const hasMfa = !!row.mfaEnabledAt;
  const next = hasMfa
    ? "mfa"
    : roles.some((r) => mfaRequiredRoles.includes(r.role)) && !context.demoMode
      ? "mfa_setup"
      : "continue";

  const token = await db.transaction(async (tx) => {
    await markAttemptSucceeded(tx, verdict.attemptId);
    // A token known before sign-in (planted or stolen) must be worthless after it.
    if (input.previousSessionToken) await revokeSession(tx, hashToken(input.previousSessionToken), now);
    const created = await createSession(tx, {
      accountId: row.id,
      mfaPassed: false,
      ip: context.ip,
      userAgent: input.userAgent,
      now,
    });
    await tx.update(account).set({ lastLoginAt: now }).where(eq(account.id, row.id));
    await recordAuditEvent(tx, accountActor(context, { accountId: row.id, partnershipId: row.partnershipId, organizationId: row.organizationId, roles }), {
      action: "auth.login_succeeded",
      targetType: "account",
      targetId: row.id,
      details: { email, mfa: hasMfa ? "pending" : "none", device: verdict.trusted },
    });
    return created;
  });
  return { kind: "signed_in", token, next, deviceEntries: renewDeviceEntries(context.config, deviceEntries, email) };
}
