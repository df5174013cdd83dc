import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { execFileSync } from "node:child_process";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { root, startFiletProcess, type RunningServer } from "../e2e/server-process.ts";

/**
 * Two app processes on one PostgreSQL database, as behind a load balancer: a session opened on
 * one must work on the other, and a sign-out on either must end it everywhere. Proves the app
 * keeps nothing in memory that matters.
 */
const databaseUrl = process.env.DATABASE_URL;
const EMAIL = "intervenant.ecole@filet.test";
const PASSWORD = "demo-filet-2026";

describe.skipIf(!databaseUrl)("two app processes on one PostgreSQL database", () => {
  const dbName = `filet_two_${randomUUID().replace(/-/g, "").slice(0, 12)}`;
  const servers: RunningServer[] = [];
  const dataDirs: string[] = [];
  let a: RunningServer;
  let b: RunningServer;
  let scopedUrl: string;

  async function admin<T>(fn: (client: pg.Client) => Promise<T>, url = databaseUrl!): Promise<T> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  }

  function start(env: Record<string, string>, name: string) {
    // Each process gets its own (unused) data folder: only PostgreSQL is shared.
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `filet-${name}-`));
    dataDirs.push(dataDir);
    fs.mkdirSync(path.join(root, "test-results"), { recursive: true });
    // No demo identity provider: it would take PORT+1, which another process of this run may have been given.
    return startFiletProcess(
      { DATABASE_URL: scopedUrl, FILET_DATA_DIR: dataDir, FILET_SECRET_KEY: "two-processes-share-one-secret-key-0123456789", FILET_DEMO_IDP: "0", ...env },
      { logFile: path.join(root, "test-results", `pg-${name}.log`) },
    ).then((server) => {
      servers.push(server);
      return server;
    });
  }

  beforeAll(async () => {
    if (!fs.existsSync(path.join(root, "build", "server", "index.js"))) {
      execFileSync(path.join(root, "node_modules", ".bin", "react-router"), ["build"], { cwd: root, stdio: "inherit" });
    }
    await admin((c) => c.query(`create database ${dbName}`));
    const url = new URL(databaseUrl!);
    url.pathname = `/${dbName}`;
    scopedUrl = url.toString();
    // A migrates and seeds the demo; B starts on the same database afterwards and seeds nothing.
    a = await start({ FILET_DEMO: "1" }, "a");
    b = await start({}, "b");
  });

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    for (const dir of dataDirs) fs.rmSync(dir, { recursive: true, force: true });
    await admin((c) => c.query(`drop database if exists ${dbName} with (force)`));
  });

  function sessionCookie(response: Response): string {
    const cookies = response.headers.getSetCookie();
    const session = cookies.map((c) => c.split(";")[0]!).find((c) => /^(__Host-)?filet_session=./.test(c));
    if (!session) throw new Error(`no session cookie in ${JSON.stringify(cookies)} (status ${response.status})`);
    return session;
  }

  async function home(server: RunningServer, cookie: string): Promise<string> {
    const response = await fetch(`${server.url}/`, { headers: { cookie }, redirect: "manual" });
    expect(response.status).toBe(200);
    return decodeEntities(await response.text());
  }

  it("serves a session opened on A from B, and a sign-out on B ends it on A", async () => {
    const givenName = await admin(
      async (c) =>
        (
          await c.query<{ given_name: string }>(
            "select p.given_name from account a join person p on p.id = a.person_id where a.email = $1",
            [EMAIL],
          )
        ).rows[0]?.given_name,
      scopedUrl,
    );
    expect(givenName, "demo worker account seeded by process A").toBeTruthy();

    const login = await fetch(`${a.url}/login`, {
      method: "POST",
      redirect: "manual",
      headers: { origin: a.url, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email: EMAIL, password: PASSWORD }),
    });
    expect(login.status, "sign-in on A redirects").toBeGreaterThanOrEqual(300);
    expect(login.status).toBeLessThan(400);
    const cookie = sessionCookie(login);

    // The anonymous home page does not show the name: seeing it proves B knows the session.
    expect(await home(b, "")).not.toContain(givenName!);
    const onB = await home(b, cookie);
    expect(onB).toContain(givenName!);
    expect(onB).toContain('action="/logout"');
    expect(await home(a, cookie)).toContain(givenName!);

    const logout = await fetch(`${b.url}/logout`, {
      method: "POST",
      redirect: "manual",
      headers: { origin: b.url, cookie, "content-type": "application/x-www-form-urlencoded" },
      body: "",
    });
    expect(logout.status).toBeGreaterThanOrEqual(300);
    expect(logout.status).toBeLessThan(400);

    const afterOnA = await home(a, cookie);
    expect(afterOnA).not.toContain(givenName!);
    expect(afterOnA).not.toContain('action="/logout"');
    const profile = await fetch(`${a.url}/profile`, { headers: { cookie }, redirect: "manual" });
    expect(profile.status, "a protected page on A sends the signed-out cookie to sign-in").toBe(302);
    expect(profile.headers.get("location") ?? "").toMatch(/^\/login/);
  });

  it("refuses a cross-origin POST on either process", async () => {
    for (const server of [a, b]) {
      const response = await fetch(`${server.url}/login`, {
        method: "POST",
        redirect: "manual",
        headers: { origin: "https://evil.example", "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ email: EMAIL, password: PASSWORD }),
      });
      expect(response.status).toBe(403);
    }
  });
});

function decodeEntities(html: string): string {
  return html
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}
