import type { Database } from "../db/client.server.ts";
import { protectGrid } from "../disclosure/protect-grid.ts";
import { pivotActivityTypes } from "../pivot-activities/activity-types.ts";
import type { PivotActivityType } from "../pivot-activities/activity-schema.ts";
import type { ActivityCountRow } from "../pivot-activities/list-pivot-activities.server.ts";
import { readEvaluationSettings } from "./read-evaluation-settings.server.ts";

/** An activity count row as an evaluator sees it: null where a figure is suppressed. */
export interface ProtectedActivityRow extends Omit<ActivityCountRow, "counts" | "total" | "minutes"> {
  counts: Record<PivotActivityType, number | null>;
  total: number | null;
  minutes: number | null;
}

/**
 * The activities page's counts (organization × type, with each organization's total) through
 * the same disclosure control as the indicators: counts under the Table's threshold, and the
 * cells that would give them back by subtraction, are suppressed. Hours follow their row's total.
 */
export async function protectActivityCounts(db: Database, partnershipId: string, rows: readonly ActivityCountRow[]): Promise<{ rows: ProtectedActivityRow[]; threshold: number }> {
  const { suppressionThreshold: threshold } = await readEvaluationSettings(db, partnershipId);
  if (!rows.length) return { rows: [], threshold };
  const grid = await protectGrid(
    { rows: rows.map((r) => r.organizationId), cols: [...pivotActivityTypes], cells: rows.map((r) => pivotActivityTypes.map((t) => r.counts[t] ?? 0)), rowTotals: true, colTotals: false },
    { threshold },
  );
  return {
    threshold,
    rows: rows.map((r, i) => {
      const cells = grid.cells[i] ?? [];
      const total = grid.rowTotals?.[i];
      const shown = total?.kind === "value" ? total.value : null;
      return {
        ...r,
        counts: Object.fromEntries(pivotActivityTypes.map((t, j) => [t, cells[j]?.kind === "value" ? cells[j].value : null])) as Record<PivotActivityType, number | null>,
        total: shown,
        minutes: shown === null ? null : r.minutes,
      };
    }),
  };
}
