// The shapes every figure takes on its way out, and the rules that need no solver. Plain and
// browser-safe: components import from here; `protect-grid.ts` (server only, HiGHS) re-exports it.

export type Mark = "primary" | "complementary";
/** A figure as it may be shown: a value, or suppressed with why. */
export type Protected = { kind: "value"; value: number } | { kind: "suppressed"; mark: Mark };

export interface CountGrid {
  /** Row keys (e.g. organization ids). */
  rows: string[];
  /** Column keys (e.g. activity types); a 1-D list is one column (or one row). */
  cols: string[];
  /** Exact non-negative integer counts, rows × cols. */
  cells: number[][];
  /** The table publishes a total per row. */
  rowTotals: boolean;
  /** The table publishes a total per column. With either kind of total the grand total is published too. */
  colTotals: boolean;
}

export interface ProtectedGrid {
  cells: Protected[][];
  rowTotals: Protected[] | null;
  colTotals: Protected[] | null;
  grandTotal: Protected | null;
  /** How many figures are suppressed (cells and totals), for the footnote. */
  suppressedCount: number;
}

export const DEFAULT_THRESHOLD = 5;

/** A Table's threshold as the rules use it: a whole number ≥ 1 (1 suppresses nothing). */
export function normalizeThreshold(threshold: number): number {
  return Number.isFinite(threshold) ? Math.max(1, Math.floor(threshold)) : DEFAULT_THRESHOLD;
}

export const value = (v: number): Protected => ({ kind: "value", value: v });
export const suppressed = (mark: Mark): Protected => ({
  kind: "suppressed",
  mark,
});

/** Whether a count must be hidden for itself (1 ≤ count < threshold). Zero is shown. */
export function isSmall(count: number, threshold: number): boolean {
  return count >= 1 && count < normalizeThreshold(threshold);
}

/** A single published count with nothing to subtract it from. */
export function protectCount(count: number, threshold: number): Protected {
  return isSmall(count, threshold) ? suppressed("primary") : value(count);
}

/**
 * A rate (percent, per 100, mean…) from a numerator and denominator: suppressed when either is
 * suppressed or the denominator is below the threshold (so a zero denominator never divides).
 */
export function protectRate(
  numerator: Protected,
  denominator: Protected,
  compute: (n: number, d: number) => number,
  threshold: number,
): Protected {
  if (denominator.kind === "suppressed") return suppressed(denominator.mark);
  if (numerator.kind === "suppressed") return suppressed(numerator.mark);
  if (denominator.value < normalizeThreshold(threshold)) return suppressed("primary");
  const rate = compute(numerator.value, denominator.value);
  return Number.isFinite(rate) ? value(rate) : suppressed("primary");
}

/**
 * A median or other statistic over n observations: suppressed when n < threshold. With no
 * observation (n = 0, value null) there is nothing to show either; the caller words that case.
 */
export function protectStatistic(statistic: number | null, observations: number, threshold: number): Protected {
  if (statistic === null || !Number.isFinite(statistic) || observations < normalizeThreshold(threshold)) return suppressed("primary");
  return value(statistic);
}

export function gridTotals(grid: CountGrid): {
  rowTotals: number[];
  colTotals: number[];
  grandTotal: number;
} {
  const rowTotals = grid.cells.map((row) => row.reduce((a, b) => a + b, 0));
  const colTotals = grid.cols.map((_, j) => grid.cells.reduce((a, row) => a + (row[j] ?? 0), 0));
  return {
    rowTotals,
    colTotals,
    grandTotal: rowTotals.reduce((a, b) => a + b, 0),
  };
}

/** Exact figures (the Table coordinator in the app): the same shape with every figure a value, so pages render one way. */
export function exactGrid(grid: CountGrid): ProtectedGrid {
  const totals = gridTotals(grid);
  const anyTotals = grid.rowTotals || grid.colTotals;
  return {
    cells: grid.cells.map((row) => row.map(value)),
    rowTotals: grid.rowTotals ? totals.rowTotals.map(value) : null,
    colTotals: grid.colTotals ? totals.colTotals.map(value) : null,
    grandTotal: anyTotals ? value(totals.grandTotal) : null,
    suppressedCount: 0,
  };
}
