// A table as the disclosure rules see it: a list of figures and the sums that tie them.
import { gridTotals, type CountGrid } from "./protected.ts";

/** The table as figures (cells, then row totals, column totals, grand total) and the sums that tie them. */
export interface TableModel {
  values: number[];
  isTotal: boolean[];
  /**
   * false: a figure that is never published (the organizations behind linked tables when no
   * table lists them): a reader knows only that it is a whole number ≥ 0. Absent: all published.
   */
  published?: boolean[];
  /** Each equation: the figures listed sum to zero with these signs (+1 parts, −1 their total). */
  equations: { items: number[]; signs: number[] }[];
  rowTotal: number[] | null;
  colTotal: number[] | null;
  grandTotal: number | null;
}

export function tableModel(grid: CountGrid): TableModel {
  const nRows = grid.rows.length;
  const nCols = grid.cols.length;
  const totals = gridTotals(grid);
  const values: number[] = grid.cells.flat();
  const isTotal: boolean[] = values.map(() => false);
  const add = (v: number) => {
    values.push(v);
    isTotal.push(true);
    return values.length - 1;
  };
  const rowTotal = grid.rowTotals ? totals.rowTotals.map(add) : null;
  const colTotal = grid.colTotals ? totals.colTotals.map(add) : null;
  const grandTotal = rowTotal || colTotal ? add(totals.grandTotal) : null;
  const equations: TableModel["equations"] = [];
  const sum = (parts: number[], total: number) =>
    equations.push({
      items: [...parts, total],
      signs: [...parts.map(() => 1), -1],
    });
  const cell = (i: number, j: number) => i * nCols + j;
  const range = (n: number) => Array.from({ length: n }, (_, k) => k);
  if (rowTotal)
    range(nRows).forEach((i) =>
      sum(
        range(nCols).map((j) => cell(i, j)),
        rowTotal[i]!,
      ),
    );
  if (colTotal)
    range(nCols).forEach((j) =>
      sum(
        range(nRows).map((i) => cell(i, j)),
        colTotal[j]!,
      ),
    );
  if (grandTotal !== null) {
    if (rowTotal) sum(rowTotal, grandTotal);
    if (colTotal) sum(colTotal, grandTotal);
  }
  return { values, isTotal, equations, rowTotal, colTotal, grandTotal };
}

export const isPublished = (model: TableModel, i: number): boolean => model.published?.[i] !== false;

/**
 * How far a hidden figure can fall: to 1 if published (a zero is always shown, so a hidden
 * figure is at least 1), to 0 if never published.
 */
export const room = (model: TableModel, i: number): number => model.values[i]! - (isPublished(model, i) ? 1 : 0);

/**
 * Suppression costs: few and small cells first, a total only when no set of cells will do
 * (a total costs more than every cell together), the grand total last.
 */
export function suppressionCosts(model: TableModel): number[] {
  const cellCount = model.isTotal.filter((t) => !t).length;
  const largest = Math.max(1, ...model.values);
  return model.values.map((v, i) => {
    if (!model.isTotal[i]) return 1 + v / (largest + 1);
    return (i === model.grandTotal ? 4 : 2) * (2 * cellCount + 1);
  });
}
