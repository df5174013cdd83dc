// Several grids of the same records that share their columns: one count by age band × type of
// organization, the same by gender × type, the same by period × type. Each grid's column totals
// (and grand total) are the same figures. Protected one by one, a column total hidden in one
// grid and shown in another would give it away; protected here as one model, each shared figure
// is hidden in every grid or in none. Server only (HiGHS, through protect-grid.ts).
import { protectModel } from "./protect-grid.ts";
import { gridTotals, normalizeThreshold, suppressed, value, type CountGrid, type Mark, type Protected, type ProtectedGrid } from "./protected.ts";
import type { TableModel } from "./table-model.ts";

/** The figures of each grid in one model: cells and row totals per grid, the column totals and grand total once. */
export function sharedColumnsModel(grids: readonly CountGrid[]): { model: TableModel; cellIndex: number[][][]; rowIndex: number[][]; colIndex: number[]; grandIndex: number } {
  if (!grids.length) throw new RangeError("sharedColumnsModel: no grid");
  const nCols = grids[0]!.cols.length;
  const first = gridTotals(grids[0]!);
  for (const grid of grids) {
    const ok =
      grid.cols.length === nCols &&
      grid.cells.length === grid.rows.length &&
      grid.cells.every((row) => row.length === nCols && row.every((v) => Number.isSafeInteger(v) && v >= 0));
    if (!ok) throw new RangeError("sharedColumnsModel: cells must be rows × cols non-negative integers, the same columns in every grid");
    if (gridTotals(grid).colTotals.some((t, j) => t !== first.colTotals[j])) throw new RangeError("sharedColumnsModel: the grids must have the same column totals");
  }
  const values: number[] = [];
  const isTotal: boolean[] = [];
  const add = (v: number, total: boolean) => {
    values.push(v);
    isTotal.push(total);
    return values.length - 1;
  };
  const cellIndex = grids.map((grid) => grid.cells.map((row) => row.map((v) => add(v, false))));
  const rowIndex = grids.map((grid) => gridTotals(grid).rowTotals.map((v) => add(v, true)));
  const colIndex = first.colTotals.map((v) => add(v, true));
  const grandIndex = add(first.grandTotal, true);
  const equations: TableModel["equations"] = [];
  const sum = (parts: number[], total: number) => equations.push({ items: [...parts, total], signs: [...parts.map(() => 1), -1] });
  grids.forEach((grid, g) => {
    grid.cells.forEach((row, i) => sum(row.map((_, j) => cellIndex[g]![i]![j]!), rowIndex[g]![i]!));
    colIndex.forEach((c, j) => sum(grid.cells.map((_, i) => cellIndex[g]![i]![j]!), c));
    sum(rowIndex[g]!, grandIndex);
  });
  sum(colIndex, grandIndex);
  return { model: { values, isTotal, equations, rowTotal: null, colTotal: null, grandTotal: grandIndex }, cellIndex, rowIndex, colIndex, grandIndex };
}

function results(grids: readonly CountGrid[], built: ReturnType<typeof sharedColumnsModel>, marks: readonly (Mark | null)[]): ProtectedGrid[] {
  const { model, cellIndex, rowIndex, colIndex, grandIndex } = built;
  const show = (i: number): Protected => (marks[i] ? suppressed(marks[i]) : value(model.values[i]!));
  return grids.map((_, g) => {
    const figures = [...cellIndex[g]!.flat(), ...rowIndex[g]!, ...colIndex, grandIndex];
    return {
      cells: cellIndex[g]!.map((row) => row.map(show)),
      rowTotals: rowIndex[g]!.map(show),
      colTotals: colIndex.map(show),
      grandTotal: show(grandIndex),
      suppressedCount: figures.filter((i) => marks[i]).length,
    };
  });
}

/**
 * Every grid with row and column totals, protected together (ADR 014's rules): the grids must
 * have the same columns and the same column totals (they count the same records).
 */
export async function protectGridsSharingColumns(grids: readonly CountGrid[], options: { threshold: number }): Promise<ProtectedGrid[]> {
  const built = sharedColumnsModel(grids);
  return results(grids, built, await protectModel(built.model, normalizeThreshold(options.threshold)));
}

/** The same grids with every figure exact (the Table coordinator in the app). */
export function exactGridsSharingColumns(grids: readonly CountGrid[]): ProtectedGrid[] {
  const built = sharedColumnsModel(grids);
  return results(grids, built, built.model.values.map(() => null));
}
