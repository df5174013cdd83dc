import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { execFileSync } from "node:child_process";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, root, startFiletProcess, type RunningServer } from "../e2e/server-process.ts";

/**
 * Crash safety on PostgreSQL: several clients create meetings while the app process is killed
 * with SIGKILL three times and restarted. A client whose request died retries with the SAME
 * submission key, as a browser re-sending the form would. Afterwards: the audit chain verifies,
 * every meeting has its audit event, and each key made exactly one meeting, the one its
 * answers pointed to.
 */
const databaseUrl = process.env.DATABASE_URL;
const PASSWORD = "demo-filet-2026";
const CLIENTS = ["coordination@filet.test", "coordination@filet.test", "coordination@filet.test", "coordination@filet.test"];
const KILLS = 3;

describe.skipIf(!databaseUrl)("SIGKILL during concurrent audited writes (PostgreSQL)", () => {
  const dbName = `filet_kill_${randomUUID().replace(/-/g, "").slice(0, 12)}`;
  let scopedUrl: string;
  let server: RunningServer | null = null;
  let port: number;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "filet-kill-"));

  async function query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    const client = new pg.Client({ connectionString: scopedUrl });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as T[];
    } finally {
      await client.end();
    }
  }

  // No demo identity provider: it would take PORT+1, which another process of this run may have been given.
  const start = async (demo: boolean) => {
    server = await startFiletProcess(
      { DATABASE_URL: scopedUrl, FILET_DATA_DIR: dataDir, FILET_SECRET_KEY: "kill-test-secret-key-0123456789-0123456789", PORT: String(port), FILET_DEMO_IDP: "0", ...(demo ? { FILET_DEMO: "1" } : {}) },
      { logFile: path.join(root, "test-results", "pg-kill.log") },
    );
    return server;
  };

  beforeAll(async () => {
    if (!fs.existsSync(path.join(root, "build", "server", "index.js"))) {
      execFileSync(path.join(root, "node_modules", ".bin", "react-router"), ["build"], { cwd: root, stdio: "inherit" });
    }
    fs.mkdirSync(path.join(root, "test-results"), { recursive: true });
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query(`create database ${dbName}`);
    await admin.end();
    const url = new URL(databaseUrl!);
    url.pathname = `/${dbName}`;
    scopedUrl = url.toString();
    port = await freePort();
    await start(true);
  }, 240_000);

  afterAll(async () => {
    if (server) await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${dbName} with (force)`);
    await admin.end();
  });

  const base = () => `http://localhost:${port}`;

  async function signIn(email: string): Promise<string> {
    const response = await fetch(`${base()}/login`, {
      method: "POST",
      redirect: "manual",
      headers: { origin: base(), "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email, password: PASSWORD }).toString(),
    });
    const session = response.headers
      .getSetCookie()
      .map((c) => c.split(";")[0]!)
      .find((c) => /^(__Host-)?filet_session=./.test(c));
    if (!session) throw new Error(`sign-in of ${email} failed: ${response.status}`);
    return session;
  }

  function meetingBody(key: string): string {
    return new URLSearchParams({
      _submission: key,
      title: `Crash test ${key}`,
      kind: "table",
      organizationId: "",
      day: "2027-05-04",
      startTime: "09:00",
      endTime: "10:00",
      place: "Salle du conseil",
      onlineUrl: "",
      objectives: "",
      templateId: "",
    }).toString();
  }

  it("keeps the chain, the audit events and one record per key through three kills", async () => {
    // One after the other: parallel sign-ins of one account from one address are a burst the
    // throttle counts before any password is checked (3 per account and IP), by design.
    const cookies: string[] = [];
    for (const email of CLIENTS) cookies.push(await signIn(email));
    const answers = new Map<string, Set<string>>();
    const retried = new Set<string>();
    let stop = false;

    const client = async (cookie: string) => {
      while (!stop) {
        const key = randomUUID();
        answers.set(key, new Set());
        // Retry the same key until one answer arrives (the process may be down for a while).
        for (let attempt = 0; attempt < 200; attempt++) {
          try {
            const response = await fetch(`${base()}/meetings/new`, {
              method: "POST",
              redirect: "manual",
              headers: { origin: base(), cookie, "content-type": "application/x-www-form-urlencoded" },
              body: meetingBody(key),
              signal: AbortSignal.timeout(10_000),
            });
            if (response.status === 302) {
              answers.get(key)!.add(response.headers.get("location") ?? "");
              // A retried key asks once more: the answer must be the same record.
              if (attempt > 0) retried.add(key);
              break;
            }
            throw new Error(`status ${response.status}`);
          } catch {
            await new Promise((r) => setTimeout(r, 100));
          }
        }
      }
    };

    const running = cookies.map(client);
    for (let kill = 0; kill < KILLS; kill++) {
      await new Promise((r) => setTimeout(r, 1500));
      server!.process.kill("SIGKILL");
      await new Promise<void>((resolve) => server!.process.once("exit", () => resolve()));
      await start(false);
    }
    await new Promise((r) => setTimeout(r, 1000));
    stop = true;
    await Promise.all(running);

    // Every key answered; retried keys asked again and got the same record.
    for (const key of retried) {
      const response = await fetch(`${base()}/meetings/new`, {
        method: "POST",
        redirect: "manual",
        headers: { origin: base(), cookie: cookies[0]!, "content-type": "application/x-www-form-urlencoded" },
        body: meetingBody(key),
      });
      answers.get(key)!.add(response.headers.get("location") ?? "");
    }
    const meetings = await query<{ id: string; title: string }>(`select id, title from meeting where title like 'Crash test %'`);
    const byTitle = new Map<string, string[]>();
    for (const m of meetings) byTitle.set(m.title, [...(byTitle.get(m.title) ?? []), m.id]);
    expect(meetings.length).toBeGreaterThan(10);
    for (const [title, ids] of byTitle) expect(ids, title).toHaveLength(1);
    for (const [key, locations] of answers) {
      if (!locations.size) continue;
      const ids = byTitle.get(`Crash test ${key}`);
      expect(ids, `key ${key} answered ${[...locations]}`).toBeDefined();
      expect([...locations].map((l) => l.split("?")[0]), `key ${key}`).toEqual([`/meetings/${ids![0]}`]);
    }
    // No meeting without its audit event, written in the same transaction.
    const orphans = await query<{ id: string }>(
      `select m.id from meeting m where m.title like 'Crash test %' and not exists (select 1 from audit_event a where a.target_id = m.id::text and a.action = 'meeting.created')`,
    );
    expect(orphans).toEqual([]);
    await server!.stop();
    server = null;
    const verify = execFileSync(process.execPath, [path.join(root, "bin", "filet.js"), "audit-verify"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: scopedUrl, FILET_DATA_DIR: dataDir, FILET_SECRET_KEY: "kill-test-secret-key-0123456789-0123456789" },
      encoding: "utf8",
    });
    expect(verify).toMatch(/^OK: \d+ events/m);
    console.log(`kill test: ${meetings.length} meetings, ${retried.size} retried keys, ${KILLS} kills`);
  }, 240_000);
});
