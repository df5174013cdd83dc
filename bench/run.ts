/**
 * `npm run bench`: every benchmark of the project, one part after the other, each budget
 * printed beside its figure (`✔`/`✘ what figure (budget …)`), and a summary of all budget lines
 * at the end. Results also go to bench/results/<part>-<date>.json (git-ignored).
 *
 * Parts (BENCH_PARTS, comma-separated; all by default, in this order):
 *   directory   directory search at 100,000 people (budget p95 ≤ 5 ms) and /directory at 50
 *               connections on the generated data — bench/directory.ts
 *   scale       directory search at 1,000,000 people on PostgreSQL (budget p95 ≤ 20 ms) —
 *               bench/directory.ts, generation in multi-row INSERTs (about 2 min on 2 cores)
 *   pages       the app on the demo data, per backend: throughput next to /healthz at 10
 *               connections (bench/http-throughput.ts), page weight (bench/page-weight.ts, on
 *               the first backend only: it does not depend on the database), and on PostgreSQL
 *               100 signed-in clients × 60 s over a mix of pages (bench/load-mix.ts)
 *   cold-start  `npm start` on an existing build and data folder, median of 3 (bench/cold-start.ts)
 *   training    the trainer-pair solver (bench/training.ts)
 *   table-work  the Table-at-work loaders (bench/table-work.ts)
 *   evaluation  the evaluation dashboard's getDashboard() at 17 Tables, exact and protected
 *               (budget p95 ≤ 1.5 s protected on PGlite) — bench/evaluation.ts
 *   forum       the pivot network: a space of 10,000 threads and 100,000 posts, its list and the
 *               search (budgets in docs/PERFORMANCE.md) — bench/forum.ts
 *
 * Options (environment):
 *   DATABASE_URL               a PostgreSQL server where the bench may create and drop its own
 *                              databases (filet_bench_*); unset: the PostgreSQL parts are skipped
 *   BENCH_BACKENDS             "pglite,postgres"
 *   BENCH_PEOPLE (100000), BENCH_ORGS (2000), BENCH_TABLES (17), BENCH_QUERIES (300 per kind)
 *   BENCH_HTTP_SECONDS (10)    per case of /directory at 50 connections; 0 skips that HTTP part
 *   BENCH_SCALE_PEOPLE (1000000; 0 skips the part), organizations: one per 50 people
 *   BENCH_THROUGHPUT_SECONDS (10) per page of the throughput part; 0 skips it
 *   BENCH_MIX_CLIENTS (100), BENCH_MIX_SECONDS (60; 0 skips the load mix)
 *   BENCH_COLD_RUNS (3; 0 skips)
 *   BENCH_TRAINING_RUNS, BENCH_TRAINING_LIMIT, BENCH_TW_QUERIES, BENCH_TW_TABLES,
 *   BENCH_EVAL_RUNS, BENCH_EVAL_TABLES, BENCH_FORUM_THREADS, BENCH_FORUM_POSTS, BENCH_FORUM_QUERIES: see those files
 *
 * Example, the issue-10 budgets only:
 *   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres BENCH_PARTS=directory,scale,pages,cold-start npm run bench
 */
import os from "node:os";
import { allChecks, envList, envNumber, formatCheck, machine, writeResult } from "./lib.ts";
import { runDirectory, runDirectoryScale, type DirectoryResult } from "./directory.ts";
import { demoMeetingId, startDemoServer, type Backend } from "./demo-server.ts";
import { runThroughput, type ThroughputFigure } from "./http-throughput.ts";
import { runPageWeight, type PageWeight } from "./page-weight.ts";
import { runLoadMix, type LoadMixResult } from "./load-mix.ts";
import { runColdStart } from "./cold-start.ts";

const PARTS = envList("BENCH_PARTS", "directory,scale,pages,cold-start,training,table-work,evaluation,forum");
const BACKENDS = envList("BENCH_BACKENDS", "pglite,postgres").filter((b): b is Backend => b === "pglite" || b === "postgres");
const PEOPLE = envNumber("BENCH_PEOPLE", 100_000);
const ORGS = envNumber("BENCH_ORGS", 2000);
const TABLES = envNumber("BENCH_TABLES", 17);
const QUERIES = envNumber("BENCH_QUERIES", 300);
const HTTP_SECONDS = envNumber("BENCH_HTTP_SECONDS", 10);
const SCALE_PEOPLE = envNumber("BENCH_SCALE_PEOPLE", 1_000_000);
const THROUGHPUT_SECONDS = envNumber("BENCH_THROUGHPUT_SECONDS", 10);
const MIX_CLIENTS = envNumber("BENCH_MIX_CLIENTS", 100);
const MIX_SECONDS = envNumber("BENCH_MIX_SECONDS", 60);
const COLD_RUNS = envNumber("BENCH_COLD_RUNS", 3);

