// Small-cell suppression for one table: primary marks on every count 1 … threshold−1, then
// complementary marks until no suppressed figure can be recomputed from what is published.
// Server only (HiGHS); the shapes and the solver-free rules live in `protected.ts`.
// The method and its proof are in docs/decisions/014-disclosure-control.md.
import { LinearSession, solveLinear, type LinearModel } from "./highs.server.ts";
import {
  gridTotals,
  normalizeThreshold,
  suppressed,
  value,
  type CountGrid,
  type Mark,
  type Protected,
  type ProtectedGrid,
} from "./protected.ts";

export * from "./protected.ts";

/** The table as figures (cells, then row totals, column totals, grand total) and the sums that tie them. */
export interface TableModel {
  values: number[];
  isTotal: boolean[];
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

function checkGrid(grid: CountGrid): void {
  const ok =
    grid.cells.length === grid.rows.length &&
    grid.cells.every((row) => row.length === grid.cols.length && row.every((v) => Number.isSafeInteger(v) && v >= 0));
  if (!ok) throw new RangeError("protectGrid: cells must be rows × cols non-negative integers");
}

const TOLERANCE = 1e-6;
/**
 * Tables up to this many figures (3 × 3 with margins, a list of 14) get the cheapest complement
 * first: the MILP stays in milliseconds there but can take a second at 6 × 5, where the flow
 * heuristic hid as many figures over a trial of 150 random tables.
 */
const EXACT_UP_TO = 16;

/**
 * Width of the interval a reader can pin a figure to, given the pattern: every published figure
 * fixed, every suppressed one at least 1 (zeros are never suppressed, so readers know that).
 * One open LP per pattern, re-solved from its last basis for each figure.
 */
class Intervals {
  private session: LinearSession | null = null;
  private column = new Map<number, number>();
  private pattern = "";
  private lastCost = -1;

  constructor(private readonly model: TableModel) {}

  async width(hidden: boolean[], k: number): Promise<number> {
    const pattern = hidden.map((h) => (h ? "1" : "0")).join("");
    if (pattern !== this.pattern) await this.open(hidden, pattern);
    const session = this.session!;
    const c = this.column.get(k)!;
    if (this.lastCost >= 0) session.setCost(this.lastCost, 0);
    this.lastCost = c;
    session.setCost(c, -1);
    const high = session.solve();
    if (high.status === "unbounded") return Infinity;
    session.setCost(c, 1);
    const low = session.solve();
    if (high.status !== "optimal" || low.status !== "optimal") return 0;
    return -high.objective - low.objective;
  }

  private async open(hidden: boolean[], pattern: string): Promise<void> {
    this.dispose();
    const vars = this.model.values.map((_, i) => i).filter((i) => hidden[i]);
    this.column = new Map(vars.map((item, c) => [item, c]));
    const rows: LinearModel["rows"] = [];
    for (const eq of this.model.equations) {
      const indices: number[] = [];
      const coefs: number[] = [];
      let rhs = 0;
      eq.items.forEach((item, p) => {
        const c = this.column.get(item);
        if (c === undefined) rhs -= eq.signs[p]! * this.model.values[item]!;
        else {
          indices.push(c);
          coefs.push(eq.signs[p]!);
        }
      });
      if (indices.length) rows.push({ indices, values: coefs, lower: rhs, upper: rhs });
    }
    this.session = await LinearSession.open({
      cost: vars.map(() => 0),
      colLower: vars.map(() => 1),
      colUpper: vars.map(() => Infinity),
      rows,
    });
    this.pattern = pattern;
    this.lastCost = -1;
  }

