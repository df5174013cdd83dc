import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { foldText } from "../people/search-text.ts";
import { forumPost, forumThread, forumThreadRead } from "./tables.ts";

export const foldForSearch = (value: string) => foldText(value).replace(/\s+/g, " ").trim();

/**
 * Appends a post to a thread: the next position under the thread's row lock, the thread's
 * count and last activity, and the author's own read marker (one's post is not unread).
 */
export async function appendPost(
  tx: Database,
  input: { partnershipId: string; spaceId: string; threadId: string; authorPersonId: string; body: string; quotePostId?: string | null; quoteExcerpt?: string | null },
): Promise<{ id: string; position: number }> {
  const [thread] = await tx
    .update(forumThread)
    .set({ postCount: sql`${forumThread.postCount} + 1`, lastPostAt: new Date() })
    .where(and(eq(forumThread.partnershipId, input.partnershipId), eq(forumThread.id, input.threadId)))
    .returning({ position: forumThread.postCount });
  if (!thread) throw new Error("thread vanished while posting");
  const [post] = await tx
    .insert(forumPost)
    .values({
      partnershipId: input.partnershipId,
      spaceId: input.spaceId,
      threadId: input.threadId,
      position: thread.position,
      authorPersonId: input.authorPersonId,
      body: input.body,
      quotePostId: input.quotePostId ?? null,
      quoteExcerpt: input.quoteExcerpt ?? null,
      searchText: foldForSearch(input.body),
    })
    .returning({ id: forumPost.id });
  await markRead(tx, { partnershipId: input.partnershipId, threadId: input.threadId, personId: input.authorPersonId, position: thread.position });
  return { id: post!.id, position: thread.position };
}

/** Moves a person's read marker forward (never back). Personal reading state: not audited, like a session's last visit. */
export async function markRead(tx: Database, input: { partnershipId: string; threadId: string; personId: string; position: number }): Promise<void> {
  await tx
    .insert(forumThreadRead)
    .values({ partnershipId: input.partnershipId, threadId: input.threadId, personId: input.personId, lastReadPosition: input.position })
    .onConflictDoUpdate({
      target: [forumThreadRead.threadId, forumThreadRead.personId],
      set: { lastReadPosition: sql`greatest(${forumThreadRead.lastReadPosition}, ${input.position})`, updatedAt: new Date() },
    });
}
