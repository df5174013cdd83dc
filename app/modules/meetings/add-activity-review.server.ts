import { and, desc, eq, inArray, isNull, lt, max, ne, sql } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import type { AuditActor } from "../audit/record-audit-event.server.ts";
import { protectActivityCounts } from "../indicators/protect-activity-counts.server.ts";
import { ok } from "../outcome/outcome.ts";
import { roleAssignment } from "../people/tables.ts";
import { countPivotActivities } from "../pivot-activities/list-pivot-activities.server.ts";
import { addDays, quebecDay } from "../time/days.ts";
import type { MeetingAccess } from "./meeting-access.server.ts";
import type { RecordResult } from "./meeting-records.server.ts";
import { auditMeeting, isLocked, lockPivotMeeting, type PivotMeeting } from "./pivot-meeting-common.server.ts";
import { meeting, meetingActivityReview, meetingAgendaItem, meetingInvitation, type ActivityReviewRow } from "./tables.ts";

/** The previous meeting of the same kind (same organization for a follow-up) that took place (held or closed). */
async function previousOfKind(tx: Database, m: PivotMeeting) {
  const [previous] = await tx
    .select({ id: meeting.id, startsAt: meeting.startsAt })
    .from(meeting)
    .where(
      and(
        eq(meeting.partnershipId, m.partnershipId),
        eq(meeting.kind, m.kind),
        m.organizationId ? eq(meeting.organizationId, m.organizationId) : isNull(meeting.organizationId),
        inArray(meeting.status, ["held", "closed"]),
        ne(meeting.id, m.id),
        lt(meeting.startsAt, m.startsAt),
      ),
    )
    .orderBy(desc(meeting.startsAt))
    .limit(1);
  return previous ?? null;
}

/** Whether an invited person holds an evaluator role in the Table: the counts then go through the disclosure control. */
async function evaluatorInvited(tx: Database, m: PivotMeeting): Promise<boolean> {
  const [row] = await tx
    .select({ one: sql<number>`1` })
    .from(meetingInvitation)
    .innerJoin(roleAssignment, eq(roleAssignment.personId, meetingInvitation.personId))
    .where(and(eq(meetingInvitation.meetingId, m.id), eq(roleAssignment.partnershipId, m.partnershipId), eq(roleAssignment.role, "evaluator"), isNull(roleAssignment.revokedAt)))
    .limit(1);
  return !!row;
}

/**
 * The counts the review shows: pivot activities by organization and type since the day after the
 * previous meeting of the kind, until today (the whole Table for a regional meeting, the
 * organization for its follow-up). Counts only — never notes nor names. When an evaluator is in
 * the audience, the counts pass the same disclosure control as /activities shows evaluators.
 */
export async function activityReviewCounts(tx: Database, m: PivotMeeting, now: Date) {
  const previous = await previousOfKind(tx, m);
  const fromDay = previous ? addDays(quebecDay(previous.startsAt), 1) : null;
  const toDay = quebecDay(now);
  const exact = await countPivotActivities(tx, {
    partnershipId: m.partnershipId,
    organizationId: m.organizationId,
    from: fromDay,
    to: toDay,
  });
  const plain = (r: {
    organizationId: string;
    organizationNameFr: string;
    organizationNameEn: string;
    organizationAcronym: string;
    counts: Record<string, number | null | undefined>;
    total: number | null;
  }): ActivityReviewRow => ({
    organizationId: r.organizationId,
    organizationNameFr: r.organizationNameFr,
    organizationNameEn: r.organizationNameEn,
    organizationAcronym: r.organizationAcronym,
    counts: Object.fromEntries(Object.entries(r.counts).map(([type, n]) => [type, n ?? null])),
    total: r.total,
  });
  if (!(await evaluatorInvited(tx, m))) return { fromDay, toDay, protectedBelow: null, rows: exact.map(plain) };
  const { rows, threshold } = await protectActivityCounts(tx, m.partnershipId, exact);
  return { fromDay, toDay, protectedBelow: threshold, rows: rows.map(plain) };
}

/**
 * "Retour sur les activités des pivots": adds the agenda item (last on the agenda) with its counts,
 * or refreshes the counts of the one already there. Carries the meeting's version (409 when stale).
 */
export async function addActivityReview(
  db: Database,
  actor: AuditActor,
  access: MeetingAccess,
  meetingId: string,
  version: number,
  title: string,
  now = new Date(),
): Promise<RecordResult> {
  return db.transaction(async (tx) => {
    const m = await lockPivotMeeting(tx, access, meetingId, {
      manage: true,
      statuses: ["planned", "held"],
      version,
    });
    if (!isLocked(m)) return m;
    const review = await activityReviewCounts(tx, m, now);
    const items = await tx.select({ id: meetingAgendaItem.id }).from(meetingAgendaItem).where(eq(meetingAgendaItem.meetingId, m.id));
    const [existing] = items.length
      ? await tx
          .select({ agendaItemId: meetingActivityReview.agendaItemId })
          .from(meetingActivityReview)
          .where(
            inArray(
              meetingActivityReview.agendaItemId,
              items.map((i) => i.id),
            ),
          )
      : [];
    let agendaItemId = existing?.agendaItemId;
    if (agendaItemId) {
      await tx
        .update(meetingActivityReview)
        .set({ ...review, createdAt: now })
        .where(eq(meetingActivityReview.agendaItemId, agendaItemId));
    } else {
      const [last] = await tx
        .select({ position: max(meetingAgendaItem.position) })
        .from(meetingAgendaItem)
        .where(eq(meetingAgendaItem.meetingId, m.id));
      const [item] = await tx
        .insert(meetingAgendaItem)
        .values({
          partnershipId: m.partnershipId,
          meetingId: m.id,
          position: (last?.position ?? -1) + 1,
          title,
          durationMinutes: 30,
        })
        .returning({ id: meetingAgendaItem.id });
      agendaItemId = item!.id;
      await tx.insert(meetingActivityReview).values({
        agendaItemId,
        meetingId: m.id,
        partnershipId: m.partnershipId,
        ...review,
      });
    }
    await tx
      .update(meeting)
      .set({ version: sql`${meeting.version} + 1`, updatedAt: now })
      .where(eq(meeting.id, m.id));
    await auditMeeting(tx, actor, m, "meeting.activity_review_added", {
      agendaItemId,
      refreshed: !!existing,
      fromDay: review.fromDay,
      toDay: review.toDay,
      organizations: review.rows.length,
      protected: review.protectedBelow !== null,
    });
    return ok(agendaItemId);
  });
}
