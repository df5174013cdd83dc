// The reader's attack on linked tables, written apart from linked-tables.ts so that one does not
// check itself: every figure shown is fixed, every hidden one is a whole number ≥ 1, the units
// behind them are ≥ 0, and each figure is the sum of its units. How far can a hidden figure be
// pinned down? (LP bounds: the continuous interval, which is what the protection guarantees.)
import { solveLinear, type LinearModel } from "./highs.server.ts";
import type { LinkedTables, ProtectedLinked } from "./linked-tables.ts";

export interface LinkedInterval {
  members: number[];
  column: number | "total";
  mark: "primary" | "complementary";
  truth: number;
  min: number;
  max: number;
}

export async function auditLinked(input: LinkedTables, published: ProtectedLinked): Promise<LinkedInterval[]> {
  const columns = Array.from({ length: input.columns }, (_, c) => c);
  const unitVar = (u: number, c: number) => u * input.columns + c;
  const seen = new Set<string>();
  const figures: { members: number[]; column: number | "total" }[] = [];
  for (const g of input.groups) {
    const members = [...new Set(g)].sort((a, b) => a - b);
    const wanted: (number | "total")[] = [...columns, ...(input.rowTotals && input.columns > 1 ? (["total"] as const) : [])];
    for (const column of wanted) {
      const key = `${members.join(",")}|${column}`;
      if (!seen.has(key)) figures.push({ members, column });
      seen.add(key);
    }
  }
  const cellsOf = (f: { members: number[]; column: number | "total" }) => f.members.flatMap((u) => (f.column === "total" ? columns.map((c) => unitVar(u, c)) : [unitVar(u, f.column)]));
  const truthOf = (f: { members: number[]; column: number | "total" }) => cellsOf(f).reduce((s, i) => s + input.units[Math.floor(i / input.columns)]![i % input.columns]!, 0);
  const unitCount = input.units.length * input.columns;
  const hidden = figures.filter((f) => published.figure(f.members, f.column).kind === "suppressed");
  const hiddenVar = new Map(hidden.map((f, i) => [f, unitCount + i]));
  const rows: LinearModel["rows"] = figures.map((f) => {
    const shown = published.figure(f.members, f.column);
    const cells = cellsOf(f);
    const h = hiddenVar.get(f);
    if (h === undefined) {
      const v = shown.kind === "value" ? shown.value : 0;
      return { indices: cells, values: cells.map(() => 1), lower: v, upper: v };
    }
    return { indices: [...cells, h], values: [...cells.map(() => 1), -1], lower: 0, upper: 0 };
  });
  const n = unitCount + hidden.length;
  const result: LinkedInterval[] = [];
  for (const [f, h] of hiddenVar) {
    const model: LinearModel = {
      cost: Array.from({ length: n }, (_, j) => (j === h ? 1 : 0)),
      colLower: Array.from({ length: n }, (_, j) => (j < unitCount ? 0 : 1)),
      colUpper: Array.from({ length: n }, () => Infinity),
      rows,
    };
    const low = await solveLinear(model);
    const high = await solveLinear({ ...model, maximize: true });
    if (low.status !== "optimal") throw new Error(`audit: published tables are inconsistent (${low.status})`);
    const shown = published.figure(f.members, f.column);
    result.push({
      ...f,
      mark: shown.kind === "suppressed" ? shown.mark : "primary",
      truth: truthOf(f),
      min: low.objective,
      max: high.status === "unbounded" ? Infinity : high.objective,
    });
  }
  return result;
}
