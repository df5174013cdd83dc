import { and, count, eq, gte, inArray, isNotNull, lt, sql } from "drizzle-orm";
import { meeting, meetingInvitation } from "../../meetings/tables.ts";
import { person } from "../../people/tables.ts";
import { addDays, startOfQuebecDay } from "../../time/days.ts";
import type { IndicatorDefinition, IndicatorQuery } from "../figures.ts";
import { ratioByOrganization } from "./tally.ts";

/** Meetings of a kind that took place in the period (held, or closed with their minutes). */
const heldIn = (q: IndicatorQuery, kind: string) =>
  and(
    eq(meeting.partnershipId, q.partnershipId),
    eq(meeting.kind, kind),
    inArray(meeting.status, ["held", "closed"]),
    gte(meeting.startsAt, startOfQuebecDay(q.period.from)),
    lt(meeting.startsAt, startOfQuebecDay(addDays(q.period.to, 1))),
  );

function heldCount(code: string, kind: string): IndicatorDefinition {
  return {
    code,
    theme: "meetings",
    type: "count",
    decimals: 0,
    module: "meetings",
    disaggregations: [],
    async compute(db, q) {
      const [row] = await db.select({ n: count() }).from(meeting).where(heldIn(q, kind));
      return { shape: "count", categories: null, byOrganization: new Map([[null, [Number(row?.n ?? 0)]]]) };
    },
  };
}

/** Present ÷ invited, over the meetings held; by the invited person's organization. */
function attendanceRate(code: string, kind: string): IndicatorDefinition {
  return {
    code,
    theme: "meetings",
    type: "percent",
    decimals: 1,
    module: "meetings",
    disaggregations: ["organization", "organization_type", "territory"],
    async compute(db, q) {
      const rows = await db
        .select({
          organizationId: person.organizationId,
          numerator: sql<number>`sum(case when ${meetingInvitation.attendance} = 'present' then 1 else 0 end)`,
          denominator: count(),
        })
        .from(meetingInvitation)
        .innerJoin(meeting, eq(meeting.id, meetingInvitation.meetingId))
        .innerJoin(person, eq(person.id, meetingInvitation.personId))
        .where(and(heldIn(q, kind), eq(meetingInvitation.partnershipId, q.partnershipId)))
        .groupBy(person.organizationId);
      return { shape: "ratio", byOrganization: ratioByOrganization(rows) };
    },
  };
}

/**
 * Meetings whose objectives were assessed as met ÷ meetings held whose objectives were assessed
 * (issue 14 §5, "une direction aux rencontres pivots"); an unassessed meeting counts in neither.
 */
function objectivesMet(code: string, kind: string): IndicatorDefinition {
  return {
    code,
    theme: "meetings",
    type: "percent",
    decimals: 0,
    module: "meetings",
    disaggregations: [],
    async compute(db, q) {
      const [row] = await db
        .select({ numerator: sql<number>`sum(case when ${meeting.objectivesOutcome} = 'met' then 1 else 0 end)`, denominator: count() })
        .from(meeting)
        .where(and(heldIn(q, kind), isNotNull(meeting.objectivesOutcome)));
      return { shape: "ratio", byOrganization: ratioByOrganization([{ organizationId: null, numerator: row?.numerator ?? 0, denominator: row?.denominator ?? 0 }]) };
    },
  };
}

export const meetingIndicators: IndicatorDefinition[] = [
  heldCount("table_meetings_held", "table"),
  attendanceRate("table_meeting_attendance", "table"),
  heldCount("regional_pivot_meetings_held", "regional_pivots"),
  attendanceRate("regional_pivot_meeting_attendance", "regional_pivots"),
  objectivesMet("regional_pivot_meeting_objectives_met", "regional_pivots"),
];
