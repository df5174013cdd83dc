import { and, eq } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { spaceAccess, type ForumViewer, type SpaceAccess } from "./access.server.ts";
import { forumPost, forumThread } from "./tables.ts";

export type ThreadRow = typeof forumThread.$inferSelect;

/** A thread the viewer may read (its space readable), with what they may do in its space; null reads as 404. */
export async function threadAccess(db: Database, viewer: ForumViewer, threadId: string): Promise<(SpaceAccess & { thread: ThreadRow }) | null> {
  const [thread] = await db.select().from(forumThread).where(and(eq(forumThread.partnershipId, viewer.partnershipId), eq(forumThread.id, threadId)));
  if (!thread) return null;
  const access = await spaceAccess(db, viewer, thread.spaceId);
  return access ? { ...access, thread } : null;
}

export type PostRow = typeof forumPost.$inferSelect;

/** A post the viewer may reach (its space readable); whether it is hidden is the caller's concern. */
export async function postAccess(db: Database, viewer: ForumViewer, postId: string): Promise<(SpaceAccess & { post: PostRow }) | null> {
  const [post] = await db.select().from(forumPost).where(and(eq(forumPost.partnershipId, viewer.partnershipId), eq(forumPost.id, postId)));
  if (!post) return null;
  const access = await spaceAccess(db, viewer, post.spaceId);
  return access ? { ...access, post } : null;
}
