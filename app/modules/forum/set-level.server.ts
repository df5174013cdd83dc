import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import { missing, ok, type NotFound, type Ok } from "../outcome/outcome.ts";
import { spaceAccess, type ForumViewer } from "./access.server.ts";
import { forumSubscription } from "./tables.ts";
import { threadAccess } from "./thread-access.server.ts";
import type { NotificationLevel } from "./vocabulary.ts";

/**
 * The viewer's level for a space or a thread they read (muted, normal, watching). Setting the
 * same level twice changes nothing; each change is audited.
 */
export async function setLevel(db: Database, actor: AuditActor, input: { viewer: ForumViewer; target: { spaceId: string } | { threadId: string }; level: NotificationLevel }): Promise<Ok | NotFound> {
  const { viewer } = input;
  const readable = "spaceId" in input.target ? await spaceAccess(db, viewer, input.target.spaceId) : await threadAccess(db, viewer, input.target.threadId);
  if (!readable) return missing();
  const spaceId = "spaceId" in input.target ? input.target.spaceId : null;
  const threadId = "threadId" in input.target ? input.target.threadId : null;
  return db.transaction(async (tx) => {
    const where = and(eq(forumSubscription.personId, viewer.personId), spaceId ? eq(forumSubscription.spaceId, spaceId) : eq(forumSubscription.threadId, threadId!));
    const [current] = await tx.select({ id: forumSubscription.id, level: forumSubscription.level }).from(forumSubscription).where(where).for("update");
    if (current?.level === input.level) return ok();
    if (current) await tx.update(forumSubscription).set({ level: input.level, version: sql`${forumSubscription.version} + 1`, updatedAt: new Date() }).where(eq(forumSubscription.id, current.id));
    else await tx.insert(forumSubscription).values({ partnershipId: viewer.partnershipId, personId: viewer.personId, spaceId, threadId, level: input.level }).onConflictDoNothing();
    await recordAuditEvent(tx, actor, {
      action: "forum.level_set",
      targetType: spaceId ? "forum_space" : "forum_thread",
      targetId: (spaceId ?? threadId)!,
      partnershipId: viewer.partnershipId,
      details: { level: input.level, previous: current?.level ?? null },
    });
    return ok();
  });
}
