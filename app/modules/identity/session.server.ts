import { createHash, randomBytes } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { tokenCookie } from "../http/token-cookie.server.ts";
import { account, session } from "./tables.ts";

export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60 * 1000;

const sessionCookie = tokenCookie("filet_session");
export const sessionCookieName = sessionCookie.name;
export const serializeSessionCookie = (token: string, secure: boolean) => sessionCookie.serialize(token, secure);
export const clearSessionCookie = sessionCookie.clear;
export const readSessionToken = sessionCookie.read;

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A new id at every sign-in: a token known before sign-in is worthless after it. */
export async function createSession(
  db: Database,
  input: { accountId: string; mfaPassed: boolean; mfaByProvider?: boolean; ip: string; userAgent: string; now?: Date },
): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const now = input.now ?? new Date();
  await db.insert(session).values({
    idHash: hashToken(token),
    accountId: input.accountId,
    mfaPassed: input.mfaPassed,
    mfaByProvider: input.mfaByProvider ?? false,
    ip: input.ip,
    userAgent: input.userAgent.slice(0, 300),
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + ABSOLUTE_TIMEOUT_MS),
  });
  return token;
}

export interface LiveSession {
  idHash: string;
  accountId: string;
  mfaPassed: boolean;
  mfaByProvider: boolean;
  activePartnershipId: string | null;
}

/** What a session row says about itself, read with whatever else the caller joins to it. */
export interface SessionState {
  lastSeenAt: Date;
  expiresAt: Date;
  accountStatus: string;
}

/**
 * A session is alive when not idle past 30 min, not older than 12 h, and its account is active
 * (deactivation ends every session at the next request). A dead one is revoked; a live one has
 * last_seen_at touched at most once a minute to keep writes cheap.
 */
export async function settleSession(db: Database, idHash: string, state: SessionState, now = new Date()): Promise<boolean> {
  const idle = now.getTime() - state.lastSeenAt.getTime() > IDLE_TIMEOUT_MS;
  if (idle || state.expiresAt <= now || state.accountStatus !== "active") {
    await db.update(session).set({ revokedAt: now }).where(eq(session.idHash, idHash));
    return false;
  }
  if (now.getTime() - state.lastSeenAt.getTime() > 60_000) {
    await db.update(session).set({ lastSeenAt: now }).where(eq(session.idHash, idHash));
  }
  return true;
}

/** What a live session carries and what settleSession judges it by (a select on session joined to account). */
export const liveSessionColumns = {
  idHash: session.idHash,
  mfaPassed: session.mfaPassed,
  mfaByProvider: session.mfaByProvider,
  activePartnershipId: session.activePartnershipId,
  lastSeenAt: session.lastSeenAt,
  expiresAt: session.expiresAt,
  accountStatus: account.status,
};

/** The session of this token if it is alive (settleSession) and not revoked. */
export async function loadSession(db: Database, token: string, now = new Date()): Promise<LiveSession | null> {
  const idHash = hashToken(token);
  const [row] = await db
    .select({ ...liveSessionColumns, accountId: session.accountId })
    .from(session)
    .innerJoin(account, eq(account.id, session.accountId))
    .where(and(eq(session.idHash, idHash), isNull(session.revokedAt)))
    .limit(1);
  if (!row || !(await settleSession(db, idHash, row, now))) return null;
  return {
    idHash: row.idHash,
    accountId: row.accountId,
    mfaPassed: row.mfaPassed,
    mfaByProvider: row.mfaByProvider,
    activePartnershipId: row.activePartnershipId,
  };
}

export async function revokeSession(db: Database, idHash: string, now = new Date()): Promise<void> {
  await db.update(session).set({ revokedAt: now }).where(eq(session.idHash, idHash));
}

export async function revokeAllSessions(db: Database, accountId: string, now = new Date()): Promise<void> {
  await db
    .update(session)
    .set({ revokedAt: now })
    .where(and(eq(session.accountId, accountId), isNull(session.revokedAt)));
}

export async function markSessionMfaPassed(db: Database, idHash: string): Promise<void> {
  await db.update(session).set({ mfaPassed: true }).where(eq(session.idHash, idHash));
}

export async function setActivePartnership(db: Database, idHash: string, partnershipId: string): Promise<void> {
  await db.update(session).set({ activePartnershipId: partnershipId }).where(eq(session.idHash, idHash));
}

export async function purgeExpiredSessions(db: Database, now = new Date()): Promise<number> {
  const result = await db.execute(
    sql`delete from ${session} where ${session.expiresAt} < ${new Date(now.getTime() - 24 * 3600_000)} or ${session.revokedAt} < ${new Date(now.getTime() - 24 * 3600_000)}`,
  );
  return (result as { affectedRows?: number; rowCount?: number }).rowCount ?? (result as { affectedRows?: number }).affectedRows ?? 0;
}
