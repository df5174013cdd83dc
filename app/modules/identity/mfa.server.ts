import { randomInt } from "node:crypto";
import { and, eq, isNull, lt, ne, or } from "drizzle-orm";
import { generateSecret, generateURI, verify } from "otplib";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import type { Config } from "../config/config.server.ts";
import type { Database } from "../db/client.server.ts";
import { secretBox } from "../crypto/secret-box.server.ts";
import type { IdentityContext } from "./identity-context.ts";
import { createSession, hashToken, markSessionMfaPassed, revokeSession } from "./session.server.ts";
import { qrCodeDataUrl } from "./qr-code.ts";
import { account, recoveryCode, session } from "./tables.ts";
import { markAttemptSucceeded, registerAttempt } from "./throttle.server.ts";

const ISSUER = "Filet";
/** A set-up page left open longer than this must be reloaded (new secret). */
const ENROLLMENT_TTL_MS = 30 * 60_000;
export const RECOVERY_CODE_COUNT = 10;

function totpBox(config: Pick<Config, "FILET_SECRET_KEY">) {
  return secretBox(config.FILET_SECRET_KEY, "mfa-totp-secret");
}

export interface Enrollment {
  secret: string;
  uri: string;
  /** The otpauth URI as an SVG QR code, rendered on the server (no script needed). */
  qrDataUrl: string;
  /** The secret sealed for this account, carried by the form until confirmed: GET writes nothing. */
  sealed: string;
}

function describe(secret: string, email: string, sealed: string): Enrollment {
  const uri = generateURI({ issuer: ISSUER, label: email, secret });
  return { secret, uri, sealed, qrDataUrl: qrCodeDataUrl(uri) };
}

export function startEnrollment(config: Pick<Config, "FILET_SECRET_KEY">, input: { accountId: string; email: string; now?: Date }): Enrollment {
  const secret = generateSecret();
  const issuedAt = (input.now ?? new Date()).getTime();
  const sealed = totpBox(config).seal(JSON.stringify({ secret, issuedAt }), `enroll:${input.accountId}`);
  return describe(secret, input.email, sealed);
}

/** The enrollment carried by the form, if it is this account's and still fresh. */
export function reopenEnrollment(
  config: Pick<Config, "FILET_SECRET_KEY">,
  input: { accountId: string; email: string; sealed: string; now?: Date },
): Enrollment | null {
  const opened = totpBox(config).open(input.sealed, `enroll:${input.accountId}`);
  if (!opened) return null;
  const { secret, issuedAt } = JSON.parse(opened) as { secret: string; issuedAt: number };
  if ((input.now ?? new Date()).getTime() - issuedAt > ENROLLMENT_TTL_MS) return null;
  return describe(secret, input.email, input.sealed);
}

/** Time step of a valid code, or null. `afterStep` rejects replays of an accepted code. */
async function checkTotp(secret: string, code: string, now: Date, afterStep: number | null): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  try {
    const result = await verify({
      secret,
      token: code,
      epoch: Math.floor(now.getTime() / 1000),
      // One step either side: phones' clocks drift.
      epochTolerance: 30,
      afterTimeStep: afterStep ?? undefined,
    });
    return result.valid && "timeStep" in result ? result.timeStep : null;
  } catch {
    return null;
  }
}

const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
function newRecoveryCode(): string {
  const chars = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join("");
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}
function normalizeRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/** Replaces every recovery code of the account; returns the new ones (shown once, stored hashed). */
export async function replaceRecoveryCodes(tx: Database, accountId: string, now = new Date()): Promise<string[]> {
  await tx.delete(recoveryCode).where(eq(recoveryCode.accountId, accountId));
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await tx
    .insert(recoveryCode)
    .values(codes.map((code) => ({ accountId, codeHash: hashToken(normalizeRecoveryCode(code)), createdAt: now })));
  return codes;
}

export type ConfirmEnrollmentResult =
  | { ok: false; error: "identity.mfa.setup.expired" | "identity.mfa.invalidCode" | "identity.mfa.setup.alreadyEnabled" }
  | { ok: true; recoveryCodes: string[] };

/**
 * Turns MFA on once the person proves their app shows the right code. The current session is
 * marked as having passed the second factor; every other session of the account ends (one
 * opened elsewhere with the password alone must not live on). The current session keeps its
 * id so the page answering this POST — rendered with the same cookie when JavaScript is off —
 * can still show the recovery codes.
 */