const known = new Set(["directory", "scale", "pages", "cold-start", "training", "table-work", "evaluation", "forum"]);
for (const p of PARTS) if (!known.has(p)) throw new Error(`BENCH_PARTS: unknown part "${p}" (known: ${[...known].join(", ")})`);
const hasPostgres = Boolean(process.env.DATABASE_URL);
const skipped: string[] = [];
const usable = (backend: Backend, what: string) => {
  if (backend === "postgres" && !hasPostgres) {
    console.log(`\n(${what} on PostgreSQL skipped: set DATABASE_URL)`);
    skipped.push(`${what} on PostgreSQL (no DATABASE_URL)`);
    return false;
  }
  return true;
};
const started = Date.now();
/** A part's title line, with the load average: the machine is shared, the figures are only as good as it is quiet. */
const header = (title: string) => console.log(`\n== ${title} == (load average ${os.loadavg().map((n) => n.toFixed(2)).join(" ")})`);
console.log(`Filet benchmarks: ${PARTS.join(", ")}; backends ${BACKENDS.join(", ")}; ${os.cpus().length} CPUs, load average ${os.loadavg().map((n) => n.toFixed(2)).join(" ")}`);

if (PARTS.includes("directory")) {
  const results: DirectoryResult[] = [];
  for (const backend of BACKENDS) {
    if (!usable(backend, "directory")) continue;
    header(`Directory, ${PEOPLE.toLocaleString("en-US")} people: ${backend}`);
    results.push(await runDirectory(backend, { people: PEOPLE, organizations: ORGS, tables: TABLES, queries: QUERIES, httpSeconds: HTTP_SECONDS }));
  }
  writeResult("directory", { results });
}

if (PARTS.includes("scale") && SCALE_PEOPLE > 0 && usable("postgres", "directory at scale")) {
  header(`Directory, ${SCALE_PEOPLE.toLocaleString("en-US")} people: postgres`);
  const result = await runDirectoryScale({ people: SCALE_PEOPLE, organizations: Math.round(SCALE_PEOPLE / 50), tables: TABLES, queries: QUERIES });
  writeResult("directory-scale", { result });
}

if (PARTS.includes("pages")) {
  const throughput: { backend: Backend; figures: ThroughputFigure[] }[] = [];
  let weights: { backend: Backend; pages: PageWeight[] } | null = null;
  let mix: LoadMixResult | null = null;
  for (const backend of BACKENDS) {
    if (!usable(backend, "pages")) continue;
    header(`Pages on the demo data: ${backend}`);
    const demo = await startDemoServer(backend);
    try {
      const cookie = await demo.signIn();
      const meetingId = await demoMeetingId(demo.url, cookie);
      if (THROUGHPUT_SECONDS > 0) {
        console.log(`\n  Throughput, ${THROUGHPUT_SECONDS} s per page, next to /healthz of the same process:`);
        throughput.push({ backend, figures: await runThroughput(demo, cookie, meetingId, THROUGHPUT_SECONDS) });
      }
      if (!weights) {
        console.log("\n  Page weight (signed in; JavaScript gzipped with zlib level 9):");
        weights = { backend, pages: await runPageWeight(demo.url, cookie, meetingId) };
      }
      if (backend === "postgres" && MIX_SECONDS > 0) {
        console.log(`\n  Load mix (load generator in its own process):`);
        mix = await runLoadMix(demo, meetingId, { clients: MIX_CLIENTS, seconds: MIX_SECONDS });
      }
    } finally {
      await demo.stop();
    }
  }
  if (MIX_SECONDS > 0 && !BACKENDS.includes("postgres")) skipped.push("load mix (runs on PostgreSQL only; BENCH_BACKENDS has no postgres)");
  if (throughput.length) writeResult("http-throughput", { results: throughput });
  if (weights) writeResult("page-weight", weights);
  if (mix) writeResult("load-mix", { result: mix });
}

if (PARTS.includes("cold-start") && COLD_RUNS > 0) {
  header(`Cold start: npm start on an existing build and data folder, ${COLD_RUNS} runs`);
  writeResult("cold-start", { result: await runColdStart(COLD_RUNS) });
}

if (PARTS.includes("training")) {
  // The trainer-pair solver (issue 5): generated seasons solved by the /training/pairs code path.
  await (await import("./training.ts")).runTrainingBench();
}

if (PARTS.includes("table-work")) {
  // The Table at work (issues 4 and 5): the busiest pages' loader queries at Table scale.
  await (await import("./table-work.ts")).runTableWorkBench();
}

if (PARTS.includes("evaluation")) {
  // The evaluation dashboard (issue 12): every indicator, exact and through disclosure control.
  header(`Evaluation dashboard, generated Tables`);
  await (await import("./evaluation.ts")).runEvaluationBench();
}

if (PARTS.includes("forum")) {
  // The pivot network (issue 14 §7): a space's thread list and the search at 10,000 threads.
  header(`Pivot network, generated space`);
  await (await import("./forum.ts")).runForumBench();
}

const checks = allChecks();
header(`Budgets (${checks.filter((c) => c.ok).length} of ${checks.length} met; ${((Date.now() - started) / 60_000).toFixed(1)} min)`);
for (const c of checks) console.log(`  ${formatCheck(c)}`);
for (const s of skipped) console.log(`  – skipped: ${s}`);
writeResult("budgets", { parts: PARTS, backends: BACKENDS, machineAtEnd: machine(), checks, skipped });
