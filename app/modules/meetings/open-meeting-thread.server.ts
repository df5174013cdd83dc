import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import type { AuditActor } from "../audit/record-audit-event.server.ts";
import type { HeldRole } from "../authz/decide.ts";
import { forumViewerOf } from "../forum/access.server.ts";
import { createThread } from "../forum/create-thread.server.ts";
import { ensureStandardSpaces } from "../forum/ensure-spaces.server.ts";
import { forumSpace, forumThread } from "../forum/tables.ts";
import { missing, ok, refusal, type NotFound, type Ok, type Refused } from "../outcome/outcome.ts";
import { auditMeeting, isLocked, lockPivotMeeting, type PivotMeeting } from "./pivot-meeting-common.server.ts";
import type { MeetingAccess } from "./meeting-access.server.ts";
import { meeting } from "./tables.ts";
import { isPivotMeetingKind } from "./vocabulary.ts";

/** The network space a pivot meeting talks in: the whole network (regional) or the organization's pivots (follow-up). */
async function spaceFor(db: Database, m: PivotMeeting): Promise<string | null> {
  await ensureStandardSpaces(db, m.partnershipId);
  const [space] = await db
    .select({ id: forumSpace.id })
    .from(forumSpace)
    .where(
      and(
        eq(forumSpace.partnershipId, m.partnershipId),
        m.organizationId ? and(eq(forumSpace.kind, "organization"), eq(forumSpace.organizationId, m.organizationId)) : eq(forumSpace.kind, "network"),
      ),
    );
  return space?.id ?? null;
}

/**
 * "Fil de discussion de la rencontre": the meeting's thread, created on first need through the
 * network's own createThread (the space's rules, the identifying-details guard, notifications),
 * then linked to the meeting. Someone who may not post in that space is answered 404.
 */
export async function openMeetingThread(
  db: Database,
  actor: AuditActor,
  access: MeetingAccess,
  user: { personId: string; partnershipId: string; roles: readonly HeldRole[] },
  meetingId: string,
  text: { title: string; body: string },
  publicUrl: string,
): Promise<Ok<string> | NotFound | Refused> {
  const [current] = await db
    .select()
    .from(meeting)
    .where(and(eq(meeting.partnershipId, access.partnershipId), eq(meeting.id, meetingId)));
  // Checked before the thread is created: a Table meeting has none, a cancelled one gets none.
  if (!current || !isPivotMeetingKind(current.kind)) return missing();
  if (current.forumThreadId) {
    const [thread] = await db
      .select({ id: forumThread.id })
      .from(forumThread)
      .where(and(eq(forumThread.partnershipId, current.partnershipId), eq(forumThread.id, current.forumThreadId)));
    if (thread) return ok(thread.id);
  }
  if (current.status === "cancelled") return refusal("meetings.refused.status");
  const viewer = await forumViewerOf(db, user);
  const spaceId = viewer ? await spaceFor(db, current) : null;
  if (!viewer || !spaceId) return missing();
  const created = await createThread(db, actor, {
    viewer,
    spaceId,
    fields: text,
    publicUrl,
  });
  if (created.kind === "not_found") return missing();
  if (created.kind !== "ok") return refusal("meetings.thread.refused");
  return db.transaction(async (tx) => {
    const m = await lockPivotMeeting(tx, access, meetingId, {
      statuses: ["planned", "held", "closed"],
    });
    if (!isLocked(m)) return m.kind === "not_found" ? m : refusal("meetings.thread.refused");
    // Two people at once: the first link stays; the other thread is still a thread of the space.
    const [linked] = await tx
      .update(meeting)
      .set({ forumThreadId: created.value })
      .where(and(eq(meeting.id, m.id), isNull(meeting.forumThreadId)))
      .returning({ id: meeting.id });
    if (!linked) return ok(m.forumThreadId ?? created.value);
    await auditMeeting(tx, actor, m, "meeting.thread_opened", {
      threadId: created.value,
      spaceId,
    });
    return ok(created.value);
  });
}
