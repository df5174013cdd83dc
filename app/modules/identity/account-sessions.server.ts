import { and, desc, eq, gt, isNull, ne } from "drizzle-orm";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import type { Database } from "../db/client.server.ts";
import { IDLE_TIMEOUT_MS } from "./session.server.ts";
import { session } from "./tables.ts";

export interface ActiveSession {
  idHash: string;
  createdAt: Date;
  lastSeenAt: Date;
  ip: string;
  userAgent: string;
  current: boolean;
}

/** The account's sessions still alive (not revoked, not idle, not past their absolute limit). */
export async function listActiveSessions(db: Database, accountId: string, currentIdHash: string, now = new Date()): Promise<ActiveSession[]> {
  const rows = await db
    .select({ idHash: session.idHash, createdAt: session.createdAt, lastSeenAt: session.lastSeenAt, ip: session.ip, userAgent: session.userAgent })
    .from(session)
    .where(
      and(
        eq(session.accountId, accountId),
        isNull(session.revokedAt),
        gt(session.expiresAt, now),
        gt(session.lastSeenAt, new Date(now.getTime() - IDLE_TIMEOUT_MS)),
      ),
    )
    .orderBy(desc(session.lastSeenAt));
  return rows.map((r) => ({ ...r, current: r.idHash === currentIdHash }));
}

/** "Sign out everywhere else": every session of the account but this one ends. */
export async function revokeOtherSessions(db: Database, actor: AuditActor, input: { accountId: string; keepIdHash: string; now?: Date }): Promise<number> {
  const now = input.now ?? new Date();
  return db.transaction(async (tx) => {
    const revoked = await tx
      .update(session)
      .set({ revokedAt: now })
      .where(and(eq(session.accountId, input.accountId), isNull(session.revokedAt), ne(session.idHash, input.keepIdHash)))
      .returning({ idHash: session.idHash });
    await recordAuditEvent(tx, actor, {
      action: "session.revoked_others",
      targetType: "account",
      targetId: input.accountId,
      details: { count: revoked.length },
    });
    return revoked.length;
  });
}
