// The two solver questions of protectGrid (ADR 014): how wide is a hidden figure's interval
// under a pattern, and which published figures to hide so that it becomes wide enough.
import { LinearSession, solveLinear, type LinearModel } from "./highs.server.ts";
import { isPublished, room, type TableModel } from "./table-model.ts";

/**
 * Width of the interval a reader can pin a figure to, given the pattern: every published figure
 * fixed, every suppressed one at least 1 (zeros are never suppressed, so readers know that).
 * One open LP per pattern, re-solved from its last basis for each figure.
 */
export class Intervals {
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
      colLower: vars.map((i) => (isPublished(this.model, i) ? 1 : 0)),
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
 * cheapest set. It takes milliseconds on tiny tables but up to a second from 6 × 5 on, where
 * `complementByFlow` answers first and the MILP is only the second try. A time-limited answer
 * is still a valid complement, just not the cheapest.
 * Moves are capped at `width`: a circulation through k decomposes into cycles, and those
 * through k alone move no figure by more than k moves.
 */
export async function complementFor(model: TableModel, hidden: boolean[], k: number, width: number, costs: number[]) {
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
    const down = Math.min(room(model, i), width);
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
export async function complementByFlow(model: TableModel, hidden: boolean[], k: number, width: number, costs: number[]) {
  const n = model.values.length;
  // Columns: for each perturbation (up, down) and figure, a rise then a fall: 4n in all.
  const col = (p: number, fall: number, i: number) => (2 * p + fall) * n + i;
  const colLower = new Array<number>(4 * n).fill(0);
  const colUpper = new Array<number>(4 * n).fill(0);
  const cost = new Array<number>(4 * n).fill(0);
  for (let i = 0; i < n; i++) {
    const fall = Math.min(room(model, i), width);
    const open = i === k || hidden[i] || model.values[i]! > 0;
    if (!open) continue;
    for (const p of [0, 1]) {
      colUpper[col(p, 0, i)] = i === k && p === 1 ? 0 : width;
      colUpper[col(p, 1, i)] = i === k && p === 0 ? 0 : Math.max(0, fall);
      if (!hidden[i] && i !== k) {
        cost[col(p, 0, i)] = costs[i]! / width;
        cost[col(p, 1, i)] = costs[i]! / Math.max(1, fall);
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
