import { and, desc, eq, gt, like, lt, notLike, sql, type SQL } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { loginAttempt } from "./tables.ts";

/**
 * Attempt throttling kept in the login_attempt table, so it holds across app processes.
 * Each scope counts its own rows: untrusted sign-in rows carry the plain lower-cased email, the
 * others a prefix ("mfa:<accountId>", "reset:<email>", "device:<nonce>"…), which a valid email
 * address can never have. Password sign-in has its own rule: `registerSignInAttempt`.
 */
export type ThrottleScope = "mfa" | "reauth" | "reset" | "signup";

interface Limits {
  perKey: number;
  perIp: number;
  windowMs: number;
  /** Requests (reset, sign-up) count whether they "succeed" or not; guesses count failures only. */
  countAll: boolean;
}

const MINUTE = 60_000;
export const THROTTLE_LIMITS: Record<ThrottleScope, Limits> = {
  mfa: { perKey: 5, perIp: 20, windowMs: 15 * MINUTE, countAll: false },
  reauth: { perKey: 5, perIp: 20, windowMs: 15 * MINUTE, countAll: false },
  // A training room signs up together from one address: per-IP limits stay roomy there.
  reset: { perKey: 3, perIp: 20, windowMs: 15 * MINUTE, countAll: true },
  // Failing sign-ups count too (an unknown domain, a weak password, a second organization to
  // choose): five per address leaves room to correct the form, not to probe domains.
  signup: { perKey: 5, perIp: 30, windowMs: 15 * MINUTE, countAll: true },
};

/**
 * Password sign-in (docs/decisions/009): a browser with a valid device cookie for the account
 * has its own budget; every other browser shares the account's "untrusted clients" budget,
 * capped per (account, IP) and per IP as well. Only failures count.
 */
export const SIGN_IN_LIMITS = {
  windowMs: 15 * MINUTE,
  /** Distributed guessing: all unknown browsers together, whatever their addresses. */
  untrustedPerAccount: 5,
  /** One address cannot spend the whole account budget alone. */
  untrustedPerAccountIp: 3,
  /** Password spraying from one address, across accounts. */
  untrustedPerIp: 20,
  /** A browser that signed in before: its own failures only. */
  perDevice: 10,
} as const;

export type AttemptVerdict =
  | { allowed: true; attemptId: string }
  | { allowed: false; attemptId: string; retryAfterMinutes: number };

