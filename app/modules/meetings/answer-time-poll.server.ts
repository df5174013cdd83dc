import { eq } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import type { AuditActor } from "../audit/record-audit-event.server.ts";
import { missing, ok, refusal } from "../outcome/outcome.ts";
import type { MeetingAccess } from "./meeting-access.server.ts";
import type { RecordResult } from "./meeting-records.server.ts";
import { auditMeeting, isLocked, lockPivotMeeting } from "./pivot-meeting-common.server.ts";
import { meetingPollAnswer, meetingPollSlot } from "./tables.ts";
import type { PollAnswer } from "./vocabulary.ts";

/**
 * An invited person's answers (yes / if needed / no) to the open poll's slots: one row per person
 * and slot, replaced when they change their mind (an upsert: no version to go stale). A slot of
 * another meeting reads as missing.
 */
export async function answerTimePoll(db: Database, actor: AuditActor, access: MeetingAccess, meetingId: string, answers: Record<string, PollAnswer>): Promise<RecordResult> {
  return db.transaction(async (tx) => {
    const m = await lockPivotMeeting(tx, access, meetingId, {
      invited: true,
      statuses: ["planned"],
    });
    if (!isLocked(m)) return m;
    if (m.pollStatus !== "open") return refusal("meetings.poll.closed");
    const slots = await tx.select({ id: meetingPollSlot.id }).from(meetingPollSlot).where(eq(meetingPollSlot.meetingId, m.id));
    const ids = new Set(slots.map((s) => s.id));
    const given = Object.entries(answers);
    if (given.some(([slotId]) => !ids.has(slotId))) return missing();
    if (!given.length) return refusal("meetings.poll.answerRequired");
    const now = new Date();
    for (const [slotId, answer] of given) {
      await tx
        .insert(meetingPollAnswer)
        .values({
          slotId,
          personId: access.personId,
          meetingId: m.id,
          partnershipId: m.partnershipId,
          answer,
          answeredAt: now,
        })
        .onConflictDoUpdate({
          target: [meetingPollAnswer.slotId, meetingPollAnswer.personId],
          set: { answer, answeredAt: now },
        });
    }
    await auditMeeting(tx, actor, m, "meeting.poll_answered", {
      slots: given.length,
    });
    return ok();
  });
}
