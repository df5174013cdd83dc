import { describe, expect, it } from "vitest";
import { seededRandom } from "../../../tests/support/seeded-random.ts";
import { solveLinear } from "./highs.server.ts";
import { exactGridsSharingColumns, protectGridsSharingColumns, sharedColumnsModel } from "./shared-columns.ts";
import { gridTotals, type CountGrid, type Protected, type ProtectedGrid } from "./protected.ts";
import { smallShown, wrongFigures } from "./test-support.ts";

const grid = (cells: number[][]): CountGrid => ({ rows: cells.map((_, i) => `r${i}`), cols: cells[0]!.map((_, j) => `c${j}`), cells, rowTotals: true, colTotals: true });

/**
 * The attacker's view of every grid at once (written apart from the protection): the published
 * figures of all the grids, every sum of every grid, hidden figures ≥ 1. For each hidden figure,
 * its least and greatest value by LP.
 */
async function jointIntervals(grids: CountGrid[], published: ProtectedGrid[]) {
  const { model, cellIndex, rowIndex, colIndex, grandIndex } = sharedColumnsModel(grids);
  const shown = new Map<number, Protected>();
  const put = (i: number, p: Protected) => {
    const before = shown.get(i);
    // A figure the grids share is shown the same way in each.
    if (before) expect(before).toEqual(p);
    shown.set(i, p);
  };
  published.forEach((p, g) => {
    p.cells.forEach((row, i) => row.forEach((f, j) => put(cellIndex[g]![i]![j]!, f)));
    p.rowTotals!.forEach((f, i) => put(rowIndex[g]![i]!, f));
    p.colTotals!.forEach((f, j) => put(colIndex[j]!, f));
    put(grandIndex, p.grandTotal!);
  });
  const hidden = [...shown.entries()].filter(([, p]) => p.kind === "suppressed").map(([i]) => i);
  const column = new Map(hidden.map((i, k) => [i, k]));
  const rows = model.equations.map((eq) => {
    let known = 0;
    const indices: number[] = [];
    const values: number[] = [];
    eq.items.forEach((item, k) => {
      const p = shown.get(item)!;
      if (p.kind === "value") known += eq.signs[k]! * p.value;
      else {
        indices.push(column.get(item)!);
        values.push(eq.signs[k]!);
      }
    });
    return { indices, values, lower: -known, upper: -known };
  });
  const out: { truth: number; mark: string; width: number }[] = [];
  for (const [k, i] of hidden.entries()) {
    const lp = { cost: hidden.map((_, j) => (j === k ? 1 : 0)), colLower: hidden.map(() => 1), colUpper: hidden.map(() => Infinity), rows: rows.filter((r) => r.indices.length) };
    const low = await solveLinear(lp);
    const high = await solveLinear({ ...lp, maximize: true });
    expect(low.status).toBe("optimal");
    const p = shown.get(i)!;
    out.push({ truth: model.values[i]!, mark: p.kind === "suppressed" ? p.mark : "", width: high.status === "unbounded" ? Infinity : Math.round(high.objective) - Math.round(low.objective) });
  }
  return out;
}

/** Grids of the same records: split each column's total into rows in several ways. */
function splits(random: () => number, cols: number, rowCounts: number[]): CountGrid[] {
  const totals = Array.from({ length: cols }, () => Math.floor(random() * 25));
  return rowCounts.map((n) =>
    grid(
      Array.from({ length: n }, (_, i) => i).reduce<number[][]>((acc, i) => {
        const row = totals.map((t, j) => {
          const used = acc.reduce((s, r) => s + r[j]!, 0);
          return i === n - 1 ? t - used : Math.floor(random() * (t - used + 1) * (random() < 0.5 ? 0.3 : 0.8));
        });
        return [...acc, row];
      }, []),
    ),
  );
}

describe("protectGridsSharingColumns", () => {
  it("hides a column total in every grid or in none, and no hidden figure can be narrowed across the grids", async () => {
    const grids = [grid([[3, 20], [12, 40]]), grid([[15, 59], [0, 1]])];
    const published = await protectGridsSharingColumns(grids, { threshold: 5 });
    for (const [g, p] of published.entries()) {
      expect(wrongFigures(grids[g]!, p)).toEqual([]);
      expect(smallShown(grids[g]!, p, 5)).toEqual([]);
    }
    expect(published[0]!.colTotals).toEqual(published[1]!.colTotals);
    for (const f of await jointIntervals(grids, published)) expect(f.width).toBeGreaterThanOrEqual(f.mark === "primary" ? 5 : 1);
  });

  it("holds on random grids (seeded): exact where shown, small ones hidden, every interval wide enough", async () => {
    const random = seededRandom(13);
    for (let n = 0; n < 25; n++) {
      const cols = 1 + Math.floor(random() * 4);
      const grids = splits(random, cols, [1 + Math.floor(random() * 4), 1 + Math.floor(random() * 4), 2 + Math.floor(random() * 3)]);
      for (const g of grids) expect(gridTotals(g).colTotals).toEqual(gridTotals(grids[0]!).colTotals);
      const threshold = n % 2 ? 3 : 5;
      const published = await protectGridsSharingColumns(grids, { threshold });
      for (const [g, p] of published.entries()) {
        expect(wrongFigures(grids[g]!, p)).toEqual([]);
        expect(smallShown(grids[g]!, p, threshold)).toEqual([]);
        expect(p.cells.flat().filter((f, k) => f.kind === "suppressed" && grids[g]!.cells.flat()[k] === 0)).toEqual([]);
      }
      for (const f of await jointIntervals(grids, published)) expect(f.width, JSON.stringify(grids)).toBeGreaterThanOrEqual(f.mark === "primary" ? threshold : 1);
    }
  }, 60_000);

  it("refuses grids that do not count the same records, and gives exact figures in the same shape", () => {
    expect(() => sharedColumnsModel([grid([[1, 2]]), grid([[1, 3]])])).toThrow(RangeError);
    const exact = exactGridsSharingColumns([grid([[1, 2]]), grid([[1, 0], [0, 2]])]);
    expect(exact[1]!.rowTotals).toEqual([{ kind: "value", value: 1 }, { kind: "value", value: 2 }]);
    expect(exact[0]!.suppressedCount).toBe(0);
  });
});
