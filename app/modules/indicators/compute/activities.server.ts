import { and, count, eq, gte, lte, sum } from "drizzle-orm";
import { pivotActivity } from "../../pivot-activities/tables.ts";
import { pivotActivityTypes } from "../../pivot-activities/activity-types.ts";
import type { IndicatorDefinition, IndicatorQuery } from "../figures.ts";

const inPeriod = (q: IndicatorQuery) =>
  and(eq(pivotActivity.partnershipId, q.partnershipId), gte(pivotActivity.occurredOn, q.period.from), lte(pivotActivity.occurredOn, q.period.to));

export const activityIndicators: IndicatorDefinition[] = [
  {
    code: "pivot_activities",
    theme: "pivots",
    type: "count",
    decimals: 0,
    module: "pivot-activities",
    disaggregations: ["organization", "organization_type", "territory"],
    categoryLabels: "activities.type",
    async compute(db, q) {
      const rows = await db
        .select({ organizationId: pivotActivity.organizationId, type: pivotActivity.type, n: count() })
        .from(pivotActivity)
        .where(inPeriod(q))
        .groupBy(pivotActivity.organizationId, pivotActivity.type);
      const byOrganization = new Map<string | null, number[]>();
      for (const r of rows) {
        const counts = byOrganization.get(r.organizationId) ?? pivotActivityTypes.map(() => 0);
        const i = pivotActivityTypes.indexOf(r.type);
        if (i >= 0) counts[i] = (counts[i] ?? 0) + Number(r.n);
        byOrganization.set(r.organizationId, counts);
      }
      return { shape: "count", categories: pivotActivityTypes, byOrganization };
    },
  },
  {
    code: "pivot_activity_hours",
    theme: "pivots",
    type: "count",
    decimals: 0,
    module: "pivot-activities",
    disaggregations: ["organization", "organization_type", "territory"],
    async compute(db, q) {
      const rows = await db
        .select({ organizationId: pivotActivity.organizationId, minutes: sum(pivotActivity.durationMinutes) })
        .from(pivotActivity)
        .where(inPeriod(q))
        .groupBy(pivotActivity.organizationId);
      // Whole hours: a count like the others, so small totals are protected the same way.
      return { shape: "count", categories: null, byOrganization: new Map(rows.map((r) => [r.organizationId, [Math.round(Number(r.minutes ?? 0) / 60)]])) };
    },
  },
];
