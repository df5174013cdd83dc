/**
 * `npm run bench`: the directory benchmark. Generates province-scale data, measures the
 * directory search (the same domain function /directory calls) and the page's throughput at
 * 50 connections next to a bare SSR page, on PGlite and, when DATABASE_URL is set, on
 * PostgreSQL (a fresh database created and dropped for the run).
 *
 * Options (environment): BENCH_PEOPLE (100000), BENCH_ORGS (2000), BENCH_TABLES (17),
 * BENCH_QUERIES (300 per kind), BENCH_HTTP_SECONDS (10; 0 skips the HTTP part),
 * BENCH_BACKENDS ("pglite,postgres" by default; postgres needs DATABASE_URL).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawn, execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import pg from "pg";
import { openPglite, openPostgres, type DatabaseHandle } from "../app/modules/db/client.server.ts";
import { searchDirectory } from "../app/modules/directory/search-directory.server.ts";
import { foldForSearch } from "../app/modules/directory/search-text.server.ts";
import { account } from "../app/modules/identity/tables.ts";
import { person, roleAssignment } from "../app/modules/people/tables.ts";
import { organization } from "../app/modules/governance/tables.ts";
import { createSession, serializeSessionCookie } from "../app/modules/identity/session.server.ts";
import { generateDirectory, type GeneratedDirectory } from "./generate-directory.ts";
import { startFiletProcess, root } from "../tests/e2e/server-process.ts";

const env = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && process.env[name] !== "" && process.env[name] !== undefined ? v : fallback;
};
const PEOPLE = env("BENCH_PEOPLE", 100_000);
const ORGS = env("BENCH_ORGS", 2000);
const TABLES = env("BENCH_TABLES", 17);
const QUERIES = env("BENCH_QUERIES", 300);
const HTTP_SECONDS = env("BENCH_HTTP_SECONDS", 10);
const BACKENDS = (process.env.BENCH_BACKENDS ?? "pglite,postgres").split(",").map((s) => s.trim());

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, i)]!;
}

const ms = (n: number) => `${n.toFixed(2)} ms`;

interface QueryStats {
  kind: string;
  count: number;
  p50: number;
  p95: number;
  max: number;
  meanResults: number;
}

/** Runs each query through searchDirectory, the function the /directory loader calls. */
async function measureQueries(handle: DatabaseHandle, kind: string, queries: { partnershipId: string; q: string }[]): Promise<QueryStats> {
  for (const query of queries.slice(0, 20)) await searchDirectory(handle.db, { ...query, freshnessMonths: 6 }); // warm-up
  const times: number[] = [];
  let results = 0;
  for (const query of queries) {
    const t0 = performance.now();
    const page = await searchDirectory(handle.db, { ...query, freshnessMonths: 6 });
    times.push(performance.now() - t0);
    results += page.total;
  }
  times.sort((a, b) => a - b);
  return { kind, count: times.length, p50: percentile(times, 50), p95: percentile(times, 95), max: times[times.length - 1]!, meanResults: results / times.length };
}

function buildQueries(data: GeneratedDirectory) {
  const s = data.samples;
  const take = <T>(f: (x: (typeof s)[number], i: number) => T) => Array.from({ length: QUERIES }, (_, i) => f(s[i % s.length]!, i));
  return {
    // Typed without accents or capitals: "helene gagnon", "levis".
    "accent-insensitive full name": take((x) => ({ partnershipId: x.partnershipId, q: foldForSearch(`${x.givenName} ${x.familyName}`) })),
    "accent-insensitive place": take((x) => ({ partnershipId: x.partnershipId, q: foldForSearch(x.municipality) })),
    // The first letters of a family name: "trem", "bouc".
    "partial family name (4 letters)": take((x) => ({ partnershipId: x.partnershipId, q: foldForSearch(x.familyName).slice(0, 4) })),
    "partial given + family (3+3)": take((x) => ({ partnershipId: x.partnershipId, q: `${foldForSearch(x.givenName).slice(0, 3)} ${foldForSearch(x.familyName).slice(0, 3)}` })),
  };
}

