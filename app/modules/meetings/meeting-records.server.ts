import { and, asc, eq, sql } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import { canManageMeeting, type MeetingAccess } from "./meeting-access.server.ts";
import { invitedPersonIds, queueMeetingNotice } from "./meeting-emails.server.ts";
import { attendanceVersion, minutesVersion } from "./meeting-versions.server.ts";
import { meeting, meetingAgendaItem, meetingDecision, meetingGuest, meetingInvitation } from "./tables.ts";
import type { AttendanceValue, MeetingStatus, ObjectivesOutcome, RsvpAnswer } from "./vocabulary.ts";
import { conflict, missing, ok, refusal, type Conflict, type NotFound, type Ok, type Refused } from "../outcome/outcome.ts";
import { quebecDay } from "../time/days.ts";

/**
 * "ok", or why the change is refused (an i18n key, or not_found for what the person may not touch);
 * "conflict": the form was drawn before someone else saved it (nothing written).
 */
/** A record on a meeting (the decision's id when one is created), or why not. */
export type RecordResult = Ok<string | undefined> | Refused | NotFound | Conflict;

type Meeting = typeof meeting.$inferSelect;

async function managed(tx: Database, access: MeetingAccess, meetingId: string, allowed: MeetingStatus[]): Promise<Meeting | RecordResult> {
  const [m] = await tx.select().from(meeting).where(and(eq(meeting.partnershipId, access.partnershipId), eq(meeting.id, meetingId))).for("update");
  if (!m || !canManageMeeting(access, m)) return missing();
  if (!allowed.includes(m.status)) return refusal("meetings.refused.status");
  return m;
}
const isMeeting = (v: Meeting | RecordResult): v is Meeting => "partnershipId" in v;

async function audit(tx: Database, actor: AuditActor, m: Meeting, action: string, details: Record<string, unknown> = {}) {
  await recordAuditEvent(tx, actor, {
    action,
    targetType: "meeting",
    targetId: m.id,
    partnershipId: m.partnershipId,
    organizationId: m.organizationId,
    details,
  });
}

/** The invited person's own answer (yes / no / maybe). */
export async function answerInvitation(db: Database, actor: AuditActor, access: MeetingAccess, meetingId: string, answer: RsvpAnswer): Promise<RecordResult> {
  return db.transaction(async (tx) => {
    const [m] = await tx.select().from(meeting).where(and(eq(meeting.partnershipId, access.partnershipId), eq(meeting.id, meetingId)));
    if (!m) return missing();
    if (m.status !== "planned") return refusal("meetings.refused.status");
    const updated = await tx
      .update(meetingInvitation)
      .set({ rsvp: answer, answeredAt: new Date() })
      .where(and(eq(meetingInvitation.meetingId, meetingId), eq(meetingInvitation.personId, access.personId)))
      .returning({ personId: meetingInvitation.personId });
    if (updated.length === 0) return missing();
    await audit(tx, actor, m, "meeting.rsvp", { answer });
    return ok();
  });
}

/**
 * Before the meeting's day (Québec calendar) a meeting is not held or closed by a stray click:
 * the person must say why, and the reason goes into the audit event. Null: the change may go on,
 * with these details for its audit event.
 */
export interface CalendarOverride {
  /** Why the meeting is held or closed before its day (empty: no override asked). */
  earlyReason: string;
  now?: Date;
}

function beforeItsDay(m: Meeting, override: CalendarOverride): Refused | Record<string, unknown> {
  const today = quebecDay(override.now ?? new Date());
  const day = quebecDay(m.startsAt);
  if (today >= day) return {};
  const earlyReason = override.earlyReason.trim();
  if (!earlyReason) return refusal("meetings.early.refused", { day }, { earlyReason: ["meetings.early.reasonRequired"] });
  return { early: true, meetingDay: day, earlyReason };
}
const isRefusal = (v: Refused | Record<string, unknown>): v is Refused => v.kind === "refused";

