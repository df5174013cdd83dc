#!/usr/bin/env node
// Reads the counts out of Vitest's JSON reports (`--reporter=json --outputFile.json=…`).
// As a command: `node scripts/vitest-counts.mjs a.json b.json` prints "N passed, N failed".
import fs from "node:fs";

/** @returns {{ passed: number, failed: number } | null} null when the report is missing or unreadable. */
export function readVitestCounts(file) {
  try {
    const report = JSON.parse(fs.readFileSync(file, "utf8"));
    const failedTests = Number(report.numFailedTests ?? 0);
    // A file that fails to load has no failed test, only a failed suite: count it anyway.
    const failed = failedTests || Number(report.numFailedTestSuites ?? 0);
    return { passed: Number(report.numPassedTests ?? 0), failed };
  } catch {
    return null;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  let passed = 0;
  let failed = 0;
  for (const file of process.argv.slice(2)) {
    const counts = readVitestCounts(file);
    if (counts) {
      passed += counts.passed;
      failed += counts.failed;
    }
  }
  console.log(`${passed} passed, ${failed} failed`);
}
