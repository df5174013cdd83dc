/**
 * Issue 10, budget 1: throughput of the pages next to /healthz of the same process, in the same
 * run, 10 connections, on the demo data. /healthz is the ceiling of this machine and process
 * (Express, security headers, no React, no database): the ratio says what a page costs beyond
 * that, and travels between machines better than a raw req/s.
 *
 * Budgets: anonymous /login ≥ 0.10× /healthz; signed-in /, /directory?q=tremblay, /pathway and
 * a meeting page ≥ 0.05×.
 */
import { budget } from "./lib.ts";
import { runLoad, type LoadResult } from "./load-generator.ts";
import { expectOk, type DemoServer } from "./demo-server.ts";

export const THROUGHPUT_CONNECTIONS = 10;

export interface ThroughputCase {
  path: string;
  /** Shown instead of the path (the meeting page's id changes at each seed). */
  label: string;
  signedIn: boolean;
  /** Minimum ratio to /healthz; null for the reference itself. */
  minRatio: number | null;
}

export function throughputCases(meetingId: string): ThroughputCase[] {
  return [
    { path: "/healthz", label: "/healthz", signedIn: false, minRatio: null },
    { path: "/login", label: "/login", signedIn: false, minRatio: 0.1 },
    { path: "/", label: "/ (signed in)", signedIn: true, minRatio: 0.05 },
    { path: "/directory?q=tremblay", label: "/directory?q=tremblay", signedIn: true, minRatio: 0.05 },
    { path: "/pathway", label: "/pathway", signedIn: true, minRatio: 0.05 },
    { path: `/meetings/${meetingId}`, label: "/meetings/<id>", signedIn: true, minRatio: 0.05 },
  ];
}

export interface ThroughputFigure {
  path: string;
  label: string;
  requestsPerSecond: number;
  ratio: number | null;
  minRatio: number | null;
  p50: number;
  p99: number;
  errors: number;
  statusCodes: Record<string, number>;
}

const backendName = { pglite: "PGlite", postgres: "PostgreSQL" } as const;

export async function runThroughput(demo: DemoServer, cookie: string, meetingId: string, seconds: number): Promise<ThroughputFigure[]> {
  const cases = throughputCases(meetingId);
  // Every page answers 200 before it is measured (a redirect to /login would be a fast lie),
  // and a few rounds warm the process (JIT, PostgreSQL plans, PGlite caches).
  for (const c of cases) await expectOk(demo.url, c.signedIn ? cookie : null, [c.path]);
  for (let i = 0; i < 5; i++) for (const c of cases) await expectOk(demo.url, c.signedIn ? cookie : null, [c.path]);

  const figures: ThroughputFigure[] = [];
  let reference: LoadResult | null = null;
  for (const c of cases) {
    const r = await runLoad({
      url: demo.url,
      connections: THROUGHPUT_CONNECTIONS,
      durationSeconds: seconds,
      paths: [c.path],
      cookies: c.signedIn ? [cookie] : undefined,
    });
    if (!reference) reference = r;
    const ratio = c.minRatio === null ? null : r.requestsPerSecond / reference.requestsPerSecond;
    figures.push({ path: c.path, label: c.label, requestsPerSecond: r.requestsPerSecond, ratio, minRatio: c.minRatio, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors, statusCodes: r.statusCodes });
    console.log(
      `  ${c.label.padEnd(24)} ${r.requestsPerSecond.toFixed(1).padStart(8)} req/s  p50 ${String(r.latency.p50).padStart(5)} ms  p99 ${String(r.latency.p99).padStart(5)} ms  errors ${r.errors}` +
        (ratio === null ? "  (reference)" : `  ${ratio.toFixed(3)}× /healthz`),
    );
  }
  console.log("");
  for (const f of figures) {
    if (f.ratio === null || f.minRatio === null) continue;
    budget({
      what: `${f.label} throughput (${backendName[demo.backend]}, ${THROUGHPUT_CONNECTIONS} connections)`,
      value: f.ratio,
      limit: f.minRatio,
      atMost: false,
      format: (n) => `${n.toFixed(3)}×`,
      formatLimit: (n) => `${n.toFixed(2)}×`,
      unit: " /healthz",
      failure: f.errors > 0 ? `${f.errors} errors` : undefined,
      note: `${f.requestsPerSecond.toFixed(1)} req/s vs ${figures[0]!.requestsPerSecond.toFixed(0)} req/s`,
    });
  }
  return figures;
}
