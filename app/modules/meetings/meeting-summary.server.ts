import { and, asc, count, eq, gte, inArray, isNull, lt, notInArray, or, sql, type SQL } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { visibleMeetings, type MeetingAccess } from "./meeting-access.server.ts";
import { meeting } from "./tables.ts";

export interface MeetingSummary {
  /** The next meeting the person sees (not cancelled, not over yet). */
  next: { id: string; title: string; startsAt: Date } | null;
  /** Meetings still to come that the person sees (not cancelled). */
  upcoming: number;
  /** Meetings over but not closed (minutes to write) among those the person manages. */
  toClose: number;
}

const never = sql`false`;

/** The meetings the person prepares and closes (mirror of canManageMeeting, as a WHERE). */
function managedWhere(access: MeetingAccess): SQL {
  return or(
    access.manageAll ? isNull(meeting.organizationId) : never,
    access.manageFollowupOrgs.length ? inArray(meeting.organizationId, access.manageFollowupOrgs) : never,
  ) as SQL;
}

/** What the Table hub says about meetings: the next one, how many are coming, how many wait for their minutes. */
export async function meetingSummary(db: Database, access: MeetingAccess, now: Date): Promise<MeetingSummary> {
  const visible = visibleMeetings(db, access);
  const coming = and(visible, gte(meeting.endsAt, now), notInArray(meeting.status, ["cancelled", "closed"]));
  const [next, [upcoming], [toClose]] = await Promise.all([
    db
      .select({ id: meeting.id, title: meeting.title, startsAt: meeting.startsAt })
      .from(meeting)
      .where(coming)
      .orderBy(asc(meeting.startsAt))
      .limit(1),
    db.select({ n: count() }).from(meeting).where(coming),
    access.manageAll || access.manageFollowupOrgs.length
      ? db
          .select({ n: count() })
          .from(meeting)
          .where(and(eq(meeting.partnershipId, access.partnershipId), managedWhere(access), lt(meeting.endsAt, now), inArray(meeting.status, ["planned", "held"])))
      : Promise.resolve([{ n: 0 }]),
  ]);
  return { next: next[0] ?? null, upcoming: upcoming?.n ?? 0, toClose: toClose?.n ?? 0 };
}
