import { and, eq, gte, lte, sql } from "drizzle-orm";
import type { Database } from "../../db/client.server.ts";
import { organization } from "../../governance/tables.ts";
import { statisticsDataElement, statisticsSubmission, statisticsValue } from "../../statistics/tables.ts";
import { statisticsIndicatorCodes, TOTAL_KEY, type StatisticsIndicatorCode } from "../../statistics/vocabulary.ts";
import type { IndicatorDefinition, IndicatorQuery, Tallies } from "../figures.ts";
import { countByOrganization } from "./tally.ts";

/*
 * The aggregate statistics the organizations report per period (issue 13 §2): each indicator sums
 * the totals of the data elements bound to it, from APPROVED (locked) reports only, over the
 * reporting periods that lie wholly in the indicator's period. Counts reach readers only through
 * discloseIndicator, like every other indicator.
 */
async function approvedTotals(db: Database, code: StatisticsIndicatorCode, q: IndicatorQuery): Promise<Tallies> {
  const rows = await db
    .select({ organizationId: organization.id, n: sql<number>`coalesce(sum(${statisticsValue.value}), 0)` })
    .from(statisticsValue)
    .innerJoin(statisticsSubmission, eq(statisticsSubmission.id, statisticsValue.submissionId))
    .innerJoin(statisticsDataElement, eq(statisticsDataElement.id, statisticsValue.dataElementId))
    .leftJoin(organization, and(eq(organization.partnershipId, q.partnershipId), eq(organization.id, statisticsValue.organizationId)))
    .where(
      and(
        eq(statisticsValue.partnershipId, q.partnershipId),
        eq(statisticsSubmission.partnershipId, q.partnershipId),
        eq(statisticsSubmission.status, "approved"),
        eq(statisticsDataElement.indicatorCode, code),
        eq(statisticsValue.comboKey, TOTAL_KEY),
        gte(statisticsSubmission.periodFrom, q.period.from),
        lte(statisticsSubmission.periodTo, q.period.to),
      ),
    )
    .groupBy(organization.id);
  return { shape: "count", categories: null, byOrganization: countByOrganization(rows) };
}

export const statisticsIndicators: IndicatorDefinition[] = statisticsIndicatorCodes.map((code) => ({
  code,
  theme: "statistics",
  module: "statistics",
  type: "count",
  decimals: 0,
  disaggregations: ["organization", "organization_type", "territory"],
  compute: (db, q) => approvedTotals(db, code, q),
}));
