import { and, desc, eq } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import type { ForumViewer } from "./access.server.ts";
import { forumPostRevision } from "./tables.ts";
import { postAccess } from "./thread-access.server.ts";

/** A post's wordings, newest first: the space's moderators and the author see them; anyone else reads a 404. */
export async function postHistory(db: Database, viewer: ForumViewer, postId: string) {
  const access = await postAccess(db, viewer, postId);
  if (!access || (!access.moderator && access.post.authorPersonId !== viewer.personId)) return null;
  const revisions = await db
    .select({ version: forumPostRevision.version, body: forumPostRevision.body, replacedAt: forumPostRevision.replacedAt })
    .from(forumPostRevision)
    .where(and(eq(forumPostRevision.partnershipId, viewer.partnershipId), eq(forumPostRevision.postId, postId)))
    .orderBy(desc(forumPostRevision.version));
  const { post } = access;
  return {
    post: { id: post.id, threadId: post.threadId, position: post.position, version: post.version, body: post.body, editedAt: post.editedAt?.toISOString() ?? null, createdAt: post.createdAt.toISOString(), hidden: post.hiddenAt !== null, mine: post.authorPersonId === viewer.personId },
    revisions: revisions.map((r) => ({ version: r.version, body: r.body, replacedAt: r.replacedAt.toISOString() })),
    moderator: access.moderator,
  };
}
