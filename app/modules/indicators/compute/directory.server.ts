import { and, count, eq, gte, isNull, lte, or, sql } from "drizzle-orm";
import { auditEvent } from "../../audit/tables.ts";
import { pivotDesignation } from "../../directory/tables.ts";
import { organization } from "../../governance/tables.ts";
import { addDays, startOfQuebecDay } from "../../time/days.ts";
import type { IndicatorDefinition, IndicatorQuery } from "../figures.ts";
import { countByOrganization, ratioByOrganization } from "./tally.ts";

/** Designations in force at some point of the period (since ≤ end, no end or ended after the start). */
const activeDuring = (q: IndicatorQuery) =>
  and(eq(pivotDesignation.partnershipId, q.partnershipId), lte(pivotDesignation.since, q.period.to), or(isNull(pivotDesignation.until), gte(pivotDesignation.until, q.period.from)));

/** Organizations that were partners during the period (joined before its end, not left before its start). */
const partnerDuring = (q: IndicatorQuery) =>
  and(
    eq(organization.partnershipId, q.partnershipId),
    or(isNull(organization.joinedOn), lte(organization.joinedOn, q.period.to)),
    or(isNull(organization.leftOn), gte(organization.leftOn, q.period.from)),
  );

export const directoryIndicators: IndicatorDefinition[] = [
  {
    code: "pivots_designated",
    theme: "pivots",
    type: "count",
    decimals: 0,
    module: "directory",
    disaggregations: ["organization", "organization_type", "territory"],
    async compute(db, q) {
      const rows = await db
        .select({ organizationId: pivotDesignation.organizationId, n: sql<number>`count(distinct ${pivotDesignation.personId})` })
        .from(pivotDesignation)
        .where(activeDuring(q))
        .groupBy(pivotDesignation.organizationId);
      return { shape: "count", categories: null, byOrganization: countByOrganization(rows) };
    },
  },
  {
    code: "pivot_coverage",
    theme: "pivots",
    type: "percent",
    decimals: 1,
    module: "directory",
    disaggregations: ["organization_type", "territory", "language"],
    async compute(db, q) {
      const withPivot = db
        .selectDistinct({ organizationId: pivotDesignation.organizationId })
        .from(pivotDesignation)
        .where(activeDuring(q))
        .as("with_pivot");
      const rows = await db
        .select({
          organizationId: organization.id,
          numerator: sql<number>`case when ${withPivot.organizationId} is null then 0 else 1 end`,
          denominator: sql<number>`1`,
        })
        .from(organization)
        .leftJoin(withPivot, eq(withPivot.organizationId, organization.id))
        .where(partnerDuring(q));
      return { shape: "ratio", byOrganization: ratioByOrganization(rows) };
    },
  },
  {
    code: "directory_freshness",
    theme: "pivots",
    type: "percent",
    decimals: 1,
    module: "directory",
    disaggregations: ["organization", "organization_type", "territory"],
    async compute(db, q) {
      // Only the last confirmation is kept on the entry; earlier ones are in the audit log.
      const start = startOfQuebecDay(q.period.from);
      const end = startOfQuebecDay(addDays(q.period.to, 1));
      const confirmedInPeriod = sql<number>`case when (${pivotDesignation.confirmedAt} >= ${start.toISOString()} and ${pivotDesignation.confirmedAt} < ${end.toISOString()})
        or exists (select 1 from ${auditEvent} where ${auditEvent.partnershipId} = ${q.partnershipId}
          and ${auditEvent.action} = 'pivot.entry_confirmed' and ${auditEvent.targetId} = ${pivotDesignation.id}::text
          and ${auditEvent.occurredAt} >= ${start.toISOString()} and ${auditEvent.occurredAt} < ${end.toISOString()}) then 1 else 0 end`;
      const rows = await db
        .select({ organizationId: pivotDesignation.organizationId, numerator: sql<number>`sum(${confirmedInPeriod})`, denominator: count() })
        .from(pivotDesignation)
        .where(and(activeDuring(q), lte(pivotDesignation.since, q.period.to), or(isNull(pivotDesignation.until), gte(pivotDesignation.until, q.period.to))))
        .groupBy(pivotDesignation.organizationId);
      return { shape: "ratio", byOrganization: ratioByOrganization(rows) };
    },
  },
];