function storedKey(scope: ThrottleScope, key: string): string {
  return `${scope}:${key}`;
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
  input: {
    key: string;
    ip: string;
    now?: Date;
    /**
     * The same submission sent again (a double click, 20 parallel copies) is one attempt: given
     * an id derived from it, a copy finds its row already there and adds none.
     */
    attemptId?: string;
  },
): Promise<AttemptVerdict> {
  const limits = THROTTLE_LIMITS[scope];
  const now = input.now ?? new Date();
  const key = storedKey(scope, input.key);
  // Two-key form with distinct classes: key locks always before IP locks, so no deadlock.
  await tx.execute(sql`select pg_advisory_xact_lock(7412100, hashtext(${key}))`);
  await tx.execute(sql`select pg_advisory_xact_lock(7412200, hashtext(${`${scope}|${input.ip}`}))`);
  const [inserted] = await tx
    .insert(loginAttempt)
    .values({ ...(input.attemptId ? { id: input.attemptId } : {}), email: key, ip: input.ip, succeeded: false, at: now })
    .onConflictDoNothing()
    .returning({ id: loginAttempt.id });
  const row = inserted ?? (input.attemptId ? { id: input.attemptId } : null);
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
  const ipScope = like(loginAttempt.email, `${scope}:%`);
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

/** When the limit-th most recent counted row leaves the window (0: not over the limit). */
async function reopensAt(tx: Database, where: SQL | undefined, limit: number, since: Date, windowMs: number): Promise<number> {
  const rows = await tx
    .select({ at: loginAttempt.at })
    .from(loginAttempt)
    .where(and(where, gt(loginAttempt.at, since), eq(loginAttempt.succeeded, false)))
    .orderBy(desc(loginAttempt.at))
    .limit(limit + 1);
  return rows.length > limit ? rows[limit - 1]!.at.getTime() + windowMs : 0;
}

/** A success clears the slate of the budget it was counted in (never the IP's). */
async function lastSuccessSince(tx: Database, key: string, windowStart: Date): Promise<Date> {
  const [last] = await tx
    .select({ at: loginAttempt.at })
    .from(loginAttempt)
    .where(and(eq(loginAttempt.email, key), eq(loginAttempt.succeeded, true), gt(loginAttempt.at, windowStart)))
    .orderBy(desc(loginAttempt.at))
    .limit(1);
  return last?.at ?? windowStart;
}

export type SignInVerdict = AttemptVerdict & { trusted: boolean };

/** The stored key of a device's attempts (the IP and account budgets never read these rows). */
export const deviceAttemptKey = (nonce: string) => `device:${nonce}`;

/**
 * Records a password sign-in attempt before the password is checked (as a failure until
 * `markAttemptSucceeded`), then decides from the budget it belongs to:
 * - with a valid device cookie for the account (`deviceNonce`): that device's own failures;
 *   over the limit the device is locked until its failures leave the window;
 * - otherwise (unknown browser, unknown address): the account's untrusted budget, the
 *   (account, IP) budget and the IP's budget.
 * Rows: untrusted attempts under the plain lower-cased e-mail (as before), device attempts
 * under "device:<nonce>".
 */
export async function registerSignInAttempt(
  tx: Database,
  input: { email: string; ip: string; deviceNonce: string | null; now?: Date },
): Promise<SignInVerdict> {
  const limits = SIGN_IN_LIMITS;
  const now = input.now ?? new Date();
  const windowStart = new Date(now.getTime() - limits.windowMs);
  const trusted = input.deviceNonce !== null;
  const key = trusted ? deviceAttemptKey(input.deviceNonce!) : input.email;
  await tx.execute(sql`select pg_advisory_xact_lock(7412100, hashtext(${key}))`);
  if (!trusted) await tx.execute(sql`select pg_advisory_xact_lock(7412200, hashtext(${`login|${input.ip}`}))`);
  const [row] = await tx.insert(loginAttempt).values({ email: key, ip: input.ip, succeeded: false, at: now }).returning({ id: loginAttempt.id });
  if (!row) throw new Error("login_attempt insert returned nothing");

  const since = await lastSuccessSince(tx, key, windowStart);
  const until = trusted
    ? await reopensAt(tx, eq(loginAttempt.email, key), limits.perDevice, since, limits.windowMs)
    : Math.max(
        await reopensAt(tx, eq(loginAttempt.email, key), limits.untrustedPerAccount, since, limits.windowMs),
        await reopensAt(tx, and(eq(loginAttempt.email, key), eq(loginAttempt.ip, input.ip)), limits.untrustedPerAccountIp, since, limits.windowMs),
        await reopensAt(tx, and(eq(loginAttempt.ip, input.ip), notLike(loginAttempt.email, "%:%")), limits.untrustedPerIp, windowStart, limits.windowMs),
      );
  if (until > now.getTime()) {
    return { allowed: false, trusted, attemptId: row.id, retryAfterMinutes: Math.max(1, Math.ceil((until - now.getTime()) / MINUTE)) };
  }
  return { allowed: true, trusted, attemptId: row.id };
}

export async function markAttemptSucceeded(tx: Database, attemptId: string): Promise<void> {
  await tx.update(loginAttempt).set({ succeeded: true }).where(eq(loginAttempt.id, attemptId));
}

/** Rows older than every window are useless: a daily job can drop them (returns how many). */
export async function purgeLoginAttempts(db: Database, now = new Date()): Promise<number> {
  const oldest = Math.max(SIGN_IN_LIMITS.windowMs, ...Object.values(THROTTLE_LIMITS).map((l) => l.windowMs));
  // Kept a day past the longest window, for investigating an attack after the fact.
  const before = new Date(now.getTime() - oldest - 24 * 3600_000);
  const deleted = await db.delete(loginAttempt).where(lt(loginAttempt.at, before)).returning({ id: loginAttempt.id });
  return deleted.length;
}
