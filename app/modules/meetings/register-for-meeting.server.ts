import { and, eq } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import type { AuditActor } from "../audit/record-audit-event.server.ts";
import { missing, ok } from "../outcome/outcome.ts";
import type { MeetingAccess } from "./meeting-access.server.ts";
import type { RecordResult } from "./meeting-records.server.ts";
import { auditMeeting, isLocked, lockPivotMeeting } from "./pivot-meeting-common.server.ts";
import { meetingInvitation, meetingRegistration } from "./tables.ts";

/**
 * A designated pivot invited to a pivot meeting registers (or withdraws). Idempotent: registering
 * when registered (or withdrawing when not) writes nothing. The invitation's answer follows
 * (registered: yes; withdrawn: no), so the organizer's list and the RSVP agree.
 */
export async function setRegistration(db: Database, actor: AuditActor, access: MeetingAccess, meetingId: string, register: boolean): Promise<RecordResult> {
  if (!access.mayRegister) return missing();
  return db.transaction(async (tx) => {
    const m = await lockPivotMeeting(tx, access, meetingId, {
      invited: true,
      statuses: ["planned"],
    });
    if (!isLocked(m)) return m;
    const [current] = await tx
      .select()
      .from(meetingRegistration)
      .where(and(eq(meetingRegistration.meetingId, m.id), eq(meetingRegistration.personId, access.personId)));
    const registered = !!current && current.withdrawnAt === null;
    if (registered === register) return ok();
    const now = new Date();
    if (register) {
      await tx
        .insert(meetingRegistration)
        .values({
          meetingId: m.id,
          personId: access.personId,
          partnershipId: m.partnershipId,
          registeredAt: now,
        })
        .onConflictDoUpdate({
          target: [meetingRegistration.meetingId, meetingRegistration.personId],
          set: { registeredAt: now, withdrawnAt: null },
        });
    } else {
      await tx
        .update(meetingRegistration)
        .set({ withdrawnAt: now })
        .where(and(eq(meetingRegistration.meetingId, m.id), eq(meetingRegistration.personId, access.personId)));
    }
    await tx
      .update(meetingInvitation)
      .set({ rsvp: register ? "yes" : "no", answeredAt: now })
      .where(and(eq(meetingInvitation.meetingId, m.id), eq(meetingInvitation.personId, access.personId)));
    await auditMeeting(tx, actor, m, register ? "meeting.registered" : "meeting.registration_withdrawn", { personId: access.personId });
    return ok();
  });
}
