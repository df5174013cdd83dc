import { and, eq, gte, isNotNull, lt, ne, or, sql } from "drizzle-orm";
import { consultation, consultationMessage, consultationMetric } from "../../consultations/tables.ts";
import type { Database } from "../../db/client.server.ts";
import { organization } from "../../governance/tables.ts";
import { addDays, startOfQuebecDay } from "../../time/days.ts";
import type { IndicatorDefinition, IndicatorQuery, Tallies } from "../figures.ts";
import { countByOrganization } from "./tally.ts";

/*
 * Counts and durations only: no subject, context, question or message body is ever selected.
 * A consultation belongs to the organization of the pivot consulted (its target organization).
 * Past its retention a consultation is deleted and leaves one anonymous metric row dated by the
 * month it was asked: such a row counts when that whole month lies in the period.
 */

const inPeriod = (column: typeof consultation.createdAt | typeof consultationMessage.createdAt | typeof consultation.firstResponseAt, q: IndicatorQuery) =>
  and(gte(column, startOfQuebecDay(q.period.from)), lt(column, startOfQuebecDay(addDays(q.period.to, 1))));

const targetOrganization = (q: IndicatorQuery) => and(eq(organization.partnershipId, q.partnershipId), eq(organization.id, consultation.targetOrganizationId));

/** Purged consultations whose month of asking lies wholly in the period. */
const purgedIn = (q: IndicatorQuery) =>
  and(
    eq(consultationMetric.partnershipId, q.partnershipId),
    sql`${consultationMetric.month} >= ${q.period.from}::date`,
    sql`(${consultationMetric.month} + interval '1 month' - interval '1 day')::date <= ${q.period.to}::date`,
  );

async function purgedCounts(db: Database, q: IndicatorQuery, answeredOnly: boolean) {
  return db
    .select({ organizationId: organization.id, n: sql<number>`count(*)` })
    .from(consultationMetric)
    .leftJoin(organization, and(eq(organization.partnershipId, q.partnershipId), eq(organization.id, consultationMetric.targetOrganizationId)))
    .where(and(purgedIn(q), answeredOnly ? isNotNull(consultationMetric.responseMinutes) : undefined))
    .groupBy(organization.id);
}

const countTally = (rows: { organizationId: string | null; n: number | string }[]): Tallies => ({ shape: "count", categories: null, byOrganization: countByOrganization(rows) });

const base = { theme: "consultations", module: "consultations", disaggregations: ["organization", "organization_type", "territory"] } as const;

export const consultationIndicators: IndicatorDefinition[] = [
  {
    ...base,
    code: "consultations_asked",
    type: "count",
    decimals: 0,
    async compute(db, q) {
      const live = await db
        .select({ organizationId: organization.id, n: sql<number>`count(*)` })
        .from(consultation)
        .leftJoin(organization, targetOrganization(q))
        .where(and(eq(consultation.partnershipId, q.partnershipId), inPeriod(consultation.createdAt, q)))
        .groupBy(organization.id);
      return countTally([...live, ...(await purgedCounts(db, q, false))]);
    },
  },
  {
    ...base,
    code: "consultations_answered",
    type: "count",
    decimals: 0,
    async compute(db, q) {
      // A pivot's answer: the first one stamps first_response_at; later ones are messages not by the asker.
      const written = db
        .selectDistinct({ consultationId: consultationMessage.consultationId, authorPersonId: consultationMessage.authorPersonId })
        .from(consultationMessage)
        .where(and(eq(consultationMessage.partnershipId, q.partnershipId), inPeriod(consultationMessage.createdAt, q)))
        .as("written_in_period");
      const live = await db
        .select({ organizationId: organization.id, n: sql<number>`count(distinct ${consultation.id})` })
        .from(consultation)
        .leftJoin(organization, targetOrganization(q))
        .leftJoin(written, and(eq(written.consultationId, consultation.id), ne(written.authorPersonId, consultation.askerPersonId)))
        .where(and(eq(consultation.partnershipId, q.partnershipId), or(inPeriod(consultation.firstResponseAt, q), isNotNull(written.consultationId))))
        .groupBy(organization.id);
      return countTally([...live, ...(await purgedCounts(db, q, true))]);
    },
  },
  {
    ...base,
    code: "consultations_first_answer_median",
    type: "median_duration",
    better: "lower",
    decimals: 1,
    async compute(db, q) {
      // Whole minutes, as the purge keeps them, so live and purged observations agree.
      const live = await db
        .select({
          organizationId: organization.id,
          value: sql<number>`greatest(0, round(extract(epoch from (${consultation.firstResponseAt} - ${consultation.createdAt})) / 60))`,
        })
        .from(consultation)
        .leftJoin(organization, targetOrganization(q))
        .where(and(eq(consultation.partnershipId, q.partnershipId), inPeriod(consultation.createdAt, q), isNotNull(consultation.firstResponseAt)));
      const purged = await db
        .select({ organizationId: organization.id, value: consultationMetric.responseMinutes })
        .from(consultationMetric)
        .leftJoin(organization, and(eq(organization.partnershipId, q.partnershipId), eq(organization.id, consultationMetric.targetOrganizationId)))
        .where(and(purgedIn(q), isNotNull(consultationMetric.responseMinutes)));
      return {
        shape: "median",
        observations: [...live, ...purged].map((r) => ({ organizationId: r.organizationId, value: Number(r.value) })),
      };
    },
  },
];
