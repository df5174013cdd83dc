import { and, eq } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import { flagged, type Flagged } from "../consultations/guard-refusal.server.ts";
import { missing, ok, refusal, type NotFound, type Ok, type Refused } from "../outcome/outcome.ts";
import { spaceAccess, type ForumViewer } from "./access.server.ts";
import type { Upload } from "../files/read-upload.server.ts";
import { appendPost, foldForSearch } from "./add-post.server.ts";
import { attachToPost } from "./post-attachments.server.ts";
import { mentionedPeople, notifyNewPost } from "./notify.server.ts";
import { attachmentName, guardPostTexts, hasFindings } from "./post-guard.server.ts";
import { forumThread } from "./tables.ts";
import type { NewThreadInput } from "./forum-schema.ts";
import type { SubjectType } from "./vocabulary.ts";

export type CreateThreadResult = Ok<string> | NotFound | Refused<"forum.refused.readOnly" | "forum.refused.everyone"> | Flagged;

/**
 * A new thread in a space the viewer reads and may post in. Its title and opening post pass the
 * identifying-details guard first: with a finding nothing is written. The thread, its first post,
 * the audit event and the notifications (mentions at once; the new thread in digests) commit together.
 */
export async function createThread(db: Database, actor: AuditActor, input: { viewer: ForumViewer; spaceId: string; fields: NewThreadInput; publicUrl: string; attachment?: Upload | null; subject?: { type: SubjectType; id: string }; link?: string }): Promise<CreateThreadResult> {
  const { viewer, fields } = input;
  const access = await spaceAccess(db, viewer, input.spaceId);
  if (!access) return missing();
  if (!access.mayPost) return refusal("forum.refused.readOnly");
  const { findings, mentions } = await guardPostTexts(db, viewer.partnershipId, { title: fields.title, body: fields.body, ...attachmentName(input.attachment) });
  if (hasFindings(findings)) return flagged(findings);
  // "@all" is the moderators' word: anyone else is told so, rather than silently notifying nobody.
  if (mentions.everyone && !access.moderator) return refusal("forum.refused.everyone");
  return db.transaction(async (tx): Promise<CreateThreadResult> => {
    const [thread] = await tx
      .insert(forumThread)
      .values({
        partnershipId: viewer.partnershipId,
        spaceId: access.space.id,
        title: fields.title,
        authorPersonId: viewer.personId,
        searchText: foldForSearch(fields.title),
        subjectType: input.subject?.type ?? null,
        subjectId: input.subject?.id ?? null,
      })
      // An object has one thread (forum_thread_subject_uq): the second of two openings at once writes nothing and gets the first.
      .onConflictDoNothing()
      .returning({ id: forumThread.id });
    if (!thread && input.subject) {
      const [existing] = await tx
        .select({ id: forumThread.id })
        .from(forumThread)
        .where(and(eq(forumThread.partnershipId, viewer.partnershipId), eq(forumThread.subjectType, input.subject.type), eq(forumThread.subjectId, input.subject.id)));
      if (existing) return ok(existing.id);
    }
    // A link the application wrote (back to the thread's object) follows the guarded text: its ids are not a person's words.
    const body = input.link ? `${fields.body}\n\n${input.link}` : fields.body;
    const post = await appendPost(tx, { partnershipId: viewer.partnershipId, spaceId: access.space.id, threadId: thread!.id, authorPersonId: viewer.personId, body });
    const file = input.attachment ? await attachToPost(tx, { partnershipId: viewer.partnershipId, postId: post.id, upload: input.attachment, personId: viewer.personId }) : null;
    const mentioned = await mentionedPeople(tx, viewer.partnershipId, access.space, mentions);
    const sent = await notifyNewPost(tx, {
      partnershipId: viewer.partnershipId,
      space: access.space,
      threadId: thread!.id,
      postId: post.id,
      position: post.position,
      authorPersonId: viewer.personId,
      mentioned,
      repliedTo: new Set(),
      newThread: true,
      publicUrl: input.publicUrl,
    });
    await recordAuditEvent(tx, actor, {
      action: "forum_thread.created",
      targetType: "forum_thread",
      targetId: thread!.id,
      partnershipId: viewer.partnershipId,
      details: { spaceId: access.space.id, postId: post.id, mentioned: mentioned.size, ...sent, attachment: file?.id ?? null, ...(input.subject ? { subjectType: input.subject.type, subjectId: input.subject.id } : {}) },
    });
    return ok(thread!.id);
  });
}
