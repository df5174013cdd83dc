// The statistics results (approved counts through the disclosure control): shapes and the period
// range, plain and browser-safe, so the results page's components may import them.
import type { Mark, Protected } from "../disclosure/protected.ts";
import { parsePeriod, periodContaining, periodsBetween, shiftPeriod, type Period } from "./periods.ts";
import type { PeriodType } from "./vocabulary.ts";

/**
 * A figure as the page shows it: protected (a value or suppressed), or, in the Table
 * coordinator's exact view, the exact value with the mark the protected view gives it.
 */
export type Figure = Protected | { kind: "value"; value: number; hiddenAs: Mark };

/** One published table: rows × organization types, with a total per row and per column. */
export interface ResultsTable {
  /** Header of the rows' column (a category's name, or "Period"). */
  rowHeader: string;
  rows: { key: string; label: string }[];
  /** The organization types (milieux), in the vocabulary's order. */
  cols: { key: string; label: string }[];
  cells: Figure[][];
  rowTotals: Figure[];
  /** null: a one-row table whose only row is the total (an element without categories). */
  colTotals: Figure[] | null;
  grandTotal: Figure;
  suppressedCount: number;
}

export interface ElementResults {
  id: string;
  code: string;
  name: string;
  /** The element's categories (0, 1 or 2); with two the reader chooses which gives the rows. */
  categories: { code: string; name: string }[];
  /** The category whose options are the rows (null: no category, the row is the total). */
  rowsBy: string | null;
  breakdown: ResultsTable;
  /** The element's total per period × organization type. */
  trend: ResultsTable;
}

export interface StatisticsResults {
  set: { id: string; name: string; periodType: PeriodType };
  /** Every period one may choose, oldest first (ended, within the data set's first and last). */
  choices: { key: string; label: string }[];
  from: string | null;
  to: string | null;
  /** The periods shown, oldest first. */
  periods: string[];
  exact: boolean;
  threshold: number;
  elements: ElementResults[];
}

/** The most periods one results page covers (the trend table has a row per period). */
export const MAX_RESULT_PERIODS = 40;
/** Periods shown when the reader has not chosen: the last four ended ones. */
export const DEFAULT_RESULT_PERIODS = 4;

/** The query parameter that chooses an element's rows ("rows-<element code>" = a category code). */
export const rowsParam = (elementCode: string) => `rows-${elementCode}`;

/** The periods a data set's results may show: from its first to its last (or the last ended one), oldest first. */
export function resultPeriods(set: { periodType: PeriodType; firstPeriod: string; lastPeriod: string | null }, today: string): Period[] {
  const first = parsePeriod(set.firstPeriod, set.periodType);
  if (!first) return [];
  const lastEnded = shiftPeriod(periodContaining(today, set.periodType), -1);
  const last = set.lastPeriod ? parsePeriod(set.lastPeriod, set.periodType) : null;
  const end = last && last.from < lastEnded.from ? last : lastEnded;
  if (end.from < first.from) return [];
  return periodsBetween(first, end, 10_000);
}

/**
 * The range shown: the chosen one when both ends are periods one may choose (in either order,
 * at most MAX_RESULT_PERIODS, counted back from its end), else the last DEFAULT_RESULT_PERIODS.
 */
export function resultRange(choices: readonly Period[], from: string | null, to: string | null): Period[] {
  const keys = choices.map((p) => p.key);
  let a = from ? keys.indexOf(from) : -1;
  let b = to ? keys.indexOf(to) : -1;
  if (a < 0 || b < 0) {
    b = choices.length - 1;
    a = Math.max(0, b - DEFAULT_RESULT_PERIODS + 1);
  }
  if (a > b) [a, b] = [b, a];
  a = Math.max(a, b - MAX_RESULT_PERIODS + 1);
  return choices.slice(a, b + 1);
}

/**
 * A figure as the results page sends it (its data rides in every page's HTML): a number, "x"
 * when suppressed, or in the coordinator's exact view [number, "p" | "c"] for a figure the
 * others see suppressed (primary or complementary).
 */
export type PageFigure = number | "x" | [number, "p" | "c"];

export interface PageTable {
  rowHeader: string;
  /** The rows' labels. */
  rows: string[];
  cells: PageFigure[][];
  rowTotals: PageFigure[];
  colTotals: PageFigure[] | null;
  grandTotal: PageFigure;
  suppressedCount: number;
}

export const pageFigure = (f: Figure): PageFigure => (f.kind === "suppressed" ? "x" : "hiddenAs" in f ? [f.value, f.hiddenAs === "primary" ? "p" : "c"] : f.value);

/** A table in the page's compact form (the columns are the same for every table: sent once). */
export function pageTable(t: ResultsTable): PageTable {
  return {
    rowHeader: t.rowHeader,
    rows: t.rows.map((r) => r.label),
    cells: t.cells.map((row) => row.map(pageFigure)),
    rowTotals: t.rowTotals.map(pageFigure),
    colTotals: t.colTotals?.map(pageFigure) ?? null,
    grandTotal: pageFigure(t.grandTotal),
    suppressedCount: t.suppressedCount,
  };
}
