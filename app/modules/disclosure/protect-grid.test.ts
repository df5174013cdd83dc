import { describe, expect, it } from "vitest";
import { auditGrid } from "./audit-grid.ts";
import { exactGrid, protectGrid, suppressed, value, type CountGrid, type Protected, type ProtectedGrid } from "./protect-grid.ts";
import { exposures, grid, smallShown, wrongFigures, zerosHidden } from "./test-support.ts";

const hidden = (p: Protected) => p.kind === "suppressed";

/** The checks every protected table must pass, whatever the data. */
async function expectSafe(table: CountGrid, published: ProtectedGrid, threshold: number) {
  expect(wrongFigures(table, published)).toEqual([]);
  expect(smallShown(table, published, threshold)).toEqual([]);
  expect(zerosHidden(table, published)).toBe(0);
  expect(await exposures(table, published, threshold)).toEqual([]);
}

describe("protectGrid", () => {
  it("1-D list with a total: hides the small count and the smallest count that would give it back", async () => {
    const table = grid([[3], [12], [20]], { colTotals: true });
    const published = await protectGrid(table, { threshold: 5 });
    expect(published.cells).toEqual([[suppressed("primary")], [suppressed("complementary")], [value(20)]]);
    expect(published.colTotals).toEqual([value(35)]);
    expect(published.grandTotal).toEqual(value(35));
    expect(published.suppressedCount).toBe(2);
    // 3 + 12 = 15 is published in effect: the 3 can be anything from 1 to 14.
    const [small] = await auditGrid(table, published);
    expect([small!.min, small!.max]).toEqual([1, 14]);
    await expectSafe(table, published, 5);
  });

  it("2-D with margins: complementary cells close a cycle, the margins stay published", async () => {
    const table = grid(
      [
        [2, 10, 12],
        [8, 3, 9],
        [15, 11, 20],
      ],
      { rowTotals: true, colTotals: true },
    );
    const published = await protectGrid(table, { threshold: 5 });
    expect(published.cells.flat().filter(hidden)).toHaveLength(4);
    expect(published.cells[0]![0]).toEqual(suppressed("primary"));
    expect(published.cells[1]![1]).toEqual(suppressed("primary"));
    expect([...published.rowTotals!, ...published.colTotals!, published.grandTotal!].every((t) => t.kind === "value")).toBe(true);
    await expectSafe(table, published, 5);
  });

  it("the bridge trap: two suppressed cells per row and column are not enough, protectGrid adds what is needed", async () => {
    // Two 2 × 2 blocks of small counts joined by one small count at (0, 2): every row and column
    // of the pattern holds at least two suppressed cells, yet the bridge is the difference
    // between the first two rows' totals and the first two columns' totals.
    const table = grid(
      [
        [2, 3, 1, 30, 25],
        [4, 1, 40, 35, 20],
        [30, 35, 2, 4, 22],
        [25, 40, 3, 1, 28],
        [21, 24, 26, 27, 29],
      ],
      { rowTotals: true, colTotals: true },
    );
    const primaryOnly: ProtectedGrid = {
      ...exactGrid(table),
      cells: table.cells.map((row) => row.map((v) => (v < 5 ? suppressed("primary") : value(v)))),
    };
    const bridge = (await auditGrid(table, primaryOnly)).find((f) => f.place.kind === "cell" && f.place.row === 0 && f.place.col === 2)!;
    expect(bridge.min).toBe(bridge.max);
    const published = await protectGrid(table, { threshold: 5 });
    expect(published.suppressedCount).toBeGreaterThan(9);
    await expectSafe(table, published, 5);
  });

  it("a total below the threshold is suppressed, and so is what would give it back", async () => {
    const table = grid(
      [
        [1, 2, 0],
        [9, 12, 7],
        [6, 8, 15],
      ],
      { rowTotals: true, colTotals: true },
    );
    const published = await protectGrid(table, { threshold: 5 });
    expect(published.rowTotals![0]).toEqual(suppressed("primary"));
    await expectSafe(table, published, 5);
    const list = grid([[1], [2], [0]], { colTotals: true });
    const small = await protectGrid(list, { threshold: 5 });
    expect(small.colTotals).toEqual([suppressed("primary")]);
    expect(small.grandTotal).toEqual(suppressed("primary"));
    expect(small.cells[2]).toEqual([value(0)]);
    await expectSafe(list, small, 5);
  });

  it("an all-zero table is shown as it is", async () => {
    const table = grid(
      [
        [0, 0],
        [0, 0],
      ],
      { rowTotals: true, colTotals: true },
    );
    expect(await protectGrid(table, { threshold: 5 })).toEqual(exactGrid(table));
  });

  it("threshold 1 suppresses nothing", async () => {
    const table = grid(
      [
        [1, 2],
        [3, 1],
      ],
      { rowTotals: true, colTotals: true },
    );
    expect(await protectGrid(table, { threshold: 1 })).toEqual(exactGrid(table));
  });

  it("threshold 10 hides every count 1 … 9 and keeps each of them at least 10 wide", async () => {
    const table = grid(
      [
        [9, 14, 3],
        [12, 6, 30],
        [11, 25, 18],
        [0, 10, 40],
      ],
      { rowTotals: true, colTotals: true },
    );
    const published = await protectGrid(table, { threshold: 10 });
    expect(published.cells[0]![0]).toEqual(suppressed("primary"));
    expect(published.cells[3]![0]).toEqual(value(0));
    await expectSafe(table, published, 10);
  });

  it("without totals only the small cells go: nothing to subtract them from", async () => {
    const table = grid([
      [3, 12],
      [0, 7],
    ]);
    const published = await protectGrid(table, { threshold: 5 });
    expect(published.cells).toEqual([
      [suppressed("primary"), value(12)],
      [value(0), value(7)],
    ]);
    expect(published.grandTotal).toBeNull();
  });

  it("gives the same marks every time", async () => {
    const table = grid(
      [
        [2, 10, 12, 7],
        [8, 3, 9, 6],
        [15, 11, 1, 20],
      ],
      { rowTotals: true, colTotals: true },
    );
    const first = await protectGrid(table, { threshold: 5 });
    expect(await protectGrid(table, { threshold: 5 })).toEqual(first);
  });

  it("handles empty tables and refuses counts that are not whole and non-negative", async () => {
    expect((await protectGrid(grid([], { rowTotals: true, colTotals: true }), { threshold: 5 })).grandTotal).toEqual(value(0));
    await expect(protectGrid(grid([[1.5]]), { threshold: 5 })).rejects.toThrow(RangeError);
    await expect(protectGrid(grid([[-1]]), { threshold: 5 })).rejects.toThrow(RangeError);
  });
});
