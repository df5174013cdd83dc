/**
 * Issue 10, budget 4: cold start of `npm start` on an existing build and an existing, already
 * seeded data folder (the embedded database, as `npm start` uses by default): time from the
 * spawn to the "Filet is listening" line, and to the first 200 of /healthz (polled every
 * 10 ms). Median of BENCH_COLD_RUNS (3) starts, each stopped with SIGTERM before the next (the
 * embedded database takes one process at a time). The same is measured for `node bin/filet.js
 * start` (no npm in between), for information. Environment as in the README's quick start:
 * NODE_ENV unset (development), jobs on; only FILET_DATA_DIR, PORT and HOST are set.
 *
 * Budget: ≤ 3 s to /healthz (median).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawn } from "node:child_process";
import { freePort, startFiletProcess } from "../tests/e2e/server-process.ts";
import { budget, ensureBuild, median, root } from "./lib.ts";

export const COLD_START_BUDGET_MS = 3000;

export interface StartTiming {
  listeningMs: number;
  healthzMs: number;
}

export interface ColdStartResult {
  runs: number;
  npmStart: StartTiming[];
  nodeStart: StartTiming[];
  median: { npmStart: StartTiming; nodeStart: StartTiming };
}

function cleanEnv(dataDir: string, port: number): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(DATABASE_URL|SMTP_URL|PORT|HOST|NODE_ENV|FILET_.*)$/.test(k)));
  return { ...env, FILET_DATA_DIR: dataDir, PORT: String(port), HOST: "127.0.0.1" };
}

const alive = (pid: number) => {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** One start: spawn in a process group of its own (npm starts node under it), time, stop the group. */
async function timeOneStart(command: string, args: string[], dataDir: string): Promise<StartTiming> {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(command, args, { cwd: root, env: cleanEnv(dataDir, port), stdio: ["ignore", "pipe", "pipe"], detached: true });
  const pid = child.pid!;
  let output = "";
  let listeningMs = NaN;
  const collect = (c: Buffer) => {
    output += c.toString();
    if (Number.isNaN(listeningMs) && /Filet is listening on/.test(output)) listeningMs = performance.now() - t0;
  };
  child.stdout.on("data", collect);
  child.stderr.on("data", collect);
  let healthzMs = NaN;
  try {
    const deadline = t0 + 60_000;
    while (performance.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`${command} ${args.join(" ")} exited (${child.exitCode}):\n${output}`);
      try {
        const res = await fetch(`http://127.0.0.1:${port}/healthz`);
        if (res.ok) {
          healthzMs = performance.now() - t0;
          break;
        }
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    if (Number.isNaN(healthzMs)) throw new Error(`no /healthz within 60 s:\n${output}`);
    // The line may arrive a moment after the first answer: wait for it (a few ms at most).
    for (let i = 0; i < 500 && Number.isNaN(listeningMs); i++) await new Promise((r) => setTimeout(r, 10));
    return { listeningMs, healthzMs };
  } finally {
    if (alive(pid)) process.kill(-pid, "SIGTERM");
    const stopBy = Date.now() + 20_000;
    while (alive(pid) && Date.now() < stopBy) await new Promise((r) => setTimeout(r, 50));
    if (alive(pid)) process.kill(-pid, "SIGKILL");
  }
}

export async function runColdStart(runs: number): Promise<ColdStartResult> {
  ensureBuild();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "filet-bench-cold-"));
  try {
    // Seed the folder once (demo data, migrations applied, secret key written), as a first `npm start` would.
    console.log("  seeding a data folder with the demo (first start, not measured)…");
    const first = await startFiletProcess({ FILET_DATA_DIR: dataDir, NODE_ENV: "development", FILET_DEMO: "1" }, { timeoutMs: 300_000 });
    await first.stop();

    const npmStart: StartTiming[] = [];
    const nodeStart: StartTiming[] = [];
    for (let i = 0; i < runs; i++) {
      npmStart.push(await timeOneStart("npm", ["start"], dataDir));
      nodeStart.push(await timeOneStart(process.execPath, [path.join(root, "bin", "filet.js"), "start"], dataDir));
      const n = npmStart[i]!;
      const d = nodeStart[i]!;
      console.log(
        `  run ${i + 1}: npm start → listening ${n.listeningMs.toFixed(0)} ms, /healthz ${n.healthzMs.toFixed(0)} ms;  node bin/filet.js start → listening ${d.listeningMs.toFixed(0)} ms, /healthz ${d.healthzMs.toFixed(0)} ms`,
      );
    }
    const med = (list: StartTiming[]): StartTiming => ({ listeningMs: median(list.map((t) => t.listeningMs)), healthzMs: median(list.map((t) => t.healthzMs)) });
    const result = { runs, npmStart, nodeStart, median: { npmStart: med(npmStart), nodeStart: med(nodeStart) } };
    console.log("");
    const seconds = (n: number) => `${(n / 1000).toFixed(2)} s`;
    budget({
      what: `cold start of npm start to /healthz (median of ${runs})`,
      value: result.median.npmStart.healthzMs,
      limit: COLD_START_BUDGET_MS,
      atMost: true,
      format: seconds,
      formatLimit: (n) => `${n / 1000} s`,
      note: `node bin/filet.js start: ${seconds(result.median.nodeStart.healthzMs)}`,
    });
    budget({
      what: `cold start of npm start to the "listening" line (median of ${runs})`,
      value: result.median.npmStart.listeningMs,
      limit: COLD_START_BUDGET_MS,
      atMost: true,
      format: seconds,
      formatLimit: (n) => `${n / 1000} s`,
      note: `node bin/filet.js start: ${seconds(result.median.nodeStart.listeningMs)}`,
    });
    return result;
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
