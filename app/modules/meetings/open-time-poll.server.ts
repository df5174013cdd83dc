import { eq, sql } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import type { AuditActor } from "../audit/record-audit-event.server.ts";
import { ok, refusal } from "../outcome/outcome.ts";
import type { MeetingAccess } from "./meeting-access.server.ts";
import type { RecordResult } from "./meeting-records.server.ts";
import { auditMeeting, isLocked, lockPivotMeeting } from "./pivot-meeting-common.server.ts";
import { meeting, meetingPollSlot } from "./tables.ts";

export interface PollSlotInput {
  startsAt: Date;
  endsAt: Date;
}

/**
 * The organizer opens a meeting-time poll with 2–6 slots (the form checked their count and
 * times). A closed poll may be replaced by a new one; an open one is not opened twice (409).
 */
export async function openTimePoll(db: Database, actor: AuditActor, access: MeetingAccess, meetingId: string, version: number, slots: PollSlotInput[]): Promise<RecordResult> {
  return db.transaction(async (tx) => {
    const m = await lockPivotMeeting(tx, access, meetingId, {
      manage: true,
      statuses: ["planned"],
      version,
    });
    if (!isLocked(m)) return m;
    if (m.pollStatus === "open") return refusal("meetings.poll.alreadyOpen");
    await tx.delete(meetingPollSlot).where(eq(meetingPollSlot.meetingId, m.id));
    for (const [position, s] of slots.entries()) {
      await tx.insert(meetingPollSlot).values({
        partnershipId: m.partnershipId,
        meetingId: m.id,
        position,
        startsAt: s.startsAt,
        endsAt: s.endsAt,
      });
    }
    await tx
      .update(meeting)
      .set({
        pollStatus: "open",
        version: sql`${meeting.version} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(meeting.id, m.id));
    await auditMeeting(tx, actor, m, "meeting.poll_opened", {
      slots: slots.length,
    });
    return ok();
  });
}
