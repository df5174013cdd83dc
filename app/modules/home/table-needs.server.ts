import { and, asc, eq, gte, isNull, lte, notExists, or, sql } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { grantReportDate } from "../funding/tables.ts";
import { REPORT_ALERT_DAYS } from "../funding/vocabulary.ts";
import { meeting, meetingAgendaItem, meetingInvitation } from "../meetings/tables.ts";
import { addDays } from "../time/days.ts";

/** A Table meeting starting within this many days still without agenda or invitations needs preparing. */
export const MEETING_PREPARE_DAYS = 21;

/** Where a count leads: the one record when there is one, else the list. */
export interface Pointed {
  count: number;
  /** The record's id when exactly one is counted. */
  onlyId: string | null;
}

const pointed = (rows: { id: string }[]): Pointed => {
  const ids = [...new Set(rows.map((r) => r.id))];
  return { count: ids.length, onlyId: ids.length === 1 ? ids[0]! : null };
};

/** Reports not submitted yet that are due within REPORT_ALERT_DAYS, or already late (the daily alert's window). */
export async function reportsDue(db: Database, partnershipId: string, today: string): Promise<Pointed & { late: boolean }> {
  const rows = await db
    .select({ id: grantReportDate.grantId, dueOn: grantReportDate.dueOn })
    .from(grantReportDate)
    .where(and(eq(grantReportDate.partnershipId, partnershipId), isNull(grantReportDate.submittedOn), lte(grantReportDate.dueOn, addDays(today, REPORT_ALERT_DAYS))))
    .orderBy(asc(grantReportDate.dueOn));
  return { ...pointed(rows), count: rows.length, late: rows.some((r) => r.dueOn < today) };
}

/** The Table's own meetings (not an organization's follow-up) coming soon with no agenda or nobody invited. */
export async function meetingsToPrepare(db: Database, partnershipId: string, now: Date): Promise<Pointed> {
  const agenda = db.select({ one: sql`1` }).from(meetingAgendaItem).where(and(eq(meetingAgendaItem.partnershipId, partnershipId), eq(meetingAgendaItem.meetingId, meeting.id)));
  const invited = db.select({ one: sql`1` }).from(meetingInvitation).where(and(eq(meetingInvitation.partnershipId, partnershipId), eq(meetingInvitation.meetingId, meeting.id)));
  const rows = await db
    .select({ id: meeting.id })
    .from(meeting)
    .where(
      and(
        eq(meeting.partnershipId, partnershipId),
        isNull(meeting.organizationId),
        eq(meeting.status, "planned"),
        gte(meeting.startsAt, now),
        lte(meeting.startsAt, new Date(now.getTime() + MEETING_PREPARE_DAYS * 86_400_000)),
        or(notExists(agenda), notExists(invited)),
      ),
    );
  return pointed(rows);
}
