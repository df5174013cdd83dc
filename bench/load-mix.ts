/**
 * Issue 10, budget 2: 100 signed-in clients for 60 s over a mix of the demo's GET pages, the
 * load generator in its own process (bench/load-generator.ts), on PostgreSQL. Each client has
 * its own session (100 sign-ins through POST /login, one after the other, as the Table
 * coordinator: every page of the mix is open to that persona), cycles through the pages in
 * order and starts at a different page than its neighbour; no think time (a closed loop: each
 * client sends its next request when the previous one is answered).
 *
 * Budget: p95 ≤ 500 ms over all responses, and 0 errors (a status outside 2xx/3xx, a socket
 * error or a timeout — autocannon's limit, 10 s — each count as one).
 */
import { budget } from "./lib.ts";
import { runLoad, type LoadResult } from "./load-generator.ts";
import { expectOk, type DemoServer } from "./demo-server.ts";

export const MIX_P95_BUDGET_MS = 500;

export function mixPaths(meetingId: string): string[] {
  return [
    "/",
    "/directory?q=tremblay",
    "/pathway",
    `/meetings/${meetingId}`,
    "/directory",
    "/meetings",
    "/partners",
    "/guide",
    "/table",
    "/responsibilities/mine",
    "/announcements",
    "/training",
  ];
}

export interface LoadMixResult extends LoadResult {
  clients: number;
  signInSeconds: number;
  paths: string[];
}

export async function runLoadMix(demo: DemoServer, meetingId: string, options: { clients: number; seconds: number }): Promise<LoadMixResult> {
  const paths = mixPaths(meetingId);
  const t0 = performance.now();
  const cookies: string[] = [];
  for (let i = 0; i < options.clients; i++) cookies.push(await demo.signIn());
  const signInSeconds = (performance.now() - t0) / 1000;
  console.log(`  ${options.clients} sessions signed in through POST /login in ${signInSeconds.toFixed(1)} s`);
  await expectOk(demo.url, cookies[0]!, paths);
  console.log(`  ${options.clients} clients × ${options.seconds} s over ${paths.length} pages: ${paths.map((p) => p.replace(meetingId, "<id>")).join(", ")}`);

  const r = await runLoad({ url: demo.url, connections: options.clients, durationSeconds: options.seconds, paths, cookies, rotate: true });
  console.log(
    `  ${r.responses} responses (${r.requestsPerSecond.toFixed(1)} req/s)  p50 ${r.latency.p50} ms  p95 ${r.latency.p95} ms  p99 ${r.latency.p99} ms  max ${r.latency.max} ms`,
  );
  console.log(`  status codes ${JSON.stringify(r.statusCodes)}; socket errors ${r.socketErrors} (timeouts ${r.timeouts})`);
  for (const [p, s] of Object.entries(r.perPath)) {
    console.log(`    ${p.replace(meetingId, "<id>").padEnd(24)} ${String(s.count).padStart(6)} responses  p50 ${String(s.p50).padStart(5)} ms  p95 ${String(s.p95).padStart(5)} ms  p99 ${String(s.p99).padStart(5)} ms`);
  }
  console.log("");
  budget({
    what: `mix p95, ${options.clients} clients × ${options.seconds} s (PostgreSQL)`,
    value: r.latency.p95,
    limit: MIX_P95_BUDGET_MS,
    atMost: true,
    format: (n) => `${n.toFixed(0)} ms`,
    note: `p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, ${r.requestsPerSecond.toFixed(1)} req/s`,
  });
  budget({
    what: `mix errors, ${options.clients} clients × ${options.seconds} s (PostgreSQL)`,
    value: r.errors,
    limit: 0,
    atMost: true,
    format: (n) => String(n),
    note: `${r.badStatus} bad statuses, ${r.socketErrors} socket errors (${r.timeouts} timeouts)`,
  });
  return { ...r, clients: options.clients, signInSeconds, paths };
}
