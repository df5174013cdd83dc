/**
 * The Table-at-work benchmark: the busiest pages of issues 4 and 5 at a realistic Table scale
 * (bench/generate-table-work.ts: per Table 50 organizations, 200 meetings with agendas, 2,000
 * responsibilities, 500 training sessions with 15,000 registrations; three Tables). Each case
 * calls the same domain functions as the page's loader, with the same arguments, and reports
 * p50/p95/max over BENCH_TW_QUERIES calls (after 10 warm-up calls), on PGlite and, when
 * DATABASE_URL is set, on PostgreSQL (a fresh database created and dropped for the run).
 *
 * Runs standalone (`node --import tsx bench/table-work.ts`) or at the end of `npm run bench`.
 * Options (environment): BENCH_TW_QUERIES (100), BENCH_TW_TABLES (3), BENCH_BACKENDS ("pglite,postgres").
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { pathToFileURL } from "node:url";
import { sql } from "drizzle-orm";
import pg from "pg";
import { openPglite, openPostgres, type DatabaseHandle } from "../app/modules/db/client.server.ts";
import { listMeetings } from "../app/modules/meetings/get-meeting.server.ts";
import { meetingAccess } from "../app/modules/meetings/meeting-access.server.ts";
import { listResponsibilities } from "../app/modules/meetings/responsibilities/list-responsibilities.server.ts";
import { loadContributionMatrix } from "../app/modules/partners/contribution-matrix.server.ts";
import { trainingStats } from "../app/modules/training-evaluation/training-stats.server.ts";
import { tableSummary } from "../app/modules/table-hub/table-summary.server.ts";
import { defaultScale, generateTableWork, type GeneratedTableWork } from "./generate-table-work.ts";
import { quebecDay } from "../app/modules/time/days.ts";

const QUERIES = Number(process.env.BENCH_TW_QUERIES ?? 100);
const TABLES = Number(process.env.BENCH_TW_TABLES ?? defaultScale.tables);

/** Case → budget (p95, ms) documented in docs/PERFORMANCE.md, per backend. */
export const tableWorkBudgets: Record<string, { pglite: number; postgres: number }> = {
  "/responsibilities/mine (delegate)": { pglite: 50, postgres: 25 },
  "/responsibilities/mine (coordinator)": { pglite: 50, postgres: 25 },
  "/meetings (coordinator)": { pglite: 50, postgres: 25 },
  "/meetings (pivot)": { pglite: 50, postgres: 25 },
  "/training/stats": { pglite: 150, postgres: 100 },
  "/partners/matrix": { pglite: 25, postgres: 15 },
  "/table (coordinator)": { pglite: 100, postgres: 50 },
};

export interface CaseStats {
  name: string;
  count: number;
  p50: number;
  p95: number;
  max: number;
  rows: number;
  budget: number;
}

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, i)]!;
}

/** The loaders' calls, one function per page, with the loaders' arguments. */
function cases(handle: DatabaseHandle, data: GeneratedTableWork): Record<string, () => Promise<number>> {
  const db = handle.db;
  const { coordinator, delegate, pivot } = data.viewers;
  const mine = async (user: typeof coordinator) => {
    const access = meetingAccess(user);
    const today = quebecDay(new Date());
    const [open, finished] = await Promise.all([
      listResponsibilities(db, access, { today, mine: true, filter: "open" }),
      listResponsibilities(db, access, { today, mine: true, filter: "done" }),
    ]);
    return open.length + finished.length;
  };
  const meetings = async (user: typeof coordinator) => {
    const access = meetingAccess(user);
    const now = new Date();
    const [upcoming, past] = await Promise.all([listMeetings(db, access, "upcoming", now), listMeetings(db, access, "past", now)]);
    return upcoming.length + past.length;
  };
  return {
    "/responsibilities/mine (delegate)": () => mine(delegate),
    "/responsibilities/mine (coordinator)": () => mine(coordinator),
    "/meetings (coordinator)": () => meetings(coordinator),
    "/meetings (pivot)": () => meetings(pivot),
    "/training/stats": async () => (await trainingStats(db, coordinator.partnershipId)).completions,
    "/partners/matrix": async () => (await loadContributionMatrix(db, coordinator.partnershipId)).length,
    "/table (coordinator)": async () => {
      const s = await tableSummary(db, coordinator, new Date());
      return s.partners.organizations;
    },
  };
}

