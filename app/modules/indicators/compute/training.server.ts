import { and, count, eq, isNotNull, ne, sql } from "drizzle-orm";
import type { Database } from "../../db/client.server.ts";
import { organization } from "../../governance/tables.ts";
import { person } from "../../people/tables.ts";
import { trainingEvaluationResponse, trainingObservation } from "../../training-evaluation/tables.ts";
import { trainingAttendance, trainingRegistration, trainingSession } from "../../training/tables.ts";
import type { IndicatorDefinition, IndicatorQuery } from "../figures.ts";
import { countByOrganization } from "./tally.ts";

/** The period's last day that has happened: a session cannot have been given after today. */
const lastDay = (q: IndicatorQuery) => (q.period.to < q.today ? q.period.to : q.today);

/**
 * Sessions given in the period, dated by their first day (as the training counts are, so the two
 * pages agree); a cancelled or not yet closed session is not "given".
 */
const givenIn = (q: IndicatorQuery) =>
  and(
    eq(trainingSession.partnershipId, q.partnershipId),
    eq(trainingSession.status, "given"),
    sql`(${trainingSession.dates})[1] >= ${q.period.from}::date`,
    sql`(${trainingSession.dates})[1] <= ${lastDay(q)}::date`,
  );

/**
 * (organization, person) of everyone marked present on a day of the period, on the sheet of a
 * session that was not cancelled. The organization is the one the seat counted for, else the
 * person's; one outside the Table is not attributable.
 */
function presentInPeriod(db: Database, q: IndicatorQuery) {
  const day = sql`(${trainingSession.dates})[${trainingAttendance.dayIndex} + 1]`;
  return db
    .selectDistinct({ organizationId: organization.id, personId: trainingRegistration.personId })
    .from(trainingAttendance)
    .innerJoin(trainingRegistration, and(eq(trainingRegistration.id, trainingAttendance.registrationId), eq(trainingRegistration.partnershipId, q.partnershipId)))
    .innerJoin(
      trainingSession,
      and(eq(trainingSession.id, trainingRegistration.sessionId), eq(trainingSession.partnershipId, q.partnershipId), ne(trainingSession.status, "cancelled")),
    )
    .innerJoin(person, eq(person.id, trainingRegistration.personId))
    .leftJoin(
      organization,
      and(eq(organization.partnershipId, q.partnershipId), eq(organization.id, sql`coalesce(${trainingRegistration.organizationId}, ${person.organizationId})`)),
    )
    .where(
      and(
        eq(trainingAttendance.partnershipId, q.partnershipId),
        eq(trainingAttendance.status, "present"),
        sql`${day} >= ${q.period.from}::date`,
        sql`${day} <= ${lastDay(q)}::date`,
      ),
    )
    .as("present_in_period");
}

/** The answer the satisfaction rate reads: "overall, I am satisfied" (1 to 5), kept by key across questionnaire versions. */
export const OVERALL_SATISFACTION_KEY = "sat-overall";

const base = { theme: "training", module: "training" } as const;

export const trainingIndicators: IndicatorDefinition[] = [
  {
    ...base,
    code: "training_sessions_given",
    type: "count",
    decimals: 0,
    disaggregations: [],
    async compute(db, q) {
      const [row] = await db.select({ n: count() }).from(trainingSession).where(givenIn(q));
      return { shape: "count", categories: null, byOrganization: new Map([[null, [Number(row?.n ?? 0)]]]) };
    },
  },
  {
    ...base,
    code: "training_people_trained",
    type: "count",
    decimals: 0,
    disaggregations: ["organization", "organization_type", "territory"],
    async compute(db, q) {
      const present = presentInPeriod(db, q);
      const rows = await db
        .select({ organizationId: present.organizationId, n: sql<number>`count(distinct ${present.personId})` })
        .from(present)
        .groupBy(present.organizationId);
      return { shape: "count", categories: null, byOrganization: countByOrganization(rows) };
    },
  },
  {
    ...base,
    code: "training_organizations_reached",
    type: "count",
    decimals: 0,
    disaggregations: ["organization_type", "territory"],
    async compute(db, q) {
      const present = presentInPeriod(db, q);
      const rows = await db.selectDistinct({ organizationId: present.organizationId }).from(present).where(isNotNull(present.organizationId));
      return { shape: "count", categories: null, byOrganization: countByOrganization(rows.map((r) => ({ organizationId: r.organizationId, n: 1 }))) };
    },
  },
  {
    ...base,
    module: "training-evaluation",
    code: "training_sessions_observed",
    type: "percent",
    decimals: 1,
    disaggregations: [],
    async compute(db, q) {
      // One grid per session (unique index): counting the submitted ones joined counts sessions.
      const [row] = await db
        .select({ numerator: count(trainingObservation.id), denominator: count() })
        .from(trainingSession)
        .leftJoin(
          trainingObservation,
          and(eq(trainingObservation.partnershipId, q.partnershipId), eq(trainingObservation.sessionId, trainingSession.id), isNotNull(trainingObservation.submittedAt)),
        )
        .where(givenIn(q));
      return { shape: "ratio", byOrganization: new Map([[null, { numerator: Number(row?.numerator ?? 0), denominator: Number(row?.denominator ?? 0) }]]) };
    },
  },
  {
    ...base,
    module: "training-evaluation",
    code: "training_satisfaction",
    type: "percent",
    decimals: 1,
    disaggregations: [],
    async compute(db, q) {
      // Anonymous answers: read through their session only (its date), never a person or registration.
      const overall = sql`${trainingEvaluationResponse.answers} ->> ${OVERALL_SATISFACTION_KEY}`;
      const [row] = await db
        .select({
          numerator: sql<number>`count(*) filter (where ${overall} in ('4', '5'))`,
          denominator: sql<number>`count(*) filter (where ${overall} in ('1', '2', '3', '4', '5'))`,
        })
        .from(trainingEvaluationResponse)
        .innerJoin(trainingSession, eq(trainingSession.id, trainingEvaluationResponse.sessionId))
        .where(and(eq(trainingEvaluationResponse.partnershipId, q.partnershipId), givenIn(q)));
      return { shape: "ratio", byOrganization: new Map([[null, { numerator: Number(row?.numerator ?? 0), denominator: Number(row?.denominator ?? 0) }]]) };
    },
  },
];
