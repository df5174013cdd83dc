// Linked tables: several published breakdowns of the same records (by organization, by type of
// organization, by territory, the whole Table). Protected one by one, each table is safe alone
// and unsafe together: an organization hidden in one table comes back as its type's figure minus
// the other organizations of that type shown in the first. Protected here as one model, so every
// breakdown shows one consistent pattern. Server only (HiGHS, through protect-grid.ts).
import { protectModel } from "./protect-grid.ts";
import { normalizeThreshold, suppressed, value, type Mark, type Protected } from "./protected.ts";
import type { TableModel } from "./table-model.ts";

export interface LinkedTables {
  /** The units behind every table (organizations, "not attributable"): unit × column counts, never published themselves. */
  units: number[][];
  /** How many columns (categories) each unit has; 1 for a plain count. */
  columns: number;
  /** Every group some table publishes, as the units it adds up (a group may repeat in several tables). */
  groups: readonly (readonly number[])[];
  /** Each group also publishes its total across the columns (tables with categories). */
  rowTotals: boolean;
}

export interface ProtectedLinked {
  /** A group's figure in one column, or across the columns (`"total"`); a group never declared is hidden. */
  figure(members: readonly number[], column: number | "total"): Protected;
  suppressedCount: number;
}

const TOTAL = "total";
const keyOf = (members: readonly number[], column: number | "total") => `${[...new Set(members)].sort((a, b) => a - b).join(",")}|${column}`;

/**
 * One model for every published figure: the units are unknowns ≥ 0, each figure is the sum of
 * its units (a figure published in two tables is one figure, so it is hidden in both or in neither).
 */
export function linkedModel(input: LinkedTables): { model: TableModel; index: Map<string, number> } {
  const values: number[] = [];
  const published: boolean[] = [];
  const isTotal: boolean[] = [];
  const unitCell = (u: number, c: number) => u * input.columns + c;
  input.units.forEach((row) => {
    if (row.length !== input.columns || !row.every((v) => Number.isSafeInteger(v) && v >= 0)) throw new RangeError("linkedModel: units must be whole numbers ≥ 0, one per column");
    for (const v of row) {
      values.push(v);
      published.push(false);
      isTotal.push(false);
    }
  });
  const equations: TableModel["equations"] = [];
  const index = new Map<string, number>();
  const columns = Array.from({ length: input.columns }, (_, c) => c);
  const addFigure = (members: readonly number[], column: number | "total") => {
    const key = keyOf(members, column);
    if (index.has(key)) return;
    const unique = [...new Set(members)];
    if (unique.some((u) => !Number.isInteger(u) || u < 0 || u >= input.units.length)) throw new RangeError("linkedModel: a group names a unit that does not exist");
    const cells = unique.flatMap((u) => (column === TOTAL ? columns.map((c) => unitCell(u, c)) : [unitCell(u, column)]));
    values.push(cells.reduce((sum, i) => sum + values[i]!, 0));
    published.push(true);
    // A figure over several units or columns is a total: the costs hide a single unit's figure first.
    isTotal.push(cells.length > 1);
    index.set(key, values.length - 1);
    equations.push({ items: [...cells, values.length - 1], signs: [...cells.map(() => 1), -1] });
  };
  for (const members of input.groups) {
    for (const c of columns) addFigure(members, c);
    if (input.rowTotals && input.columns > 1) addFigure(members, TOTAL);
  }
  // The whole Table's figure costs most to hide, as a grand total does in one table.
  const everyUnit = input.units.map((_, u) => u);
  const grandTotal = index.get(keyOf(everyUnit, input.rowTotals && input.columns > 1 ? TOTAL : 0)) ?? null;
  return { model: { values, isTotal, published, equations, rowTotal: null, colTotal: null, grandTotal }, index };
}

/** Protects every figure of the linked tables at once (primary and complementary marks, ADR 014). */
export async function protectLinked(input: LinkedTables, options: { threshold: number }): Promise<ProtectedLinked> {
  const { model, index } = linkedModel(input);
  const marks = await protectModel(model, normalizeThreshold(options.threshold));
  return linkedResult(model, index, marks, input.columns);
}

/** The same lookup with every figure exact (the Table coordinator in the app). */
export function exactLinked(input: LinkedTables): ProtectedLinked {
  const { model, index } = linkedModel(input);
  return linkedResult(model, index, model.values.map(() => null), input.columns);
}

function linkedResult(model: TableModel, index: Map<string, number>, marks: (Mark | null)[], columns: number): ProtectedLinked {
  return {
    figure(members, column) {
      // With one column, a group's total across the columns is that column's figure.
      const i = index.get(keyOf(members, column === TOTAL && columns === 1 ? 0 : column));
      // Asking for a figure no table declared would publish it unprotected: hidden instead.
      if (i === undefined) return suppressed("primary");
      const mark = marks[i];
      return mark ? suppressed(mark) : value(model.values[i]!);
    },
    suppressedCount: marks.filter((m) => m !== null).length,
  };
}
