// Shared by the disclosure tests: checking a protected table the way a reader would attack it.
import { auditGrid, wrongFigures, type FigureInterval } from "./audit-grid.ts";
import type { CountGrid, ProtectedGrid } from "./protected.ts";

export function grid(cells: number[][], totals: { rowTotals?: boolean; colTotals?: boolean } = {}): CountGrid {
  return {
    rows: cells.map((_, i) => `r${i}`),
    cols: (cells[0] ?? []).map((_, j) => `c${j}`),
    cells,
    rowTotals: totals.rowTotals ?? false,
    colTotals: totals.colTotals ?? false,
  };
}

/** Every suppressed figure whose interval is narrower than its mark requires: threshold for primary, 1 for complementary. */
export async function exposures(table: CountGrid, published: ProtectedGrid, threshold: number): Promise<FigureInterval[]> {
  const intervals = await auditGrid(table, published);
  return intervals.filter((f) => f.max - f.min < (f.mark === "primary" ? threshold : 1));
}

/** Figures 1 … threshold−1 (cells and published totals) that are shown anyway. */
export function smallShown(table: CountGrid, published: ProtectedGrid, threshold: number): string[] {
  const small = (v: number) => v >= 1 && v < threshold;
  const out: string[] = [];
  table.cells.forEach((row, i) =>
    row.forEach((v, j) => {
      if (small(v) && published.cells[i]![j]!.kind === "value") out.push(`cell ${i},${j}`);
    }),
  );
  const totals = [...(published.rowTotals ?? []), ...(published.colTotals ?? []), ...(published.grandTotal ? [published.grandTotal] : [])];
  for (const t of totals) if (t.kind === "value" && small(t.value)) out.push(`total ${t.value}`);
  return out;
}

export function zerosHidden(table: CountGrid, published: ProtectedGrid): number {
  return table.cells.flat().filter((v, n) => v === 0 && published.cells.flat()[n]!.kind === "suppressed").length;
}

export { wrongFigures };
