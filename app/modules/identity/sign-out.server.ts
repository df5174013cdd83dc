import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import type { Database } from "../db/client.server.ts";
import { hashToken, revokeSession } from "./session.server.ts";

/** Ends the session behind this cookie token (even one already expired: revoking twice is harmless). */
export async function signOut(db: Database, actor: AuditActor, token: string): Promise<void> {
  await db.transaction(async (tx) => {
    await revokeSession(tx, hashToken(token));
    if (actor.accountId) await recordAuditEvent(tx, actor, { action: "auth.logout", targetType: "account", targetId: actor.accountId });
  });
}
