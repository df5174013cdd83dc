import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import type { PairAssignment } from "./vocabulary.ts";
import type { Infeasibility } from "./pair-reasons.ts";
import { buildPairModel, explainInfeasibility, readAssignments, type PairInstance } from "./pair-model.ts";

export type PairSolution =
  | { status: "optimal" | "feasible"; assignments: PairAssignment[]; solverStatus: string; solveMs: number }
  | { status: "infeasible"; reasons: Infeasibility[]; solverStatus: string; solveMs: number };

interface HighsColumns {
  Status: string;
  Columns: Record<string, { Primal: number }>;
}

// The solve runs in a worker thread so a long season never blocks other requests. The worker is
// plain CommonJS evaluated from a string: it then works the same from the dev server, the built
// server bundle, the tests and the benchmark, with no extra file to ship. It posts progress
// (HiGHS's MIP logging callback: running time, incumbent, bound, gap) at most every 200 ms,
// then the result.
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const STATUS = { 0: "Not Set", 1: "Load error", 2: "Model error", 3: "Presolve error", 4: "Solve error", 5: "Postsolve error",
  6: "Empty", 7: "Optimal", 8: "Infeasible", 9: "Primal infeasible or unbounded", 10: "Unbounded", 11: "Bound on objective reached",
  12: "Target for objective reached", 13: "Time limit reached", 14: "Iteration limit reached", 15: "Unknown",
  16: "Solution limit reached", 17: "Interrupted" };
const finite = (v) => (typeof v === "number" && Number.isFinite(v) && Math.abs(v) < 1e20 ? v : null);
(async () => {
  const highs = await require(workerData.highsPath)({ wasmModule: workerData.wasmModule });
  const cb = highs.constants.callbackType;
  const model = highs.createModel({ format: "lp", data: workerData.lp });
  try {
    model.options.set({ output_flag: false, time_limit: workerData.timeLimit, mip_heuristic_effort: 0.3 });
    let last = 0;
    const report = (d, force) => {
      const now = Date.now();
      if (!force && now - last < 200) return;
      last = now;
      parentPort.postMessage({ type: "progress", runningTime: finite(d.running_time), gap: finite(d.mip_gap),
        incumbent: finite(d.mip_primal_bound), bound: finite(d.mip_dual_bound) });
    };
    const run = model.run({
      [cb.mipLogging]: (event) => report(event.data, false),
      [cb.mipImprovingSolution]: (event) => report(event.data, true),
    });
    const Columns = {};
    try {
      const values = model.getSolution().colValue;
      for (let i = 0; i < values.length; i++) if (values[i] > 0.5) Columns[model.getColName(i)] = { Primal: values[i] };
    } catch {}
    parentPort.postMessage({ type: "result", Status: STATUS[run.modelStatus] || "Unknown", Columns });
  } finally {
    model.dispose();
  }
})().catch((error) => parentPort.postMessage({ type: "result", Status: "Error: " + String(error && error.message || error), Columns: {} }));
`;

/** What the page shows while HiGHS works: time spent, and once it has one, the incumbent and the gap. */
export interface SolveProgress {
  phase: "precheck" | "solving";
  elapsedMs: number;
  /** Relative gap between the best pairs found and the proven bound (0 = optimal), when known. */
  gap: number | null;
  incumbent: number | null;
  bound: number | null;
}

const requireHere = createRequire(import.meta.url);
const highsPath = requireHere.resolve("highs");

// Compiling the 3 MB WebAssembly is the slow part of starting a solve: done once per process,
// then every worker instantiates the compiled module it receives.
let compiled: Promise<WebAssembly.Module> | null = null;
function highsModule(): Promise<WebAssembly.Module> {
  compiled ??= readFile(requireHere.resolve("highs/runtime")).then((bytes) => WebAssembly.compile(bytes));
  return compiled;
}

type WorkerMessage =
  | ({ type: "result" } & HighsColumns)
  | { type: "progress"; runningTime: number | null; gap: number | null; incumbent: number | null; bound: number | null };

async function runHighs(lp: string, timeLimitSeconds: number, onProgress?: (p: Extract<WorkerMessage, { type: "progress" }>) => void): Promise<HighsColumns> {
  const wasmModule = await highsModule();
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { lp, timeLimit: timeLimitSeconds, highsPath, wasmModule } });
    // HiGHS honours time_limit; the timer is the backstop if the WASM itself hangs.
    const timer = setTimeout(() => {
      void worker.terminate();
      resolve({ Status: "Time limit reached", Columns: {} });
    }, (timeLimitSeconds + 5) * 1000);
    worker.on("message", (message: WorkerMessage) => {
      if (message.type === "progress") {
        onProgress?.(message);
        return;
      }
      clearTimeout(timer);
      void worker.terminate();
      resolve({ Status: message.Status, Columns: message.Columns });
    });
    worker.once("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

/**
 * Proposes a pair per session. A rule that makes the season impossible on its face is named
 * without running the solver; otherwise HiGHS decides, within the time limit.
 */
export async function solvePairs(
  instance: PairInstance,
  options: { timeLimitSeconds?: number; onProgress?: (progress: SolveProgress) => void } = {},
): Promise<PairSolution> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  options.onProgress?.({ phase: "precheck", elapsedMs: 0, gap: null, incumbent: null, bound: null });
  const reasons = explainInfeasibility(instance);
  if (reasons.length) return { status: "infeasible", reasons, solverStatus: "precheck", solveMs: elapsed() };
  if (instance.sessions.length === 0) return { status: "optimal", assignments: [], solverStatus: "Optimal", solveMs: 0 };
  const model = buildPairModel(instance);
  options.onProgress?.({ phase: "solving", elapsedMs: elapsed(), gap: null, incumbent: null, bound: null });
  const result = await runHighs(model.lp, options.timeLimitSeconds ?? 20, (p) =>
    options.onProgress?.({ phase: "solving", elapsedMs: elapsed(), gap: p.gap, incumbent: p.incumbent, bound: p.bound }),
  );
  const assignments = readAssignments(instance, model, result.Columns);
  if (result.Status === "Optimal") return { status: "optimal", assignments, solverStatus: result.Status, solveMs: elapsed() };
  if (assignments.length === instance.sessions.length) {
    // Time limit with an incumbent: a valid proposal, maybe not the best balance.
    return { status: "feasible", assignments, solverStatus: result.Status, solveMs: elapsed() };
  }
  const why: Infeasibility =
    result.Status === "Infeasible"
      ? { key: "training.pairs.why.combined", vars: {} }
      : { key: "training.pairs.why.timeout", vars: { status: result.Status } };
  return { status: "infeasible", reasons: [why], solverStatus: result.Status, solveMs: elapsed() };
}
