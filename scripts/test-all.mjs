#!/usr/bin/env node
// `npm test`: the whole suite, in the order that fails fastest. Each stage runs only if the
// previous one passed; the last line is a plain summary a CI log can be grepped for.
//
// Stages can be picked: `node scripts/test-all.mjs unit e2e` (default: all of them).
import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { readVitestCounts } from "./vitest-counts.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const results = path.join(root, "test-results");

/** Vitest writes its counts as JSON beside its usual console report, for the summary line. */
function vitest(project, jsonFile) {
  return [
    bin("vitest"),
    ["run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${jsonFile}`],
  ];
}

const stages = [
  {
    name: "lint",
    steps: [
      [bin("eslint"), [".", "--max-warnings=0"]],
      // No file import cycle (issue 10): module-pairs exits 1 on one.
      [process.execPath, [path.join(root, "scripts", "module-pairs.mjs")]],
    ],
  },
  {
    name: "typecheck",
    steps: [
      [bin("react-router"), ["typegen"]],
      [bin("tsc"), ["--noEmit"]],
    ],
  },
  { name: "unit", title: "unit and integration tests", json: "vitest-unit.json", steps: [vitest("unit", "test-results/vitest-unit.json")] },
  {
    name: "e2e",
    title: "browser tests",
    json: "vitest-e2e.json",
    steps: [
      [process.execPath, [path.join(root, "scripts", "ensure-chromium.mjs")]],
      [bin("react-router"), ["build"]],
      vitest("e2e", "test-results/vitest-e2e.json"),
    ],
  },
];

const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !stages.some((s) => s.name === w));
if (unknown.length) {
  console.error(`Unknown stage(s): ${unknown.join(", ")}. Stages: ${stages.map((s) => s.name).join(", ")}.`);
  process.exit(2);
}
const selected = wanted.length ? stages.filter((s) => wanted.includes(s.name)) : stages;

fs.mkdirSync(results, { recursive: true });
const started = Date.now();
const outcome = [];
let failedStage = null;
let passed = 0;
let failed = 0;

for (const stage of selected) {
  const heading = `${stage.name}${stage.title ? ` — ${stage.title}` : ""}`;
  console.log(`\n${"=".repeat(72)}\n▶ ${heading}\n${"=".repeat(72)}`);
  const t0 = Date.now();
  if (stage.json) fs.rmSync(path.join(results, stage.json), { force: true });
  let ok = true;
  for (const [command, args] of stage.steps) {
    console.log(`$ ${path.relative(root, command) || command} ${args.join(" ")}`);
    const run = spawnSync(command, args, { cwd: root, stdio: "inherit", env: process.env });
    if (run.status !== 0) {
      ok = false;
      break;
    }
  }
  if (stage.json) {
    const counts = readVitestCounts(path.join(results, stage.json));
    if (counts) {
      passed += counts.passed;
      failed += counts.failed;
    }
  }
  const seconds = ((Date.now() - t0) / 1000).toFixed(0);
  outcome.push(`${ok ? "✔" : "✘"} ${stage.name} (${seconds} s)`);
  console.log(`${ok ? "✔" : "✘"} ${heading}: ${ok ? "passed" : "FAILED"} in ${seconds} s`);
  if (!ok) {
    failedStage = stage.name;
    break;
  }
}

const skipped = selected.slice(outcome.length).map((s) => `- ${s.name} (not run)`);
const minutes = ((Date.now() - started) / 60000).toFixed(1);
console.log(`\n${"=".repeat(72)}`);
console.log([...outcome, ...skipped].join("\n"));
console.log(
  failedStage ? `FAILED at stage "${failedStage}" after ${minutes} min` : `All stages passed in ${minutes} min`,
);
console.log(`${passed} passed, ${failed} failed`);
fs.writeFileSync(
  path.join(results, "summary.json"),
  JSON.stringify({ passed, failed, failedStage, stages: outcome }, null, 2),
);
process.exit(failedStage ? 1 : 0);
