import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import type { Infeasibility, PairAssignment } from "./vocabulary.ts";
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
// server bundle, the tests and the benchmark, with no extra file to ship.
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
(async () => {
  const highs = await require(workerData.highsPath)({ wasmModule: workerData.wasmModule });
  const result = highs.solve(workerData.lp, { output_flag: false, time_limit: workerData.timeLimit, mip_heuristic_effort: 0.3 });
  const Columns = {};
  for (const [name, column] of Object.entries(result.Columns || {})) Columns[name] = { Primal: column.Primal };
  parentPort.postMessage({ Status: result.Status, Columns });
})().catch((error) => parentPort.postMessage({ Status: "Error: " + String(error && error.message || error), Columns: {} }));
`;

const requireHere = createRequire(import.meta.url);
const highsPath = requireHere.resolve("highs");

// Compiling the 3 MB WebAssembly is the slow part of starting a solve: done once per process,
// then every worker instantiates the compiled module it receives.
let compiled: Promise<WebAssembly.Module> | null = null;
function highsModule(): Promise<WebAssembly.Module> {
  compiled ??= readFile(requireHere.resolve("highs/runtime")).then((bytes) => WebAssembly.compile(bytes));
  return compiled;
}

async function runHighs(lp: string, timeLimitSeconds: number): Promise<HighsColumns> {
  const wasmModule = await highsModule();
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { lp, timeLimit: timeLimitSeconds, highsPath, wasmModule } });
    // HiGHS honours time_limit; the timer is the backstop if the WASM itself hangs.
    const timer = setTimeout(() => {
      void worker.terminate();
      resolve({ Status: "Time limit reached", Columns: {} });
    }, (timeLimitSeconds + 5) * 1000);
    worker.once("message", (message: HighsColumns) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(message);
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
export async function solvePairs(instance: PairInstance, options: { timeLimitSeconds?: number } = {}): Promise<PairSolution> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const reasons = explainInfeasibility(instance);
  if (reasons.length) return { status: "infeasible", reasons, solverStatus: "precheck", solveMs: elapsed() };
  if (instance.sessions.length === 0) return { status: "optimal", assignments: [], solverStatus: "Optimal", solveMs: 0 };
  const model = buildPairModel(instance);
  const result = await runHighs(model.lp, options.timeLimitSeconds ?? 20);
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
