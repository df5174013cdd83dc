// An attacker's view of a published table, written apart from protect-grid.ts so that one
// does not check itself: from the published figures, the sums a table implies and the fact
// that a suppressed figure is a whole number ≥ 1 (zeros are always shown), how far can each
// suppressed figure be pinned down? The sums form a network matrix (totally unimodular), so
// the LP bounds are whole numbers reached by whole-number tables: they are the exact answer.
import { solveLinear } from "./highs.server.ts";
import type { CountGrid, Mark, Protected, ProtectedGrid } from "./protected.ts";

export type FigurePlace =
  | { kind: "cell"; row: number; col: number }
  | { kind: "rowTotal"; row: number }
  | { kind: "colTotal"; col: number }
  | { kind: "grandTotal" };

export interface FigureInterval {
  place: FigurePlace;
  mark: Mark;
  truth: number;
  /** Least and greatest value consistent with what is published (max is Infinity when nothing bounds it). */
  min: number;
  max: number;
}

interface Slot {
  place: FigurePlace;
  shown: Protected;
  truth: number;
}

function slots(grid: CountGrid, published: ProtectedGrid) {
  const cell = (r: number, c: number): Slot => ({
    place: { kind: "cell", row: r, col: c },
    shown: published.cells[r]![c]!,
    truth: grid.cells[r]![c]!,
  });
  const rowSum = (r: number) => grid.cells[r]!.reduce((a, b) => a + b, 0);
  const colSum = (c: number) => grid.cells.reduce((a, row) => a + row[c]!, 0);
  const grand = grid.cells.flat().reduce((a, b) => a + b, 0);
  const rowTotals = published.rowTotals?.map((shown, r): Slot => ({
    place: { kind: "rowTotal", row: r },
    shown,
    truth: rowSum(r),
  }));
  const colTotals = published.colTotals?.map((shown, c): Slot => ({
    place: { kind: "colTotal", col: c },
    shown,
    truth: colSum(c),
  }));
  const grandTotal: Slot | undefined = published.grandTotal
    ? {
        place: { kind: "grandTotal" },
        shown: published.grandTotal,
        truth: grand,
      }
    : undefined;
  const cells = grid.cells.map((row, r) => row.map((_, c) => cell(r, c)));
  // Every relation a reader can write down: a list of parts and the figure they add up to.
  const sums: { parts: Slot[]; whole: Slot }[] = [];
  rowTotals?.forEach((whole, r) => sums.push({ parts: cells[r]!, whole }));
  colTotals?.forEach((whole, c) => sums.push({ parts: cells.map((row) => row[c]!), whole }));
  if (grandTotal && rowTotals) sums.push({ parts: rowTotals, whole: grandTotal });
  if (grandTotal && colTotals) sums.push({ parts: colTotals, whole: grandTotal });
  const all = [...cells.flat(), ...(rowTotals ?? []), ...(colTotals ?? []), ...(grandTotal ? [grandTotal] : [])];
  return { all, sums };
}

/** Published figures that differ from the truth (should be none). */
export function wrongFigures(grid: CountGrid, published: ProtectedGrid): FigurePlace[] {
  return slots(grid, published)
    .all.filter((s) => s.shown.kind === "value" && s.shown.value !== s.truth)
    .map((s) => s.place);
}

/** For each suppressed figure, the interval a reader can pin it to (exact, by LP). */
export async function auditGrid(
  grid: CountGrid,
  published: ProtectedGrid,
  options: { suppressedAtLeast?: number } = {},
): Promise<FigureInterval[]> {
  const atLeast = options.suppressedAtLeast ?? 1;
  const { all, sums } = slots(grid, published);
  const unknown = all.filter((s) => s.shown.kind === "suppressed");
  const index = new Map(unknown.map((s, i) => [s, i]));
  const rows = sums.map(({ parts, whole }) => {
    const terms = [...parts.map((p) => [p, 1] as const), [whole, -1] as const];
    const known = terms
      .filter(([s]) => !index.has(s))
      .reduce((acc, [s, sign]) => acc + sign * (s.shown.kind === "value" ? s.shown.value : 0), 0);
    const open = terms.filter(([s]) => index.has(s));
    return {
      indices: open.map(([s]) => index.get(s)!),
      values: open.map(([, sign]) => sign),
      lower: -known,
      upper: -known,
    };
  });
  const usable = rows.filter((r) => r.indices.length > 0);
  const result: FigureInterval[] = [];
  for (const [i, s] of unknown.entries()) {
    const model = {
      cost: unknown.map((_, j) => (j === i ? 1 : 0)),
      colLower: unknown.map(() => atLeast),
      colUpper: unknown.map(() => Infinity),
      rows: usable,
    };
    const low = await solveLinear(model);
    const high = await solveLinear({ ...model, maximize: true });
    if (low.status !== "optimal" && low.status !== "unbounded") throw new Error(`audit: published table is inconsistent (${low.status})`);
    result.push({
      place: s.place,
      mark: s.shown.kind === "suppressed" ? s.shown.mark : "primary",
      truth: s.truth,
      min: Math.round(low.objective),
      max: high.status === "unbounded" ? Infinity : Math.round(high.objective),
    });
  }
  return result;
}

/**
 * The same question answered by enumeration, for tiny tables in tests: every whole-number
 * filling of the suppressed cells in 1 … cap, keeping those consistent with every published
 * figure. Intervals are exact when the true ones lie below cap.
 */
export function bruteForceIntervals(grid: CountGrid, published: ProtectedGrid, cap: number): Map<string, { min: number; max: number }> {
  const { all, sums } = slots(grid, published);
  const hiddenCells = all.filter((s) => s.shown.kind === "suppressed" && s.place.kind === "cell");
  const hidden = all.filter((s) => s.shown.kind === "suppressed");
  const key = (p: FigurePlace) => JSON.stringify(p);
  const found = new Map<string, { min: number; max: number }>();
  const guess = new Map<Slot, number>();
  const valueOf = (s: Slot): number | undefined => (s.shown.kind === "value" ? s.shown.value : guess.get(s));
  // A hidden total is the sum of its parts; the relations come rows and columns first, then the
  // grand total, so one pass derives every hidden total before checking every relation.
  const derive = (): boolean => {
    for (const { parts, whole } of sums) {
      if (whole.shown.kind === "value" || guess.has(whole)) continue;
      if (parts.every((p) => valueOf(p) !== undefined))
        guess.set(
          whole,
          parts.reduce((a, p) => a + valueOf(p)!, 0),
        );
    }
    for (const s of hidden) if ((valueOf(s) ?? 0) < 1) return false;
    return sums.every(({ parts, whole }) => parts.reduce((a, p) => a + valueOf(p)!, 0) === valueOf(whole));
  };
  const visit = (n: number) => {
    if (n === hiddenCells.length) {
      for (const s of hidden) if (s.shown.kind === "suppressed" && s.place.kind !== "cell") guess.delete(s);
      if (!derive()) return;
      for (const s of hidden) {
        const v = valueOf(s)!;
        const seen = found.get(key(s.place));
        found.set(key(s.place), seen ? { min: Math.min(seen.min, v), max: Math.max(seen.max, v) } : { min: v, max: v });
      }
      return;
    }
    for (let v = 1; v <= cap; v++) {
      guess.set(hiddenCells[n]!, v);
      visit(n + 1);
    }
    guess.delete(hiddenCells[n]!);
  };
  visit(0);
  return found;
}
