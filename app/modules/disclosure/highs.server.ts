import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import type { Highs } from "highs";

// Disclosure LPs are tiny (a few hundred columns) and solve in milliseconds: they run on the
// calling thread, unlike the training pair solve (a worker, seconds). Compiling the 3 MB
// WebAssembly is the slow part, so it is done once per process and the instance reused.
const requireHere = createRequire(import.meta.url);
let instance: Promise<Highs> | null = null;

export function loadHighs(): Promise<Highs> {
  instance ??= (async () => {
    const wasmModule = await WebAssembly.compile(await readFile(requireHere.resolve("highs/runtime")));
    const loader = requireHere(requireHere.resolve("highs")) as (options: { wasmModule: WebAssembly.Module }) => Promise<Highs>;
    return loader({ wasmModule });
  })();
  instance.catch(() => {
    instance = null;
  });
  return instance;
}

/** A linear model in row form: `rowLower ≤ A·x ≤ rowUpper`, `colLower ≤ x ≤ colUpper`. */
export interface LinearModel {
  cost: number[];
  colLower: number[];
  colUpper: number[];
  integer?: boolean[];
  rows: { indices: number[]; values: number[]; lower: number; upper: number }[];
  maximize?: boolean;
}

export interface LinearResult {
  /** "optimal", "infeasible", "unbounded", or HiGHS's own words for anything else. */
  status: string;
  values: number[];
  objective: number;
}

type HighsModel = ReturnType<Highs["createModel"]>;

/**
 * A model kept open so that small changes (one objective coefficient) re-solve from the last
 * basis: the audit of one suppression pattern asks for each suppressed figure's least and
 * greatest value, two dozen or more solves of the same constraints.
 */
export class LinearSession {
  private constructor(
    private readonly highs: Highs,
    private readonly model: HighsModel,
  ) {}

  static async open(model: LinearModel, options: { timeLimitSeconds?: number; presolve?: boolean } = {}): Promise<LinearSession> {
    const highs = await loadHighs();
    const starts = [0];
    const indices: number[] = [];
    const values: number[] = [];
    for (const row of model.rows) {
      indices.push(...row.indices);
      values.push(...row.values);
      starts.push(indices.length);
    }
    const bound = (v: number) => (Number.isFinite(v) ? v : v > 0 ? highs.infinity : -highs.infinity);
    const created = highs.createModel({
      numCols: model.cost.length,
      numRows: model.rows.length,
      sense: model.maximize ? highs.constants.objectiveSense.maximize : highs.constants.objectiveSense.minimize,
      colCost: model.cost,
      colLower: model.colLower.map(bound),
      colUpper: model.colUpper.map(bound),
      rowLower: model.rows.map((r) => bound(r.lower)),
      rowUpper: model.rows.map((r) => bound(r.upper)),
      matrix: {
        format: "csr",
        numRows: model.rows.length,
        numCols: model.cost.length,
        starts,
        indices,
        values,
      },
      ...(model.integer
        ? {
            integrality: model.integer.map((i) => (i ? highs.constants.variableType.integer : highs.constants.variableType.continuous)),
          }
        : {}),
    });
    try {
      // The package runs HiGHS on one thread; with a fixed seed its choices repeat, so the same
      // table always gives the same marks. Presolve costs more than it saves on these models
      // unless they are MILPs.
      created.options.set({
        output_flag: false,
        random_seed: 0,
        time_limit: options.timeLimitSeconds ?? 5,
        presolve: (options.presolve ?? Boolean(model.integer)) ? "on" : "off",
      });
    } catch (error) {
      created.dispose();
      throw error;
    }
    return new LinearSession(highs, created);
  }

  setCost(index: number, cost: number): void {
    this.model.changeColCost(index, cost);
  }

  solve(): LinearResult {
    const run = this.model.run();
    const codes = this.highs.constants.modelStatus;
    const status =
      run.modelStatus === codes.optimal
        ? "optimal"
        : run.modelStatus === codes.infeasible
          ? "infeasible"
          : run.modelStatus === codes.unbounded || run.modelStatus === codes.unboundedOrInfeasible
            ? "unbounded"
            : `status ${run.modelStatus}`;
    try {
      return {
        status,
        values: Array.from(this.model.getSolution().colValue),
        objective: this.model.getObjectiveValue(),
      };
    } catch {
      // No solution to read (infeasible or interrupted): the caller decides from the status.
      return { status, values: [], objective: Number.NaN };
    }
  }

  dispose(): void {
    this.model.dispose();
  }
}

export async function solveLinear(model: LinearModel, options: { timeLimitSeconds?: number } = {}): Promise<LinearResult> {
  const session = await LinearSession.open(model, options);
  try {
    return session.solve();
  } finally {
    session.dispose();
  }
}
