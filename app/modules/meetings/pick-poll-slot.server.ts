import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import type { AuditActor } from "../audit/record-audit-event.server.ts";
import { missing, ok, refusal } from "../outcome/outcome.ts";
import type { MeetingAccess } from "./meeting-access.server.ts";
import { invitedPersonIds, queueMeetingNotice } from "./meeting-emails.server.ts";
import type { RecordResult } from "./meeting-records.server.ts";
import { auditMeeting, isLocked, lockPivotMeeting } from "./pivot-meeting-common.server.ts";
import { meeting, meetingPollSlot } from "./tables.ts";

/**
 * The organizer picks one slot: it becomes the meeting's date, the calendar SEQUENCE is raised,
 * every invitee gets the change (a link and the updated .ics, nothing else), the poll closes.
 */
export async function pickPollSlot(
  db: Database,
  actor: AuditActor,
  access: MeetingAccess,
  meetingId: string,
  version: number,
  slotId: string,
  publicUrl: string,
): Promise<RecordResult> {
  return db.transaction(async (tx) => {
    const m = await lockPivotMeeting(tx, access, meetingId, {
      manage: true,
      statuses: ["planned"],
      version,
    });
    if (!isLocked(m)) return m;
    if (m.pollStatus !== "open") return refusal("meetings.poll.closed");
    const [slot] = await tx
      .select()
      .from(meetingPollSlot)
      .where(and(eq(meetingPollSlot.meetingId, m.id), eq(meetingPollSlot.id, slotId)));
    if (!slot) return missing();
    await tx.update(meetingPollSlot).set({ chosen: true }).where(eq(meetingPollSlot.id, slot.id));
    const [updated] = await tx
      .update(meeting)
      .set({
        startsAt: slot.startsAt,
        endsAt: slot.endsAt,
        pollStatus: "closed",
        sequence: sql`${meeting.sequence} + 1`,
        version: sql`${meeting.version} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(meeting.id, m.id))
      .returning();
    const emails = await queueMeetingNotice(tx, updated!, "change", await invitedPersonIds(tx, m.id), publicUrl);
    await auditMeeting(tx, actor, m, "meeting.poll_slot_picked", {
      slotId: slot.id,
      startsAt: slot.startsAt.toISOString(),
      emails,
    });
    return ok();
  });
}
