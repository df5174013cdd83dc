#!/usr/bin/env node
// Browser tests run on the distribution's Chromium, never on a downloaded build: it is the
// browser the machine keeps patched, and CI must not fetch executables from elsewhere.
import fs from "node:fs";
import { spawnSync } from "node:child_process";

export const DEFAULT_CHROMIUM = "/usr/bin/chromium";

export function chromiumPath() {
  return process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM;
}

function isExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function run(command, args) {
  console.log(`$ ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, {
    stdio: "inherit",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  return result.status === 0;
}

export function ensureChromium() {
  const file = chromiumPath();
  if (isExecutable(file)) return file;

  if (process.env.CHROMIUM_PATH) {
    console.error(`CHROMIUM_PATH=${file} is not an executable file.`);
    process.exit(1);
  }
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (!isRoot) {
    console.error("Chromium is needed for the browser tests and is not installed. Install it with:");
    console.error("");
    console.error("    sudo apt-get install -y chromium");
    console.error("");
    process.exit(1);
  }
  console.log("Chromium is missing: installing Debian's chromium package…");
  if (!run("apt-get", ["update"]) || !run("apt-get", ["install", "-y", "chromium"])) {
    console.error("Installing chromium with apt-get failed.");
    process.exit(1);
  }
  if (!isExecutable(file)) {
    console.error(`apt-get finished but ${file} is still missing.`);
    process.exit(1);
  }
  return file;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = ensureChromium();
  console.log(`Chromium: ${file}`);
}
