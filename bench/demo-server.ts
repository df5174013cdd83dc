/**
 * The app started as deployed (`node bin/filet.js start`, NODE_ENV=production, jobs off) on the
 * demo data (FILET_DEMO=1), on a fresh PGlite folder or a fresh PostgreSQL database, with the
 * helpers the page benchmarks need: sign-in through POST /login, a demo meeting's id.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { startFiletProcess, type RunningServer } from "../tests/e2e/server-process.ts";
import { createTempDatabase, ensureBuild } from "./lib.ts";

export type Backend = "pglite" | "postgres";

export const DEMO_COORDINATOR = "coordination@filet.test";
export const DEMO_PASSWORD = "demo-filet-2026";

export interface DemoServer {
  backend: Backend;
  /** Base URL, http://localhost:<port>: also the trusted origin of POST requests. */
  url: string;
  server: RunningServer;
  /** Signs in through POST /login and returns the Cookie header a browser would send next. */
  signIn: (email?: string) => Promise<string>;
  stop: () => Promise<void>;
}

export async function startDemoServer(backend: Backend): Promise<DemoServer> {
  ensureBuild();
  let env: Record<string, string>;
  let cleanup: () => Promise<void>;
  if (backend === "pglite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "filet-bench-demo-"));
    env = { FILET_DATA_DIR: dir };
    cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
  } else {
    const base = process.env.DATABASE_URL;
    if (!base) throw new Error("DATABASE_URL is needed for the PostgreSQL part");
    const temp = await createTempDatabase(base, "filet_bench_demo");
    env = { DATABASE_URL: temp.url };
    cleanup = temp.drop;
  }
  let server: RunningServer;
  try {
    // Production mode, as deployed (React's production build, __Host- cookies); jobs off so the
    // runner does not compete with the measured requests.
    server = await startFiletProcess(
      { ...env, NODE_ENV: "production", FILET_SECRET_KEY: randomUUID() + randomUUID(), FILET_DEMO: "1", FILET_JOBS: "0" },
      { timeoutMs: 300_000 },
    );
  } catch (error) {
    await cleanup();
    throw error;
  }
  // The public URL: a POST is accepted only when its Origin and Host are the installation's.
  const url = server.url;

  const signIn = async (email = DEMO_COORDINATOR) => {
    const res = await fetch(`${url}/login`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: url },
      body: new URLSearchParams({ email, password: DEMO_PASSWORD, redirectTo: "/" }).toString(),
    });
    const cookies = res.headers.getSetCookie().map((c) => c.split(";")[0]!);
    if (res.status !== 302 && res.status !== 303) throw new Error(`POST /login as ${email} answered ${res.status}`);
    if (!cookies.some((c) => c.includes("filet_session="))) throw new Error(`POST /login as ${email}: no session cookie`);
    return cookies.join("; ");
  };

  return {
    backend,
    url,
    server,
    signIn,
    stop: async () => {
      await server.stop();
      await cleanup();
    },
  };
}

/** The id of a demo meeting, read from the /meetings page as a browser would follow the link. */
export async function demoMeetingId(url: string, cookie: string): Promise<string> {
  const res = await fetch(`${url}/meetings`, { headers: { cookie } });
  const html = await res.text();
  const id = /href="\/meetings\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})"/.exec(html)?.[1];
  if (res.status !== 200 || !id) throw new Error(`/meetings answered ${res.status} without a meeting link`);
  return id;
}

/** Fetches each path once with the cookie and throws unless every one answers 200. */
export async function expectOk(url: string, cookie: string | null, paths: string[]): Promise<void> {
  for (const p of paths) {
    const res = await fetch(`${url}${p}`, { headers: cookie ? { cookie } : {}, redirect: "manual" });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${p} answered ${res.status}${cookie ? " (signed in)" : ""}: the benchmark would measure the wrong page`);
  }
}