export async function confirmEnrollment(
  context: IdentityContext,
  actor: AuditActor,
  input: { accountId: string; email: string; sealed: string; code: string; sessionIdHash: string; now?: Date },
): Promise<ConfirmEnrollmentResult> {
  const now = input.now ?? new Date();
  const enrollment = reopenEnrollment(context.config, { ...input, now });
  if (!enrollment) return { ok: false, error: "identity.mfa.setup.expired" };
  const step = await checkTotp(enrollment.secret, input.code.replace(/\s/g, ""), now, null);
  if (step === null) return { ok: false, error: "identity.mfa.invalidCode" };
  const box = totpBox(context.config);
  return context.db.transaction(async (tx) => {
    const updated = await tx
      .update(account)
      .set({
        mfaSecretEnc: box.seal(enrollment.secret, `account:${input.accountId}`),
        mfaEnabledAt: now,
        mfaLastStep: step,
        updatedAt: now,
      })
      .where(and(eq(account.id, input.accountId), isNull(account.mfaEnabledAt)))
      .returning({ id: account.id });
    if (!updated.length) return { ok: false, error: "identity.mfa.setup.alreadyEnabled" } as const;
    const recoveryCodes = await replaceRecoveryCodes(tx, input.accountId, now);
    await tx
      .update(session)
      .set({ revokedAt: now })
      .where(and(eq(session.accountId, input.accountId), isNull(session.revokedAt), ne(session.idHash, input.sessionIdHash)));
    await markSessionMfaPassed(tx, input.sessionIdHash);
    await recordAuditEvent(tx, actor, { action: "mfa.enabled", targetType: "account", targetId: input.accountId });
    return { ok: true, recoveryCodes } as const;
  });
}

export type ChallengeResult =
  | { kind: "throttled"; retryAfterMinutes: number }
  | { kind: "invalid" }
  | { kind: "passed"; token: string; method: "totp" | "recovery_code"; recoveryCodesLeft: number };

/**
 * The sign-in challenge: a TOTP code (each accepted once: its time step must be newer than the
 * last accepted one) or an unused recovery code. On success the session is replaced by a new
 * one marked as having passed the second factor.
 */
export async function passMfaChallenge(
  context: IdentityContext,
  actor: AuditActor,
  input: { accountId: string; sessionIdHash: string; code: string; userAgent: string; now?: Date },
): Promise<ChallengeResult> {
  const { db } = context;
  const now = input.now ?? new Date();
  const verdict = await db.transaction(async (tx) => {
    const result = await registerAttempt(tx, "mfa", { key: input.accountId, ip: context.ip, now });
    if (!result.allowed) {
      await recordAuditEvent(tx, actor, { action: "mfa.challenge_failed", targetType: "account", targetId: input.accountId, details: { reason: "throttled" } });
    }
    return result;
  });
  if (!verdict.allowed) return { kind: "throttled", retryAfterMinutes: verdict.retryAfterMinutes };

  const [row] = await db
    .select({ secretEnc: account.mfaSecretEnc, lastStep: account.mfaLastStep, enabledAt: account.mfaEnabledAt })
    .from(account)
    .where(eq(account.id, input.accountId))
    .limit(1);
  const code = input.code.trim();
  const secret = row?.secretEnc && row.enabledAt ? totpBox(context.config).open(row.secretEnc, `account:${input.accountId}`) : null;
  const step = secret ? await checkTotp(secret, code.replace(/\s/g, ""), now, row?.lastStep ?? null) : null;

  const outcome = await db.transaction(async (tx) => {
    let method: "totp" | "recovery_code" | null = null;
    if (step !== null) {
      // Conditional: two requests racing with the same code cannot both pass.
      const accepted = await tx
        .update(account)
        .set({ mfaLastStep: step })
        .where(and(eq(account.id, input.accountId), or(isNull(account.mfaLastStep), lt(account.mfaLastStep, step))))
        .returning({ id: account.id });
      if (accepted.length) method = "totp";
    } else if (secret && !/^\d{6}$/.test(code)) {
      const used = await tx
        .update(recoveryCode)
        .set({ usedAt: now })
        .where(
          and(
            eq(recoveryCode.accountId, input.accountId),
            eq(recoveryCode.codeHash, hashToken(normalizeRecoveryCode(code))),
            isNull(recoveryCode.usedAt),
          ),
        )
        .returning({ id: recoveryCode.id });
      if (used.length) method = "recovery_code";
    }
    if (!method) {
      await recordAuditEvent(tx, actor, { action: "mfa.challenge_failed", targetType: "account", targetId: input.accountId, details: { reason: "bad_code" } });
      return null;
    }
    await markAttemptSucceeded(tx, verdict.attemptId);
    await revokeSession(tx, input.sessionIdHash, now);
    const token = await createSession(tx, { accountId: input.accountId, mfaPassed: true, ip: context.ip, userAgent: input.userAgent, now });
    const left = await tx
      .select({ id: recoveryCode.id })
      .from(recoveryCode)
      .where(and(eq(recoveryCode.accountId, input.accountId), isNull(recoveryCode.usedAt)));
    await recordAuditEvent(tx, actor, { action: "mfa.challenge_passed", targetType: "account", targetId: input.accountId, details: { method } });
    return { token, method, recoveryCodesLeft: left.length };
  });
  return outcome ? { kind: "passed", ...outcome } : { kind: "invalid" };
}

export async function countUnusedRecoveryCodes(db: Database, accountId: string): Promise<number> {
  const rows = await db
    .select({ id: recoveryCode.id })
    .from(recoveryCode)
    .where(and(eq(recoveryCode.accountId, accountId), isNull(recoveryCode.usedAt)));
  return rows.length;
}
