/**
 * A table as it leaves Filet (CSV, XLSX): already translated, already suppressed.
 * A suppressed figure is published as one mark, whatever the reason (never tell primary from
 * complementary outside: that would reveal the small cells).
 */
export type ExportCell = string | number | null | { suppressed: true };

export interface ExportTable {
  title: string;
  /** percent: the cells are percentage points (45 means 45 %), as in the charts. */
  columns: { label: string; kind?: "text" | "number" | "percent" }[];
  rows: ExportCell[][];
  /** Already translated, e.g. the suppression footnote. */
  footnotes: string[];
  /** Written where a cell is { suppressed: true }, e.g. "x". */
  suppressedMark: string;
}

/** A cell as a plain value: the suppressed mark as text, a number only when it is a real one. */
export function plainCell(cell: ExportCell | undefined, mark: string): string | number | null {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === "object") return mark;
  if (typeof cell === "number") return Number.isFinite(cell) ? cell : null;
  return cell;
}