/** A signed-in worker of the first Table, for the HTTP part. */
async function benchSession(handle: DatabaseHandle, partnershipId: string): Promise<string> {
  const [org] = await handle.db.select({ id: organization.id }).from(organization).where(eq(organization.partnershipId, partnershipId)).limit(1);
  const [p] = await handle.db
    .insert(person)
    .values({ partnershipId, organizationId: org!.id, givenName: "Banc", familyName: "D'essai", email: `bench-${randomUUID()}@bench.test` })
    .returning({ id: person.id });
  const [a] = await handle.db
    .insert(account)
    .values({ personId: p!.id, email: `bench-${randomUUID()}@bench.test`, status: "active", approvedAt: new Date() })
    .returning({ id: account.id });
  await handle.db.insert(roleAssignment).values({ personId: p!.id, role: "worker", partnershipId, organizationId: org!.id });
  const token = await createSession(handle.db, { accountId: a!.id, mfaPassed: true, ip: "127.0.0.1", userAgent: "bench" });
  // The server runs with NODE_ENV=production (React's production build): the cookie is __Host-.
  return serializeSessionCookie(token, true).split(";")[0]!;
}

interface HttpStats {
  path: string;
  requestsPerSecond: number;
  p50: number;
  p97_5: number;
  non2xx: number;
  errors: number;
}

/** autocannon's CLI, 50 connections, bounded duration, JSON result. */
function autocannon(url: string, cookie: string | null): Promise<HttpStats> {
  const bin = path.join(root, "node_modules", ".bin", "autocannon");
  const args = ["-c", "50", "-d", String(HTTP_SECONDS), "-j"];
  if (cookie) args.push("-H", `cookie=${cookie}`);
  args.push(url);
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString()));
    child.on("error", reject);
    child.on("exit", () => {
      try {
        const r = JSON.parse(out) as { requests: { average: number }; latency: { p50: number; p97_5: number }; non2xx: number; errors: number };
        resolve({ path: new URL(url).pathname + new URL(url).search, requestsPerSecond: r.requests.average, p50: r.latency.p50, p97_5: r.latency.p97_5, non2xx: r.non2xx, errors: r.errors });
      } catch (error) {
        reject(new Error(`autocannon output not understood: ${String(error)}\n${out.slice(0, 500)}`));
      }
    });
  });
}

async function measureHttp(env: Record<string, string>, cookie: string): Promise<HttpStats[]> {
  if (!fs.existsSync(path.join(root, "build", "server", "index.js"))) {
    console.log("  building the application (no build found)…");
    execFileSync(path.join(root, "node_modules", ".bin", "react-router"), ["build"], { cwd: root, stdio: "inherit" });
  }
  // Production mode, as deployed: React's production build, no dev checks. Jobs off so the
  // runner does not compete with the measured requests.
  const server = await startFiletProcess(
    { ...env, NODE_ENV: "production", FILET_SECRET_KEY: randomUUID() + randomUUID(), FILET_DEMO: "0", FILET_JOBS: "0" },
    { timeoutMs: 300_000 },
  );
  try {
    // The same request the browser makes, checked once before the load.
    const check = await fetch(`${server.url}/directory?q=tremblay`, { headers: { cookie } });
    if (check.status !== 200) throw new Error(`/directory answered ${check.status}: the bench session does not work`);
    const bare = await autocannon(`${server.url}/login`, null);
    const directory = await autocannon(`${server.url}/directory?q=tremblay`, cookie);
    const empty = await autocannon(`${server.url}/directory`, cookie);
    return [bare, directory, empty];
  } finally {
    await server.stop();
  }
}

