import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startMailbox } from "./mailbox.ts";
import { root, startFiletProcess } from "./server-process.ts";

/**
 * One server for the whole browser suite: the built app, a fresh embedded data folder, the
 * demo accounts. Test files share it, so each one uses its own accounts for what it changes.
 */
export default async function setup(project: TestProject) {
  if (!fs.existsSync(path.join(root, "build", "server", "index.js"))) {
    throw new Error("No build found: run `npx react-router build` first (npm test does it).");
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "filet-e2e-"));
  const results = path.join(root, "test-results");
  fs.mkdirSync(results, { recursive: true });
  // The recipients' mailboxes: links for their recipient only are read there (the outbox masks them).
  const mailDir = fs.mkdtempSync(path.join(os.tmpdir(), "filet-e2e-mail-"));
  const mailbox = await startMailbox(mailDir);
  const server = await startFiletProcess(
    { FILET_DATA_DIR: dataDir, FILET_DEMO: "1", SMTP_URL: mailbox.url },
    { logFile: path.join(results, "e2e-server.log") },
  ).catch(async (error: unknown) => {
    await mailbox.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(mailDir, { recursive: true, force: true });
    throw error;
  });
  project.provide("baseUrl", server.url);
  project.provide("mailDir", mailbox.dir);
  return async () => {
    await server.stop();
    await mailbox.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(mailDir, { recursive: true, force: true });
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    mailDir: string;
  }
}