async function measure(name: string, run: () => Promise<number>, budget: number): Promise<CaseStats> {
  for (let i = 0; i < 10; i++) await run();
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < QUERIES; i++) {
    const t0 = performance.now();
    rows = await run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { name, count: times.length, p50: percentile(times, 50), p95: percentile(times, 95), max: times[times.length - 1]!, rows, budget };
}

export interface TableWorkResult {
  backend: string;
  generateSeconds: number;
  counts: Record<string, number>;
  cases: CaseStats[];
}

async function open(backend: "pglite" | "postgres"): Promise<{ handle: DatabaseHandle; cleanup: () => Promise<void> } | null> {
  if (backend === "pglite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "filet-bench-tw-"));
    const handle = await openPglite(dir);
    return { handle, cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const base = process.env.DATABASE_URL;
  if (!base) return null;
  const name = `filet_bench_tw_${randomUUID().replace(/-/g, "").slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const handle = await openPostgres(url.toString(), 10);
  return {
    handle,
    cleanup: async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export async function runTableWorkBench(): Promise<TableWorkResult[]> {
  const backends = (process.env.BENCH_BACKENDS ?? "pglite,postgres").split(",").map((s) => s.trim());
  const results: TableWorkResult[] = [];
  console.log("\nThe Table at work (issues 4 and 5): loaders' domain functions at Table scale");
  for (const backend of backends) {
    if (backend !== "pglite" && backend !== "postgres") continue;
    console.log(`\n== ${backend} ==`);
    const opened = await open(backend);
    if (!opened) {
      console.log("  skipped: set DATABASE_URL to measure PostgreSQL");
      continue;
    }
    const { handle, cleanup } = opened;
    try {
      const t0 = performance.now();
      const data = await generateTableWork(handle.db, { ...defaultScale, tables: TABLES }, new Date(), (l) => console.log(l));
      const generateSeconds = (performance.now() - t0) / 1000;
      console.log(`  generated in ${generateSeconds.toFixed(1)} s: ${Object.entries(data.counts).map(([k, v]) => `${v} ${k}`).join(", ")}`);
      // Planner statistics, as autovacuum would have them on a live installation.
      await handle.db.execute(sql`analyze`);
      const measured: CaseStats[] = [];
      for (const [name, run] of Object.entries(cases(handle, data))) {
        const budget = tableWorkBudgets[name]![backend];
        const s = await measure(name, run, budget);
        measured.push(s);
        console.log(
          `  ${name.padEnd(38)} p50 ${s.p50.toFixed(2).padStart(7)} ms  p95 ${s.p95.toFixed(2).padStart(7)} ms  max ${s.max.toFixed(1).padStart(7)} ms  ` +
            `(${s.rows} rows) budget ${budget} ms: ${s.p95 <= budget ? "within" : "OVER"}`,
        );
      }
      results.push({ backend, generateSeconds, counts: data.counts, cases: measured });
    } finally {
      await handle.close();
      await cleanup();
    }
  }
  const out = path.join(process.cwd(), "bench", "results");
  fs.mkdirSync(out, { recursive: true });
  const file = path.join(out, `table-work-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  fs.writeFileSync(file, JSON.stringify({ machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, node: process.version, load: os.loadavg() }, results }, null, 2));
  console.log(`\nResults written to ${path.relative(process.cwd(), file)}`);
  return results;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await runTableWorkBench();