interface BackendResult {
  backend: string;
  generateSeconds: number;
  data: Omit<GeneratedDirectory, "samples" | "partnershipIds"> & { tables: number };
  queries: QueryStats[];
  http: HttpStats[];
}

async function runBackend(backend: "pglite" | "postgres"): Promise<BackendResult | null> {
  console.log(`\n== ${backend} ==`);
  let handle: DatabaseHandle;
  let serverEnv: Record<string, string>;
  let cleanup: () => Promise<void>;
  if (backend === "pglite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "filet-bench-"));
    handle = await openPglite(dir);
    serverEnv = { FILET_DATA_DIR: dir };
    cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
  } else {
    const base = process.env.DATABASE_URL;
    if (!base) {
      console.log("  skipped: set DATABASE_URL to measure PostgreSQL");
      return null;
    }
    const name = `filet_bench_${randomUUID().replace(/-/g, "").slice(0, 12)}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(base);
    url.pathname = `/${name}`;
    handle = await openPostgres(url.toString(), 10);
    serverEnv = { DATABASE_URL: url.toString() };
    cleanup = async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  }
  try {
    const t0 = performance.now();
    console.log(`  generating ${TABLES} Tables, ${ORGS} organizations, ${PEOPLE} people…`);
    const data = await generateDirectory(handle.db, { tables: TABLES, organizations: ORGS, people: PEOPLE, log: (l) => console.log(l) });
    const generateSeconds = (performance.now() - t0) / 1000;
    console.log(`  generated in ${generateSeconds.toFixed(1)} s`);
    const queries: QueryStats[] = [];
    for (const [kind, list] of Object.entries(buildQueries(data))) {
      const stats = await measureQueries(handle, kind, list);
      queries.push(stats);
      console.log(`  ${kind.padEnd(34)} p50 ${ms(stats.p50).padStart(10)}  p95 ${ms(stats.p95).padStart(10)}  max ${ms(stats.max).padStart(10)}  (${stats.meanResults.toFixed(1)} results on average)`);
    }
    let http: HttpStats[] = [];
    if (HTTP_SECONDS > 0) {
      const cookie = await benchSession(handle, data.partnershipIds[0]!);
      await handle.close(); // PGlite: one process at a time; the server opens the folder next.
      http = await measureHttp(serverEnv, cookie);
      for (const h of http) console.log(`  HTTP ${h.path.padEnd(28)} ${h.requestsPerSecond.toFixed(0).padStart(6)} req/s  p50 ${h.p50} ms  p97.5 ${h.p97_5} ms  non-2xx ${h.non2xx}  errors ${h.errors}`);
    } else {
      await handle.close();
    }
    const { samples: _s, partnershipIds, ...counts } = data;
    return { backend, generateSeconds, data: { ...counts, tables: partnershipIds.length }, queries, http };
  } finally {
    await cleanup();
  }
}

const results: BackendResult[] = [];
for (const backend of BACKENDS) {
  if (backend !== "pglite" && backend !== "postgres") continue;
  const r = await runBackend(backend);
  if (r) results.push(r);
}
const out = path.join(root, "bench", "results");
fs.mkdirSync(out, { recursive: true });
const file = path.join(out, `directory-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
fs.writeFileSync(file, JSON.stringify({ machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, node: process.version }, results }, null, 2));
console.log(`\nResults written to ${path.relative(root, file)}`);
const pgResult = results.find((r) => r.backend === "postgres");
if (pgResult) {
  const worst = Math.max(...pgResult.queries.map((q) => q.p95));
  console.log(`Budget: search p95 ≤ 20 ms on PostgreSQL — measured ${ms(worst)}: ${worst <= 20 ? "within budget" : "OVER BUDGET"}`);
}

// The trainer-pair solver (issue 5): generated seasons solved by the /training/pairs code path.
await (await import("./training.ts")).runTrainingBench();

// The Table at work (issues 4 and 5): the busiest pages' loader queries at Table scale.
await (await import("./table-work.ts")).runTableWorkBench();
