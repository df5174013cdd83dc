/**
 * The trainer-pair solver benchmark: generated seasons of 30, 60 and 300 sessions solved by the
 * same function the /training/pairs page calls (HiGHS in a worker thread). Runs standalone
 * (`node --import tsx bench/training.ts`) or at the end of `npm run bench`.
 *
 * Options (environment): BENCH_TRAINING_RUNS (3 seeds per size), BENCH_TRAINING_LIMIT (60 s).
 */
import { pathToFileURL } from "node:url";
import { explainInfeasibility } from "../app/modules/training/pair-model.ts";
import { generateInstance } from "../app/modules/training/generate-instance.ts";
import { solvePairs } from "../app/modules/training/solve-pairs.server.ts";

/** Size → trainers and the budget documented in docs/PERFORMANCE.md. */
export const trainingSizes = [
  { sessions: 30, trainers: 8, budgetMs: 5_000 },
  { sessions: 60, trainers: 16, budgetMs: 3_000 },
  { sessions: 300, trainers: 40, budgetMs: 60_000 },
] as const;

export interface TrainingBenchResult {
  sessions: number;
  trainers: number;
  runs: { seed: number; status: string; solverStatus: string; ms: number }[];
  worstMs: number;
  budgetMs: number;
}

export async function runTrainingBench(): Promise<TrainingBenchResult[]> {
  const runs = Number(process.env.BENCH_TRAINING_RUNS ?? 3);
  const limit = Number(process.env.BENCH_TRAINING_LIMIT ?? 60);
  const results: TrainingBenchResult[] = [];
  console.log("\nTraining solver (HiGHS, worker thread)");
  for (const size of trainingSizes) {
    const out: TrainingBenchResult["runs"] = [];
    // Seeds whose season passes the pre-check: the benchmark measures solving, not refusing.
    for (let seed = 1; out.length < runs && seed < 200; seed++) {
      const instance = generateInstance({ sessions: size.sessions, trainers: size.trainers, organizations: Math.min(8, size.trainers / 2), availability: 0.75, seed });
      if (explainInfeasibility(instance).length) continue;
      const started = performance.now();
      const solution = await solvePairs(instance, { timeLimitSeconds: limit });
      out.push({ seed, status: solution.status, solverStatus: solution.solverStatus, ms: Math.round(performance.now() - started) });
    }
    const worstMs = Math.max(...out.map((r) => r.ms));
    results.push({ sessions: size.sessions, trainers: size.trainers, runs: out, worstMs, budgetMs: size.budgetMs });
    console.log(
      `  ${String(size.sessions).padStart(3)} sessions, ${size.trainers} trainers: ${out.map((r) => `${r.ms} ms (${r.solverStatus})`).join(", ")} — ` +
        `worst ${worstMs} ms, budget ${size.budgetMs} ms: ${worstMs <= size.budgetMs ? "within budget" : "OVER BUDGET"}`,
    );
  }
  return results;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await runTrainingBench();
