import { and, desc, eq, exists, isNull, like, or, sql, type SQL } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { readableSpaces, type ForumViewer } from "./access.server.ts";
import { foldForSearch } from "./add-post.server.ts";
import { forumPost, forumSpace, forumThread } from "./tables.ts";

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export interface SearchHit {
  threadId: string;
  title: string;
  spaceId: string;
  postCount: number;
  lastPostAt: string;
}

/**
 * Threads of the viewer's spaces whose title or a visible post holds every word of the query,
 * accent- and case-insensitive like the directory ("reseau" finds "réseau"): texts are folded
 * when written, the query when read. Hidden posts are not searched.
 */
export async function searchForum(db: Database, viewer: ForumViewer, query: string, limit = 50): Promise<SearchHit[]> {
  const words = foldForSearch(query).split(" ").filter((w) => w.length >= 2).slice(0, 8);
  if (!words.length) return [];
  const perWord: SQL[] = words.map((w) => {
    const pattern = `%${escapeLike(w)}%`;
    return or(
      like(forumThread.searchText, pattern),
      exists(db.select({ one: sql`1` }).from(forumPost).where(and(eq(forumPost.threadId, forumThread.id), isNull(forumPost.hiddenAt), like(forumPost.searchText, pattern)))),
    )!;
  });
  const rows = await db
    .select({ threadId: forumThread.id, title: forumThread.title, spaceId: forumThread.spaceId, postCount: forumThread.postCount, lastPostAt: forumThread.lastPostAt })
    .from(forumThread)
    .innerJoin(forumSpace, eq(forumSpace.id, forumThread.spaceId))
    .where(and(eq(forumThread.partnershipId, viewer.partnershipId), readableSpaces(viewer), ...perWord))
    .orderBy(desc(forumThread.lastPostAt))
    .limit(limit);
  return rows.map((r) => ({ ...r, lastPostAt: r.lastPostAt.toISOString() }));
}
