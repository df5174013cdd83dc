/**
 * The HTTP load generator of the benchmarks: autocannon (programmatic API) run in a child
 * process of its own, never in the server's process nor in the orchestrator's. `runLoad()`
 * spawns this very file, sends it the spec on stdin and reads one JSON line back.
 *
 * Latency percentiles are computed here from every response autocannon reports (its own
 * summary has no p95, and keeps only 2xx latencies by default), per path as well. Errors, as
 * the budgets count them: responses outside 2xx/3xx, socket errors and timeouts.
 */
import { spawn } from "node:child_process";
import { fileURLToPath, pathToFileURL } from "node:url";
import { percentile } from "./lib.ts";

export interface LoadSpec {
  /** Base URL, e.g. http://127.0.0.1:3000 */
  url: string;
  connections: number;
  durationSeconds: number;
  /** Per request; autocannon's default is 10 s. */
  timeoutSeconds?: number;
  /** GET paths each connection cycles through, in order. */
  paths: string[];
  /** Cookie headers, one per connection (cycled when fewer than connections). */
  cookies?: string[];
  /** Connection k starts at paths[k % paths.length], so that not every client asks for the same page at once. */
  rotate?: boolean;
}

export interface LatencyStats {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export interface LoadResult {
  connections: number;
  durationSeconds: number;
  /** autocannon's mean of the per-second response counts. */
  requestsPerSecond: number;
  responses: number;
  latency: LatencyStats;
  perPath: Record<string, LatencyStats & { statusCodes: Record<string, number> }>;
  statusCodes: Record<string, number>;
  /** Responses outside 200–399. */
  badStatus: number;
  /** Socket errors, timeouts included. */
  socketErrors: number;
  timeouts: number;
  /** badStatus + socketErrors. */
  errors: number;
}

/** Milliseconds, to 0.1 ms. */
function stats(values: number[]): LatencyStats {
  const sorted = [...values].sort((a, b) => a - b);
  const r = (n: number) => Math.round(n * 10) / 10;
  return { count: sorted.length, p50: r(percentile(sorted, 50)), p95: r(percentile(sorted, 95)), p99: r(percentile(sorted, 99)), max: r(sorted[sorted.length - 1] ?? NaN) };
}

const self = fileURLToPath(import.meta.url);

/** Runs one load in a separate Node process and returns its figures. */
export function runLoad(spec: LoadSpec): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", self], { stdio: ["pipe", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString()));
    child.stderr.on("data", (c: Buffer) => (err += c.toString()));
    child.on("error", reject);
    child.on("exit", (code) => {
      const line = out.trim().split("\n").pop() ?? "";
      try {
        if (code !== 0) throw new Error(`exit code ${code}`);
        resolve(JSON.parse(line) as LoadResult);
      } catch (error) {
        reject(new Error(`load generator failed (${String(error)}):\n${err.slice(0, 2000)}\n${out.slice(0, 500)}`));
      }
    });
    child.stdin.end(JSON.stringify(spec));
  });
}

async function worker(spec: LoadSpec): Promise<LoadResult> {
  const { default: autocannon } = await import("autocannon");
  const cookies = spec.cookies ?? [];
  let next = 0;
  const requestsOf = (k: number) => {
    const headers = cookies.length ? { cookie: cookies[k % cookies.length]! } : undefined;
    const list = spec.paths.map((p) => ({ method: "GET", path: p, ...(headers ? { headers } : {}) }));
    const shift = spec.rotate ? k % list.length : 0;
    return [...list.slice(shift), ...list.slice(0, shift)];
  };
  const instance = autocannon({
    url: spec.url,
    connections: spec.connections,
    duration: spec.durationSeconds,
    timeout: spec.timeoutSeconds ?? 10,
    requests: requestsOf(0),
    // Called once per connection: its own session cookie and its own starting page.
    setupClient: (client) => client.setRequests(requestsOf(next++)),
  });
  const all: number[] = [];
  const byPath = new Map<string, { times: number[]; codes: Record<string, number> }>();
  instance.on("response", (client, statusCode, _bytes, responseTime) => {
    all.push(responseTime);
    // autocannon moves to the next request only after this event: currentRequest is the one answered.
    const p = client.requestIterator.currentRequest.path ?? "?";
    let entry = byPath.get(p);
    if (!entry) byPath.set(p, (entry = { times: [], codes: {} }));
    entry.times.push(responseTime);
    entry.codes[statusCode] = (entry.codes[statusCode] ?? 0) + 1;
  });
  const result = await instance;
  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count]));
  const badStatus = Object.entries(statusCodes)
    .filter(([code]) => Number(code) < 200 || Number(code) >= 400)
    .reduce((sum, [, n]) => sum + n, 0);
  return {
    connections: spec.connections,
    durationSeconds: result.duration,
    requestsPerSecond: result.requests.average,
    responses: all.length,
    latency: stats(all),
    perPath: Object.fromEntries([...byPath].map(([p, e]) => [p, { ...stats(e.times), statusCodes: e.codes }])),
    statusCodes,
    badStatus,
    socketErrors: result.errors,
    timeouts: result.timeouts,
    errors: badStatus + result.errors,
  };
}

if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {
  let input = "";
  process.stdin.on("data", (c: Buffer) => (input += c.toString()));
  process.stdin.on("end", () => {
    worker(JSON.parse(input) as LoadSpec).then(
      (r) => process.stdout.write(`${JSON.stringify(r)}\n`),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