  dispose(): void {
    this.session?.dispose();
    this.session = null;
    this.pattern = "";
  }
}

/**
 * Published figures to suppress so that figure k can move up by a and down by b with
 * a + b ≥ width (Fischetti–Salazar's model for one cell: two perturbations of the table that
 * keep every sum, leave every published figure alone and keep suppressed figures ≥ 1). Any
 * such pair of perturbations proves the width, whatever their cost; this MILP finds the
 * cheapest set. It takes a few milliseconds on small tables but a few hundred on 40 × 12,
 * where `complementByFlow` answers first.
 * Moves are capped at `width`: a circulation through k decomposes into cycles, and those
 * through k alone move no figure by more than k moves.
 */
async function complementFor(model: TableModel, hidden: boolean[], k: number, width: number, costs: number[]) {
  const n = model.values.length;
  const free = model.values.map((v, i) => !hidden[i] && v > 0);
  const yCol = new Map<number, number>();
  model.values.forEach((_, i) => {
    if (free[i]) yCol.set(i, 2 * n + yCol.size);
  });
  const cols = 2 * n + yCol.size;
  const colLower = new Array<number>(cols).fill(0);
  const colUpper = new Array<number>(cols).fill(0);
  const cost = new Array<number>(cols).fill(0);
  const integer = new Array<boolean>(cols).fill(false);
  const rows: LinearModel["rows"] = [];
  for (let i = 0; i < n; i++) {
    const down = Math.min(model.values[i]! - 1, width);
    if (i === k) {
      colUpper[i] = width;
      colLower[n + i] = -Math.max(0, down);
      rows.push({
        indices: [i, n + i],
        values: [1, -1],
        lower: width,
        upper: Infinity,
      });
    } else if (hidden[i] || free[i]) {
      for (const c of [i, n + i]) {
        colLower[c] = -down;
        colUpper[c] = width;
      }
    }
    const y = yCol.get(i);
    if (y !== undefined) {
      colUpper[y] = 1;
      integer[y] = true;
      cost[y] = costs[i]!;
      for (const c of [i, n + i]) {
        rows.push({
          indices: [c, y],
          values: [1, -width],
          lower: -Infinity,
          upper: 0,
        });
        rows.push({
          indices: [c, y],
          values: [1, down],
          lower: 0,
          upper: Infinity,
        });
      }
    }
  }
  for (const offset of [0, n]) {
    for (const eq of model.equations)
      rows.push({
        indices: eq.items.map((i) => i + offset),
        values: eq.signs,
        lower: 0,
        upper: 0,
      });
  }
  const result = await solveLinear({ cost, colLower, colUpper, integer, rows }, { timeLimitSeconds: 2 });
  if (result.values.length !== cols) return null;
  const chosen = [...yCol].filter(([, c]) => result.values[c]! > 0.5).map(([i]) => i);
  const moves = model.values.map((_, i) => [result.values[i]!, result.values[n + i]!] as const);
  return { chosen, moves };
}

/**
 * The heuristic complement: the same two perturbations as a min-cost flow LP without the
 * on/off variables (each unit a published figure moves costs its suppression cost over its
 * room to move), so the rows are only the table's sums. Its support is the complement.
 */
async function complementByFlow(model: TableModel, hidden: boolean[], k: number, width: number, costs: number[]) {
  const n = model.values.length;
  // Columns: for each perturbation (up, down) and figure, a rise then a fall: 4n in all.
  const col = (p: number, fall: number, i: number) => (2 * p + fall) * n + i;
  const colLower = new Array<number>(4 * n).fill(0);
  const colUpper = new Array<number>(4 * n).fill(0);
  const cost = new Array<number>(4 * n).fill(0);
  for (let i = 0; i < n; i++) {
    const room = Math.min(model.values[i]! - 1, width);
    const open = i === k || hidden[i] || model.values[i]! > 0;
    if (!open) continue;
    for (const p of [0, 1]) {
      colUpper[col(p, 0, i)] = i === k && p === 1 ? 0 : width;
      colUpper[col(p, 1, i)] = i === k && p === 0 ? 0 : Math.max(0, room);
      if (!hidden[i] && i !== k) {
        cost[col(p, 0, i)] = costs[i]! / width;
        cost[col(p, 1, i)] = costs[i]! / Math.max(1, room);
      }
    }
  }
  const rows: LinearModel["rows"] = [
    {
      indices: [col(0, 0, k), col(1, 1, k)],
      values: [1, 1],
      lower: width,
      upper: Infinity,
    },
  ];
  for (const p of [0, 1]) {
    for (const eq of model.equations) {
      rows.push({
        indices: [...eq.items.map((i) => col(p, 0, i)), ...eq.items.map((i) => col(p, 1, i))],
        values: [...eq.signs, ...eq.signs.map((s) => -s)],
        lower: 0,
        upper: 0,
      });
    }
  }
  const result = await solveLinear({ cost, colLower, colUpper, rows });
  if (result.status !== "optimal") return null;
  const move = (p: number, i: number) => result.values[col(p, 0, i)]! - result.values[col(p, 1, i)]!;
  const moves = model.values.map((_, i) => [move(0, i), move(1, i)] as const);
  const chosen = model.values
    .map((_, i) => i)
    .filter((i) => !hidden[i] && i !== k && [0, 1].some((p) => result.values[col(p, 0, i)]! > 1e-9 || result.values[col(p, 1, i)]! > 1e-9));
  return { chosen, moves };
}

/**
 * Suppression costs: few and small cells first, a total only when no set of cells will do
 * (a total costs more than every cell together), the grand total last.
 */
function suppressionCosts(model: TableModel): number[] {
  const cellCount = model.isTotal.filter((t) => !t).length;
  const largest = Math.max(1, ...model.values);
  return model.values.map((v, i) => {
    if (!model.isTotal[i]) return 1 + v / (largest + 1);
    return (i === model.grandTotal ? 4 : 2) * (2 * cellCount + 1);
  });
}

export async function protectGrid(grid: CountGrid, options: { threshold: number }): Promise<ProtectedGrid> {
  checkGrid(grid);
  const threshold = normalizeThreshold(options.threshold);
  const model = tableModel(grid);
  const marks: (Mark | null)[] = model.values.map((v) => (v >= 1 && v < threshold ? "primary" : null));
  const hidden = () => marks.map((m) => m !== null);
  const required = (i: number) => (marks[i] === "primary" ? threshold : 1);
  const settled = model.values.map(() => false);
  const costs = suppressionCosts(model);

  const attempts = model.values.map(() => 0);
  const exactFirst = model.values.length <= EXACT_UP_TO;
  const intervals = new Intervals(model);
  try {
    await settleAll();
  } catch (error) {
    // A solver failure must neither publish a risk nor break the page: hide every non-zero
    // figure (always safe, see hideAllNonZero) and say so in the server log.
    console.error("protectGrid: solver failed, every non-zero figure hidden", error);
    hideAllNonZero();
  } finally {
    intervals.dispose();
  }

  // Each figure is settled once its own interval is checked wide enough. Until then it gets a
  // complement (heuristic or exact), then an exact one, then the fallback. Suppressing more
  // only widens intervals, so a settled figure stays settled, and each figure has at most
  // three tries: the loop ends.
  async function settleAll(): Promise<void> {
    for (let k = nextUnsettled(); k !== -1; k = nextUnsettled()) {
      const width = required(k);
      if (model.equations.length === 0 || (await intervals.width(hidden(), k)) >= width - TOLERANCE) {
        settled[k] = true;
        continue;
      }
      const attempt = attempts[k]!;
      attempts[k] = attempt + 1;
      const found =
        attempt === 0 && !exactFirst
          ? await complementByFlow(model, hidden(), k, width, costs)
          : attempt < 2 && !(attempt === 1 && exactFirst)
            ? await complementFor(model, hidden(), k, width, costs)
            : null;
      if (!found) {
        // Suppressing every non-zero figure always protects (each can move up along its row,
        // column and totals): the answer when the solver gives none, rather than publish a risk.
        hideAllNonZero();
        settled[k] = attempt >= 1;
        continue;
      }
      for (const i of found.chosen) marks[i] ??= "complementary";
      // A perturbation that moves another suppressed figure far enough settles it as well.
      found.moves.forEach(([up, down], i) => {
        if (i !== k && marks[i] && Math.max(up, down, 0) - Math.min(up, down, 0) >= required(i) + TOLERANCE) settled[i] = true;
      });
    }
  }

  // Every figure can then move up along its row or column and the totals above it, all hidden.
  function hideAllNonZero(): void {
    model.values.forEach((v, i) => {
      if (v > 0 && !marks[i]) marks[i] = "complementary";
    });
  }

  function nextUnsettled(): number {
    return marks.findIndex((m, i) => m !== null && !settled[i]);
  }

  const show = (i: number): Protected => (marks[i] ? suppressed(marks[i]) : value(model.values[i]!));
  const nCols = grid.cols.length;
  return {
    cells: grid.cells.map((row, r) => row.map((_, c) => show(r * nCols + c))),
    rowTotals: model.rowTotal?.map(show) ?? null,
    colTotals: model.colTotal?.map(show) ?? null,
    grandTotal: model.grandTotal === null ? null : show(model.grandTotal),
    suppressedCount: marks.filter((m) => m !== null).length,
  };
}
