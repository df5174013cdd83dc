import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import { flagged, type Flagged } from "../consultations/guard-refusal.server.ts";
import { missing, ok, refusal, type NotFound, type Ok, type Refused } from "../outcome/outcome.ts";
import type { ForumViewer } from "./access.server.ts";
import type { Upload } from "../files/read-upload.server.ts";
import { appendPost } from "./add-post.server.ts";
import { attachToPost } from "./post-attachments.server.ts";
import { mentionedPeople, notifyNewPost } from "./notify.server.ts";
import { attachmentName, guardPostTexts, hasFindings } from "./post-guard.server.ts";
import { threadAccess } from "./thread-access.server.ts";
import { forumPost } from "./tables.ts";
import { QUOTE_LENGTH } from "./vocabulary.ts";
import type { ReplyInput } from "./forum-schema.ts";

export type ReplyResult = Ok<{ threadId: string; position: number }> | NotFound | Refused<"forum.refused.readOnly" | "forum.refused.quote" | "forum.refused.everyone"> | Flagged;

/** The quoted words: the start of the post, cut at a space, "…" when it goes on. */
export function excerptOf(body: string): string {
  const flat = body.replace(/\s+/g, " ").trim();
  if (flat.length <= QUOTE_LENGTH) return flat;
  const cut = flat.lastIndexOf(" ", QUOTE_LENGTH);
  return `${flat.slice(0, cut > QUOTE_LENGTH / 2 ? cut : QUOTE_LENGTH)}…`;
}

/**
 * A reply in a thread, optionally quoting a visible post of the same thread (its excerpt is
 * stored with the link, as it read then). The guard runs first; the thread's author and the
 * quoted post's author hear of it at once (a reply to their post), mentioned people too.
 */
export async function replyToThread(db: Database, actor: AuditActor, input: { viewer: ForumViewer; threadId: string; fields: ReplyInput; publicUrl: string; attachment?: Upload | null }): Promise<ReplyResult> {
  const { viewer, fields } = input;
  const access = await threadAccess(db, viewer, input.threadId);
  if (!access) return missing();
  if (!access.mayPost) return refusal("forum.refused.readOnly");
  let quoted: { id: string; authorPersonId: string; body: string } | null = null;
  if (fields.quote) {
    const [row] = await db
      .select({ id: forumPost.id, authorPersonId: forumPost.authorPersonId, body: forumPost.body })
      .from(forumPost)
      .where(and(eq(forumPost.partnershipId, viewer.partnershipId), eq(forumPost.threadId, access.thread.id), eq(forumPost.id, fields.quote), isNull(forumPost.hiddenAt)));
    if (!row) return refusal("forum.refused.quote");
    quoted = row;
  }
  const { findings, mentions } = await guardPostTexts(db, viewer.partnershipId, { body: fields.body, ...attachmentName(input.attachment) });
  if (hasFindings(findings)) return flagged(findings);
  // "@all" is the moderators' word: anyone else is told so, rather than silently notifying nobody.
  if (mentions.everyone && !access.moderator) return refusal("forum.refused.everyone");
  return db.transaction(async (tx): Promise<ReplyResult> => {
    const post = await appendPost(tx, {
      partnershipId: viewer.partnershipId,
      spaceId: access.space.id,
      threadId: access.thread.id,
      authorPersonId: viewer.personId,
      body: fields.body,
      quotePostId: quoted?.id ?? null,
      quoteExcerpt: quoted ? excerptOf(quoted.body) : null,
    });
    const file = input.attachment ? await attachToPost(tx, { partnershipId: viewer.partnershipId, postId: post.id, upload: input.attachment, personId: viewer.personId }) : null;
    const mentioned = await mentionedPeople(tx, viewer.partnershipId, access.space, mentions);
    const repliedTo = new Set([access.thread.authorPersonId, ...(quoted ? [quoted.authorPersonId] : [])]);
    const sent = await notifyNewPost(tx, {
      partnershipId: viewer.partnershipId,
      space: access.space,
      threadId: access.thread.id,
      postId: post.id,
      position: post.position,
      authorPersonId: viewer.personId,
      mentioned,
      repliedTo,
      newThread: false,
      publicUrl: input.publicUrl,
    });
    await recordAuditEvent(tx, actor, {
      action: "forum_post.created",
      targetType: "forum_post",
      targetId: post.id,
      partnershipId: viewer.partnershipId,
      details: { threadId: access.thread.id, spaceId: access.space.id, position: post.position, quote: quoted?.id ?? null, mentioned: mentioned.size, ...sent, attachment: file?.id ?? null },
    });
    return ok({ threadId: access.thread.id, position: post.position });
  });
}
