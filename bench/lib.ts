/**
 * Shared pieces of the benchmarks: environment options, percentiles, budget lines (✔/✘),
 * result files, temporary PostgreSQL databases and the build check.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { root } from "../tests/e2e/server-process.ts";

export { root };

/** A number from the environment; unset or empty gives the fallback. */
export function envNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const v = Number(raw);
  if (!Number.isFinite(v)) throw new Error(`${name}=${raw}: a number was expected`);
  return v;
}

/** A comma-separated list from the environment. */
export function envList(name: string, fallback: string): string[] {
  return (process.env[name] ?? fallback)
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, i)]!;
}

export function median(values: number[]): number {
  return percentile([...values].sort((a, b) => a - b), 50);
}

export const ms = (n: number) => `${n.toFixed(2)} ms`;
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export interface BudgetCheck {
  ok: boolean;
  /** What is measured, e.g. "/login throughput (PGlite)". */
  what: string;
  /** The measured figure, as printed. */
  measured: string;
  /** The budget, as printed, e.g. "≥ 0.10×". */
  budget: string;
  /** Raw values for the JSON file. */
  value: number;
  limit: number;
}

const checks: BudgetCheck[] = [];

/**
 * Records and prints one budget line: `✘ /login throughput 0.019× /healthz (budget ≥ 0.10×)`.
 * `atMost`: the value must not exceed the limit; otherwise it must reach it. `failure` (e.g.
 * "3 errors") fails the line whatever the value and is printed with it.
 */
export function budget(input: {
  what: string;
  value: number;
  limit: number;
  atMost: boolean;
  format: (n: number) => string;
  formatLimit?: (n: number) => string;
  /** Printed after the figure, e.g. " /healthz". */
  unit?: string;
  failure?: string;
  note?: string;
}): BudgetCheck {
  const within = Number.isFinite(input.value) && (input.atMost ? input.value <= input.limit : input.value >= input.limit);
  const unit = input.unit ?? "";
  const check: BudgetCheck = {
    ok: within && !input.failure,
    what: input.what,
    measured: `${input.format(input.value)}${unit}${input.failure ? `, ${input.failure}` : ""}`,
    budget: `${input.atMost ? "≤" : "≥"} ${(input.formatLimit ?? input.format)(input.limit)}`,
    value: input.value,
    limit: input.limit,
  };
  checks.push(check);
  console.log(`  ${formatCheck(check)}${input.note ? `  — ${input.note}` : ""}`);
  return check;
}

export function formatCheck(c: BudgetCheck): string {
  return `${c.ok ? "✔" : "✘"} ${c.what} ${c.measured} (budget ${c.budget})`;
}

export function allChecks(): readonly BudgetCheck[] {
  return checks;
}

export function machine() {
  return {
    cpus: os.cpus().length,
    cpu: os.cpus()[0]?.model,
    node: process.version,
    loadAverage: os.loadavg(),
    at: new Date().toISOString(),
  };
}

/** Writes bench/results/<name>-<date>.json (the folder is git-ignored) and returns its path. */
export function writeResult(name: string, data: unknown): string {
  const out = path.join(root, "bench", "results");
  fs.mkdirSync(out, { recursive: true });
  const file = path.join(out, `${name}-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  fs.writeFileSync(file, JSON.stringify({ machine: machine(), ...(data as object) }, null, 2));
  console.log(`  results written to ${path.relative(root, file)}`);
  return file;
}

/** A fresh PostgreSQL database on the server of DATABASE_URL, dropped by `drop()`. */
export async function createTempDatabase(base: string, prefix = "filet_bench"): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${randomUUID().replace(/-/g, "").slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** Builds the application when there is no build yet (the benchmarks measure a build, as deployed). */
export function ensureBuild(): void {
  if (fs.existsSync(path.join(root, "build", "server", "index.js"))) return;
  console.log("  building the application (no build found)…");
  execFileSync(path.join(root, "node_modules", ".bin", "react-router"), ["build"], { cwd: root, stdio: "inherit" });
}
