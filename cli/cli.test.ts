import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { openPglite } from "../app/modules/db/client.server.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const work = fs.mkdtempSync(path.join(os.tmpdir(), "filet-cli-"));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The environment of an operator's shell: embedded database in `dataDir`, nothing else set. */
function cliEnv(dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, FILET_DATA_DIR: dataDir, ...extra };
  delete env.DATABASE_URL;
  delete env.FILET_ADMIN_PASSWORD;
  Object.assign(env, extra);
  return env;
}

function filet(args: string[], env: NodeJS.ProcessEnv): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, "bin", "filet.js"), ...args], {
      cwd: root,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

const dataDir = path.join(work, "data");
const adminPassword = "une phrase de passe assez longue";

describe("filet CLI", () => {
  it("lists its commands in --help", async () => {
    const out = await filet(["--help"], cliEnv(dataDir));
    expect(out.code).toBe(0);
    for (const command of ["start", "migrate", "seed-demo", "create-admin", "audit-verify"]) {
      expect(out.stdout).toMatch(new RegExp(`^\\s+${command}\\b`, "m"));
    }
    const start = await filet(["start", "--help"], cliEnv(dataDir));
    expect(start.stdout).toContain("--port");
    expect(start.stdout).toContain("--build-if-missing");
  });

  it("stops on a wrong setting with a message naming the variable, without a stack", async () => {
    const out = await filet(["start"], cliEnv(path.join(work, "never-created"), { PORT: "abc" }));
    expect(out.code).toBe(1);
    expect(out.stderr).toContain('PORT="abc": expected a port number');
    expect(out.stderr).not.toMatch(/\bat .*\.ts:\d+/);
    expect(fs.existsSync(path.join(work, "never-created"))).toBe(false);
  });

  it("migrates a new embedded database and exits", async () => {
    const out = await filet(["migrate"], cliEnv(dataDir));
    expect(out.stderr).toBe("");
    expect(out.code).toBe(0);
    expect(out.stdout).toContain("Migrations applied");
    expect(fs.existsSync(path.join(dataDir, "pgdata"))).toBe(true);
    expect(fs.existsSync(path.join(dataDir, "filet.lock")), "the folder is released on exit").toBe(false);
  }, 90_000);

  it("creates an administrator, audited, and audit-verify finds the chain intact", async () => {
    const refused = await filet(
      ["create-admin", "--email", "chef@example.test", "--given-name", "Chloé", "--family-name", "Admin"],
      cliEnv(dataDir, { FILET_ADMIN_PASSWORD: "trop court" }),
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("at least 12 characters");

    const noPassword = await filet(
      ["create-admin", "--email", "chef@example.test", "--given-name", "Chloé", "--family-name", "Admin"],
      cliEnv(dataDir),
    );
    expect(noPassword.code).toBe(1);
    expect(noPassword.stderr).toContain("FILET_ADMIN_PASSWORD");

    const created = await filet(
      ["create-admin", "--email", "Chef@Example.test", "--given-name", "Chloé", "--family-name", "Admin"],
      cliEnv(dataDir, { FILET_ADMIN_PASSWORD: adminPassword }),
    );
    expect(created.stderr).toBe("");
    expect(created.code).toBe(0);
    expect(created.stdout).toContain("chef@example.test");

    const again = await filet(
      ["create-admin", "--email", "chef@example.test", "--given-name", "Chloé", "--family-name", "Admin"],
      cliEnv(dataDir, { FILET_ADMIN_PASSWORD: adminPassword }),
    );
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("already exists");

    const verify = await filet(["audit-verify"], cliEnv(dataDir));
    expect(verify.code).toBe(0);
    expect(verify.stdout.trim()).toBe("OK: 1 events");

    const handle = await openPglite(dataDir);
    try {
      const rows = (await handle.db.execute(sql`
        select a.status, r.role, p.partnership_id, e.action, e.request_id
          from account a join person p on p.id = a.person_id
          join role_assignment r on r.person_id = p.id
          join audit_event e on e.target_id = a.id::text
         where a.email = 'chef@example.test'`)) as unknown as { rows: Record<string, unknown>[] };
      expect(rows.rows).toEqual([
        { status: "active", role: "platform_admin", partnership_id: null, action: "account.admin_created", request_id: "cli" },
      ]);
    } finally {
      await handle.close();
    }
  }, 120_000);

  it("seeds the demo into a database without Tables, and refuses a second time", async () => {
    const seeded = await filet(["seed-demo"], cliEnv(dataDir));
    expect(seeded.stderr).toBe("");
    expect(seeded.code).toBe(0);
    expect(seeded.stdout).toContain("coordination@filet.test");
    expect(seeded.stdout).toContain("demo-filet-2026");

    const refused = await filet(["seed-demo"], cliEnv(dataDir));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/Refusing to seed the demo: the database already has 2 Table\(s\)/);
  }, 120_000);

  it("names every altered audit event, and only those", async () => {
    const handle = await openPglite(dataDir);
    try {
      // Only an attacker with direct database access can do this: the trigger stops the app.
      await handle.db.execute(sql`alter table audit_event disable trigger audit_event_no_update`);
      await handle.db.execute(sql`update audit_event set details = '{"forged": true}'::jsonb where id in (2, 4)`);
      await handle.db.execute(sql`alter table audit_event enable trigger audit_event_no_update`);
    } finally {
      await handle.close();
    }
    const out = await filet(["audit-verify"], cliEnv(dataDir));
    expect(out.code).toBe(1);
    expect(out.stdout.trim().split("\n")).toEqual([
      "BROKEN at event #2 (hash mismatch: the row was altered)",
      "BROKEN at event #4 (hash mismatch: the row was altered)",
    ]);
  }, 60_000);

  it("refuses to open a data folder another process holds", async () => {
    let holder: ChildProcess | undefined;
    try {
      holder = spawn(process.execPath, ["--import", "tsx", path.join(root, "cli", "fixtures", "hold-data-dir.ts"), dataDir], {
        cwd: root,
        env: cliEnv(dataDir),
        stdio: ["ignore", "pipe", "inherit"],
      });
      await new Promise<void>((resolve, reject) => {
        holder!.stdout!.on("data", (d: Buffer) => d.toString().includes("ready") && resolve());
        holder!.on("exit", (code) => reject(new Error(`holder exited with ${code}`)));
      });
      const out = await filet(["migrate"], cliEnv(dataDir));
      expect(out.code).toBe(1);
      expect(out.stderr).toContain(`is already open in process ${holder.pid}`);
      expect(out.stderr).toContain("PGlite allows one process at a time");
      expect(out.stderr).not.toMatch(/\bat .*\.ts:\d+/);
    } finally {
      if (holder && holder.exitCode === null) {
        const exited = new Promise((resolve) => holder!.once("exit", resolve));
        holder.kill("SIGTERM");
        await exited;
      }
    }
    // Once the holder is gone, the folder opens again.
    const after = await filet(["audit-verify"], cliEnv(dataDir));
    expect(after.stdout).toContain("BROKEN at event #2");
  }, 90_000);
});
