import { and, eq } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import type { AuditActor } from "../audit/record-audit-event.server.ts";
import type { Flagged } from "../consultations/guard-refusal.server.ts";
import { translator } from "../../i18n/catalog.ts";
import { missing, ok, type NotFound, type Ok, type Refused } from "../outcome/outcome.ts";
import { spaceAccess, type ForumViewer } from "./access.server.ts";
import { createThread } from "./create-thread.server.ts";
import type { SubjectThreadInput } from "./forum-schema.ts";
import { resolveSubject, subjectSpaceId, type SubjectUser } from "./subjects.server.ts";
import { forumThread } from "./tables.ts";
import { TITLE_MAX, type SubjectType } from "./vocabulary.ts";

export type OpenSubjectThreadResult = Ok<string> | NotFound | Refused<"forum.refused.readOnly" | "forum.refused.everyone"> | Flagged;

/**
 * "Start a discussion" on a Filet object (issue 14 §1): its one thread, in the space where the
 * object's talk lives (subjects.server.ts), opened through createThread (the space's rules, the
 * identifying-details guard, mentions, notifications, audit). The object must exist in the
 * viewer's Table and be readable by them, and they must read its space: otherwise 404. An object
 * that already has its thread answers that thread; two openings at once make one thread (the
 * unique index on the subject). The opening post is what the user wrote, or a generated line in
 * their language with a link back to the object.
 */
export async function openSubjectThread(
  db: Database,
  actor: AuditActor,
  input: { user: SubjectUser; viewer: ForumViewer; type: SubjectType; id: string; fields: SubjectThreadInput; publicUrl: string },
): Promise<OpenSubjectThreadResult> {
  const { user, viewer } = input;
  const subject = await resolveSubject(db, user, input.type, input.id);
  if (!subject) return missing();
  const spaceId = await subjectSpaceId(db, viewer.partnershipId, subject.space);
  if (!spaceId || !(await spaceAccess(db, viewer, spaceId))) return missing();
  const [existing] = await db
    .select({ id: forumThread.id })
    .from(forumThread)
    .where(and(eq(forumThread.partnershipId, viewer.partnershipId), eq(forumThread.subjectType, subject.type), eq(forumThread.subjectId, subject.id)));
  if (existing) return ok(existing.id);
  const t = translator(user.locale);
  // The link back is appended after the guard (a UUID can look like a health-insurance number).
  const link = `${input.publicUrl}${subject.path}`;
  const body = input.fields.body || t("forum.subject.opening", { title: subject.title });
  const title = subject.title.length > TITLE_MAX ? `${subject.title.slice(0, TITLE_MAX - 1)}…` : subject.title;
  const created = await createThread(db, actor, { viewer, spaceId, fields: { title, body }, publicUrl: input.publicUrl, subject: { type: subject.type, id: subject.id }, link });
  return created;
}
