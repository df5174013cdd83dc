import type { Database } from "../db/client.server.ts";
import { protectCount, protectGrid, type Protected } from "../disclosure/protect-grid.ts";
import type { CountRow, TrainingStats } from "../training-evaluation/training-stats.server.ts";
import { readEvaluationSettings } from "./read-evaluation-settings.server.ts";

/** A count as an evaluator may see it: null where it is suppressed. */
type Shown = number | null;
export type ProtectedCountRow<R extends CountRow> = Omit<R, "sessions" | "people"> & { sessions: Shown; people: Shown };
export interface ProtectedTrainingStats {
  sessionsGiven: Shown;
  peopleTrained: Shown;
  byYear: ProtectedCountRow<CountRow>[];
  byOrganization: ProtectedCountRow<TrainingStats["byOrganization"][number]>[];
  byMilieu: ProtectedCountRow<CountRow>[];
  threshold: number;
}

const shown = (p: Protected | undefined): Shown => (p?.kind === "value" ? p.value : null);

/**
 * The training counts at a glance through the same disclosure control as the indicators (issue
 * 12 §2): each breakdown is protected as a table whose columns add up to a published total, so
 * no suppressed count comes back by subtraction; the two headline totals are counts of their own.
 */
export async function protectTrainingStats(db: Database, partnershipId: string, stats: TrainingStats): Promise<ProtectedTrainingStats> {
  const { suppressionThreshold: threshold } = await readEvaluationSettings(db, partnershipId);
  const table = async <R extends CountRow>(rows: R[]): Promise<ProtectedCountRow<R>[]> => {
    if (!rows.length) return [];
    const grid = await protectGrid({ rows: rows.map((r) => r.key), cols: ["sessions", "people"], cells: rows.map((r) => [r.sessions, r.people]), rowTotals: false, colTotals: true }, { threshold });
    return rows.map((r, i) => ({ ...r, sessions: shown(grid.cells[i]?.[0]), people: shown(grid.cells[i]?.[1]) }));
  };
  return {
    sessionsGiven: shown(protectCount(stats.sessionsGiven, threshold)),
    peopleTrained: shown(protectCount(stats.peopleTrained, threshold)),
    byYear: await table(stats.byYear),
    byOrganization: await table(stats.byOrganization),
    byMilieu: await table(stats.byMilieu),
    threshold,
  };
}
