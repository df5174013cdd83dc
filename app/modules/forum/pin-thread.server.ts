import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import { conflict, missing, ok, type Conflict, type NotFound, type Ok } from "../outcome/outcome.ts";
import type { ForumViewer } from "./access.server.ts";
import { forumModerationEvent, forumThread } from "./tables.ts";
import { threadAccess } from "./thread-access.server.ts";

/** A moderator pins a thread at the top of its space, or unpins it (version checked; logged). */
export async function pinThread(db: Database, actor: AuditActor, input: { viewer: ForumViewer; threadId: string; version: number; pinned: boolean }): Promise<Ok | NotFound | Conflict> {
  const access = await threadAccess(db, input.viewer, input.threadId);
  if (!access || !access.moderator) return missing();
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(forumThread)
      .set({ pinnedAt: input.pinned ? new Date() : null, version: sql`${forumThread.version} + 1`, updatedAt: new Date() })
      .where(and(eq(forumThread.id, input.threadId), eq(forumThread.partnershipId, input.viewer.partnershipId), eq(forumThread.version, input.version)))
      .returning({ id: forumThread.id });
    if (!rows.length) return conflict();
    const action = input.pinned ? "pinned" : "unpinned";
    await tx.insert(forumModerationEvent).values({ partnershipId: input.viewer.partnershipId, spaceId: access.space.id, threadId: input.threadId, moderatorPersonId: input.viewer.personId, action });
    await recordAuditEvent(tx, actor, { action: `forum_thread.${action}`, targetType: "forum_thread", targetId: input.threadId, partnershipId: input.viewer.partnershipId, details: { spaceId: access.space.id } });
    return ok();
  });
}