/** planned → held: attendance and minutes can be written. */
export async function startMeeting(db: Database, actor: AuditActor, access: MeetingAccess, meetingId: string, override: CalendarOverride): Promise<RecordResult> {
  return db.transaction(async (tx) => {
    const m = await managed(tx, access, meetingId, ["planned"]);
    if (!isMeeting(m)) return m;
    const early = beforeItsDay(m, override);
    if (isRefusal(early)) return early;
    await tx.update(meeting).set({ status: "held", version: sql`${meeting.version} + 1`, updatedAt: new Date() }).where(eq(meeting.id, m.id));
    await audit(tx, actor, m, "meeting.held", early);
    return ok();
  });
}

export async function recordAttendance(
  db: Database,
  actor: AuditActor,
  access: MeetingAccess,
  meetingId: string,
  input: { version: number; entries: { personId: string; attendance: AttendanceValue | null }[]; guests: string[] },
): Promise<RecordResult> {
  return db.transaction(async (tx) => {
    const m = await managed(tx, access, meetingId, ["held"]);
    if (!isMeeting(m)) return m;
    // Under the meeting's row lock: the attendance and guests as they are now.
    const [current, currentGuests] = await Promise.all([
      tx.select({ personId: meetingInvitation.personId, attendance: meetingInvitation.attendance }).from(meetingInvitation).where(eq(meetingInvitation.meetingId, m.id)),
      tx.select({ name: meetingGuest.name }).from(meetingGuest).where(eq(meetingGuest.meetingId, m.id)),
    ]);
    if (attendanceVersion(current, currentGuests.map((g) => g.name)) !== input.version) return conflict();
    const invited = new Set(current.map((i) => i.personId));
    if (input.entries.some((e) => !invited.has(e.personId))) return refusal("form.invalid");
    for (const e of input.entries) {
      await tx.update(meetingInvitation).set({ attendance: e.attendance }).where(and(eq(meetingInvitation.meetingId, m.id), eq(meetingInvitation.personId, e.personId)));
    }
    await tx.delete(meetingGuest).where(eq(meetingGuest.meetingId, m.id));
    for (const name of input.guests) await tx.insert(meetingGuest).values({ partnershipId: m.partnershipId, meetingId: m.id, name });
    await audit(tx, actor, m, "meeting.attendance_recorded", {
      present: input.entries.filter((e) => e.attendance === "present").length,
      guests: input.guests.length,
    });
    return ok();
  });
}

/** The minutes of one agenda item; `version` is the `minutesVersion` the form was drawn with. */
export async function saveItemMinutes(db: Database, actor: AuditActor, access: MeetingAccess, meetingId: string, itemId: string, version: number, minutes: string): Promise<RecordResult> {
  return db.transaction(async (tx) => {
    const m = await managed(tx, access, meetingId, ["held"]);
    if (!isMeeting(m)) return m;
    const [item] = await tx
      .select({ minutes: meetingAgendaItem.minutes })
      .from(meetingAgendaItem)
      .where(and(eq(meetingAgendaItem.meetingId, m.id), eq(meetingAgendaItem.id, itemId)));
    if (!item) return missing();
    if (minutesVersion(itemId, item.minutes) !== version) return conflict();
    const rows = await tx
      .update(meetingAgendaItem)
      .set({ minutes })
      .where(and(eq(meetingAgendaItem.meetingId, m.id), eq(meetingAgendaItem.id, itemId)))
      .returning({ id: meetingAgendaItem.id });
    if (rows.length === 0) return missing();
    await audit(tx, actor, m, "meeting.minutes_saved", { itemId, length: minutes.length });
    return ok();
  });
}

/**
 * Whether the objectives set in advance were met, once the meeting is held (or after it is
 * closed, when the organizer assesses it late): the evaluation counts it per kind of meeting.
 */
