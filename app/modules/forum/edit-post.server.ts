import { and, eq, isNull, sql } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import { flagged, type Flagged } from "../consultations/guard-refusal.server.ts";
import { conflict, missing, ok, refusal, type Conflict, type NotFound, type Ok, type Refused } from "../outcome/outcome.ts";
import type { ForumViewer } from "./access.server.ts";
import { foldForSearch } from "./add-post.server.ts";
import { mentionedPeople, notifyNewPost } from "./notify.server.ts";
import { guardPostTexts, hasFindings, resolveMentions } from "./post-guard.server.ts";
import { postAccess } from "./thread-access.server.ts";
import { forumPost, forumPostRevision } from "./tables.ts";

export type EditPostResult = Ok<{ threadId: string; position: number }> | NotFound | Conflict | Refused<"forum.refused.everyone"> | Flagged;

/**
 * The author rewrites their post (not a hidden one): the guard runs on the new text, the previous
 * wording is kept as a revision (shown to the space's moderators), the version moves on (a stale
 * form answers 409). Someone else's post reads as missing. A mention the edit adds tells the
 * newly mentioned at once, as a new post would (those already mentioned heard of it before).
 */
export async function editPost(db: Database, actor: AuditActor, input: { viewer: ForumViewer; postId: string; version: number; body: string; publicUrl: string }): Promise<EditPostResult> {
  const { viewer } = input;
  const access = await postAccess(db, viewer, input.postId);
  if (!access || access.post.authorPersonId !== viewer.personId || access.post.hiddenAt) return missing();
  const { findings, mentions } = await guardPostTexts(db, viewer.partnershipId, { body: input.body });
  if (hasFindings(findings)) return flagged(findings);
  if (mentions.everyone && !access.moderator) return refusal("forum.refused.everyone");
  return db.transaction(async (tx): Promise<EditPostResult> => {
    const [before] = await tx
      .select({ body: forumPost.body, version: forumPost.version })
      .from(forumPost)
      .where(and(eq(forumPost.id, input.postId), eq(forumPost.partnershipId, viewer.partnershipId)))
      .for("update");
    if (!before || before.version !== input.version) return conflict();
    const rows = await tx
      .update(forumPost)
      .set({ body: input.body, searchText: foldForSearch(input.body), editedAt: new Date(), updatedAt: new Date(), version: sql`${forumPost.version} + 1` })
      .where(and(eq(forumPost.id, input.postId), eq(forumPost.version, input.version), isNull(forumPost.hiddenAt)))
      .returning({ id: forumPost.id });
    if (!rows.length) return conflict();
    await tx.insert(forumPostRevision).values({ partnershipId: viewer.partnershipId, postId: input.postId, version: before.version, body: before.body });
    // Who the previous wording named, resolved as of today: only people named now and not then hear of it.
    const previously = await mentionedPeople(tx, viewer.partnershipId, access.space, await resolveMentions(tx, viewer.partnershipId, [before.body]));
    const now = await mentionedPeople(tx, viewer.partnershipId, access.space, mentions);
    const added = new Set([...now].filter((p) => !previously.has(p)));
    const sent = added.size
      ? await notifyNewPost(tx, {
          partnershipId: viewer.partnershipId,
          space: access.space,
          threadId: access.post.threadId,
          postId: input.postId,
          position: access.post.position,
          authorPersonId: viewer.personId,
          mentioned: added,
          repliedTo: new Set(),
          newThread: false,
          publicUrl: input.publicUrl,
          only: added,
        })
      : { notified: 0, emailed: 0 };
    await recordAuditEvent(tx, actor, {
      action: "forum_post.edited",
      targetType: "forum_post",
      targetId: input.postId,
      partnershipId: viewer.partnershipId,
      details: { threadId: access.post.threadId, version: before.version + 1, newlyMentioned: added.size, ...sent },
    });
    return ok({ threadId: access.post.threadId, position: access.post.position });
  });
}
