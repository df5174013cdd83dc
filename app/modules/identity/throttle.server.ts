import { and, desc, eq, gt, like, lt, notLike, sql } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { loginAttempt } from "./tables.ts";

/**
 * Attempt throttling kept in the login_attempt table, so it holds across app processes.
 * Each scope counts its own rows: sign-in rows carry the plain lower-cased email, the others a
 * prefix ("mfa:<accountId>", "reset:<email>"…), which a valid email address can never have.
 */
export type ThrottleScope = "login" | "mfa" | "reauth" | "reset" | "signup";

interface Limits {
  perKey: number;
  perIp: number;
  windowMs: number;
  /** Requests (reset, sign-up) count whether they "succeed" or not; guesses count failures only. */
  countAll: boolean;
}

const MINUTE = 60_000;
export const THROTTLE_LIMITS: Record<ThrottleScope, Limits> = {
  login: { perKey: 5, perIp: 20, windowMs: 15 * MINUTE, countAll: false },
  mfa: { perKey: 5, perIp: 20, windowMs: 15 * MINUTE, countAll: false },
  reauth: { perKey: 5, perIp: 20, windowMs: 15 * MINUTE, countAll: false },
  // A training room signs up together from one address: per-IP limits stay roomy there.
  reset: { perKey: 3, perIp: 20, windowMs: 15 * MINUTE, countAll: true },
  signup: { perKey: 3, perIp: 30, windowMs: 15 * MINUTE, countAll: true },
};

export type AttemptVerdict =
  | { allowed: true; attemptId: string }
  | { allowed: false; attemptId: string; retryAfterMinutes: number };

function storedKey(scope: ThrottleScope, key: string): string {
  return scope === "login" ? key : `${scope}:${key}`;
}

/**
 * Records an attempt BEFORE the secret is checked, as a failure until `markAttemptSucceeded`
 * says otherwise: parallel guesses are all counted, so firing 100 requests at once does not
 * buy 100 guesses. Advisory locks on the key and the IP serialize the count-then-insert.
 * A refused attempt is recorded too: hammering keeps the door shut.
 */
export async function registerAttempt(
  tx: Database,
  scope: ThrottleScope,
  input: { key: string; ip: string; now?: Date },
): Promise<AttemptVerdict> {
  const limits = THROTTLE_LIMITS[scope];
  const now = input.now ?? new Date();
  const key = storedKey(scope, input.key);
  // Two-key form with distinct classes: key locks always before IP locks, so no deadlock.
  await tx.execute(sql`select pg_advisory_xact_lock(7412100, hashtext(${key}))`);
  await tx.execute(sql`select pg_advisory_xact_lock(7412200, hashtext(${`${scope}|${input.ip}`}))`);
  const [row] = await tx
    .insert(loginAttempt)
    .values({ email: key, ip: input.ip, succeeded: false, at: now })
    .returning({ id: loginAttempt.id });
  if (!row) throw new Error("login_attempt insert returned nothing");

  const windowStart = new Date(now.getTime() - limits.windowMs);
  let since = windowStart;
  if (!limits.countAll) {
    // A successful sign-in clears the account's slate; the IP's slate is not cleared.
    const [lastSuccess] = await tx
      .select({ at: loginAttempt.at })
      .from(loginAttempt)
      .where(and(eq(loginAttempt.email, key), eq(loginAttempt.succeeded, true), gt(loginAttempt.at, windowStart)))
      .orderBy(desc(loginAttempt.at))
      .limit(1);
    if (lastSuccess) since = lastSuccess.at;
  }
  const counted = (extra: ReturnType<typeof eq>) =>
    and(extra, gt(loginAttempt.at, since), limits.countAll ? undefined : eq(loginAttempt.succeeded, false));

  const byKey = await tx
    .select({ at: loginAttempt.at })
    .from(loginAttempt)
    .where(counted(eq(loginAttempt.email, key)))
    .orderBy(desc(loginAttempt.at))
    .limit(limits.perKey + 1);
  const ipScope = scope === "login" ? notLike(loginAttempt.email, "%:%") : like(loginAttempt.email, `${scope}:%`);
  const byIp = await tx
    .select({ at: loginAttempt.at })
    .from(loginAttempt)
    .where(and(eq(loginAttempt.ip, input.ip), ipScope, gt(loginAttempt.at, windowStart), limits.countAll ? undefined : eq(loginAttempt.succeeded, false)))
    .orderBy(desc(loginAttempt.at))
    .limit(limits.perIp + 1);

  // The attempt just recorded is one of the rows: more than the limit means refused. The door
  // reopens when the limit-th most recent row leaves the window.
  const reopenAt = (rows: { at: Date }[], limit: number) =>
    rows.length > limit ? rows[limit - 1]!.at.getTime() + limits.windowMs : 0;
  const until = Math.max(reopenAt(byKey, limits.perKey), reopenAt(byIp, limits.perIp));
  if (until > now.getTime()) {
    return { allowed: false, attemptId: row.id, retryAfterMinutes: Math.max(1, Math.ceil((until - now.getTime()) / MINUTE)) };
  }
  return { allowed: true, attemptId: row.id };
}

export async function markAttemptSucceeded(tx: Database, attemptId: string): Promise<void> {
  await tx.update(loginAttempt).set({ succeeded: true }).where(eq(loginAttempt.id, attemptId));
}

/** Rows older than every window are useless: a daily job can drop them (returns how many). */
export async function purgeLoginAttempts(db: Database, now = new Date()): Promise<number> {
  const oldest = Math.max(...Object.values(THROTTLE_LIMITS).map((l) => l.windowMs));
  // Kept a day past the longest window, for investigating an attack after the fact.
  const before = new Date(now.getTime() - oldest - 24 * 3600_000);
  const deleted = await db.delete(loginAttempt).where(lt(loginAttempt.at, before)).returning({ id: loginAttempt.id });
  return deleted.length;
}