export async function assessObjectives(db: Database, actor: AuditActor, access: MeetingAccess, meetingId: string, input: { version: number; outcome: ObjectivesOutcome; review: string }): Promise<RecordResult> {
  return db.transaction(async (tx) => {
    const m = await managed(tx, access, meetingId, ["held", "closed"]);
    if (!isMeeting(m)) return m;
    if (m.version !== input.version) return conflict();
    await tx
      .update(meeting)
      .set({ objectivesOutcome: input.outcome, objectivesReview: input.review, version: sql`${meeting.version} + 1`, updatedAt: new Date() })
      .where(and(eq(meeting.partnershipId, m.partnershipId), eq(meeting.id, m.id)));
    await audit(tx, actor, m, "meeting.objectives_assessed", { outcome: input.outcome, previous: m.objectivesOutcome, reviewLength: input.review.length });
    return ok();
  });
}

export async function addDecision(db: Database, actor: AuditActor, access: MeetingAccess, meetingId: string, itemId: string | null, text: string): Promise<RecordResult> {
  return db.transaction(async (tx) => {
    const m = await managed(tx, access, meetingId, ["held"]);
    if (!isMeeting(m)) return m;
    if (itemId) {
      const [item] = await tx.select({ id: meetingAgendaItem.id }).from(meetingAgendaItem).where(and(eq(meetingAgendaItem.meetingId, m.id), eq(meetingAgendaItem.id, itemId)));
      if (!item) return missing();
    }
    const [d] = await tx
      .insert(meetingDecision)
      .values({ partnershipId: m.partnershipId, meetingId: m.id, agendaItemId: itemId, text, createdByPersonId: access.personId })
      .returning({ id: meetingDecision.id });
    await audit(tx, actor, m, "meeting.decision_recorded", { decisionId: d!.id, itemId });
    return ok(d!.id);
  });
}

/** held → closed, only with minutes for every agenda item; the invited people are told (a link). */
export async function closeMeeting(db: Database, actor: AuditActor, access: MeetingAccess, meetingId: string, publicUrl: string, override: CalendarOverride): Promise<RecordResult> {
  return db.transaction(async (tx) => {
    const m = await managed(tx, access, meetingId, ["held"]);
    if (!isMeeting(m)) return m;
    const early = beforeItsDay(m, override);
    if (isRefusal(early)) return early;
    const items = await tx.select({ title: meetingAgendaItem.title, minutes: meetingAgendaItem.minutes }).from(meetingAgendaItem).where(eq(meetingAgendaItem.meetingId, m.id)).orderBy(asc(meetingAgendaItem.position));
    const unwritten = items.filter((i) => i.minutes.trim() === "").map((i) => i.title);
    if (items.length === 0) return refusal("meetings.close.noAgenda");
    if (unwritten.length) return refusal("meetings.close.missingMinutes", { items: unwritten.join(" ; ") });
    await tx.update(meeting).set({ status: "closed", closedAt: new Date(), version: sql`${meeting.version} + 1`, updatedAt: new Date() }).where(eq(meeting.id, m.id));
    const sent = await queueMeetingNotice(tx, m, "minutes", await invitedPersonIds(tx, m.id), publicUrl);
    await audit(tx, actor, m, "meeting.closed", { emails: sent, ...early });
    return ok();
  });
}

/** planned → cancelled; every invited person gets a CANCEL for their calendar. */
export async function cancelMeeting(db: Database, actor: AuditActor, access: MeetingAccess, meetingId: string, publicUrl: string): Promise<RecordResult> {
  return db.transaction(async (tx) => {
    const m = await managed(tx, access, meetingId, ["planned"]);
    if (!isMeeting(m)) return m;
    const [updated] = await tx
      .update(meeting)
      .set({ status: "cancelled", cancelledAt: new Date(), sequence: sql`${meeting.sequence} + 1`, version: sql`${meeting.version} + 1`, updatedAt: new Date() })
      .where(eq(meeting.id, m.id))
      .returning();
    const sent = await queueMeetingNotice(tx, updated!, "cancellation", await invitedPersonIds(tx, m.id), publicUrl);
    await audit(tx, actor, m, "meeting.cancelled", { emails: sent });
    return ok();
  });
}
