import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import pg from "pg";
import { createTestDatabase, testConfig } from "../../../tests/support/test-db.ts";
import { openPostgres, type Database, type DatabaseHandle } from "../db/client.server.ts";
import { enqueueJob } from "./enqueue-job.server.ts";
import { backoffMs, startJobRunner, type JobHandlers } from "./runner.server.ts";
import { job } from "./tables.ts";

let handle: DatabaseHandle;
const config = testConfig();

beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => {
  await handle.close();
});
beforeEach(async () => {
  await handle.db.delete(job);
});

async function jobRow(db: Database, id: string) {
  const [row] = await db.select().from(job).where(eq(job.id, id));
  if (!row) throw new Error("job row missing");
  return row;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** 30 jobs, two runners draining at once: every handler call is counted. */
async function provesOnceOnly(dbA: Database, dbB: Database, enqueueOn: Database) {
  const calls = new Map<number, string[]>();
  const handlerFor =
    (runner: string): JobHandlers["x"] =>
    async (payload) => {
      const n = payload.n as number;
      calls.set(n, [...(calls.get(n) ?? []), runner]);
      await pause(2); // lets the other runner claim in between
    };
  for (let n = 0; n < 30; n++) await enqueueJob(enqueueOn, "test.count", { n });
  const a = startJobRunner({ db: dbA, config, handlers: { "test.count": handlerFor("a") }, autoStart: false, workerId: "a" });
  const b = startJobRunner({ db: dbB, config, handlers: { "test.count": handlerFor("b") }, autoStart: false, workerId: "b" });
  const [ranA, ranB] = await Promise.all([a.runOnce(), b.runOnce()]);
  expect(ranA + ranB).toBe(30);
  expect(calls.size).toBe(30);
  for (const runners of calls.values()) expect(runners).toHaveLength(1);
  const rows = await enqueueOn.select({ status: job.status, attempts: job.attempts }).from(job).where(eq(job.name, "test.count"));
  expect(rows.filter((r) => r.status === "done" && r.attempts === 1)).toHaveLength(30);
  return { ranA, ranB };
}

describe("job runner", () => {
  it("runs a queued job once and marks it done", async () => {
    const seen: unknown[] = [];
    const id = await enqueueJob(handle.db, "test.echo", { hello: "world" });
    const runner = startJobRunner({
      db: handle.db,
      config,
      autoStart: false,
      handlers: { "test.echo": async (payload, ctx) => void seen.push([payload, ctx.jobId, ctx.attempt]) },
    });
    expect(await runner.runOnce()).toBe(1);
    expect(await runner.runOnce()).toBe(0);
    expect(seen).toEqual([[{ hello: "world" }, id, 1]]);
    const row = await jobRow(handle.db, id!);
    expect(row.status).toBe("done");
    expect(row.completedAt).toBeInstanceOf(Date);
    expect(row.lockedBy).toBeNull();
  });

  it("does not run a job before its time", async () => {
    let now = new Date();
    const id = await enqueueJob(handle.db, "test.later", {}, { runAt: new Date(now.getTime() + 60_000) });
    let ran = 0;
    const runner = startJobRunner({
      db: handle.db,
      config,
      autoStart: false,
      now: () => now,
      handlers: { "test.later": async () => void ran++ },
    });
    expect(await runner.runOnce()).toBe(0);
    now = new Date(now.getTime() + 61_000);
    expect(await runner.runOnce()).toBe(1);
    expect(ran).toBe(1);
    expect((await jobRow(handle.db, id!)).status).toBe("done");
  });

  it("retries a failing job with growing delays, then marks it failed with the error", async () => {
    let now = new Date();
    // Due exactly at the injected clock: a real-clock default could land a millisecond after it.
    const id = await enqueueJob(handle.db, "test.flaky", {}, { maxAttempts: 3, runAt: now });
    const attempts: Array<[number, boolean]> = [];
    const runner = startJobRunner({
      db: handle.db,
      config,
      autoStart: false,
      now: () => now,
      log: { error: () => {}, warn: () => {} },
      handlers: {
        "test.flaky": async (_p, ctx) => {
          attempts.push([ctx.attempt, ctx.isLastAttempt]);
          throw new Error(`boom ${ctx.attempt}`);
        },
      },
    });
    expect(await runner.runOnce()).toBe(1);
    let row = await jobRow(handle.db, id!);
    expect(row.status).toBe("queued");
    expect(row.attempts).toBe(1);
    expect(row.lastError).toContain("boom 1");
    expect(row.runAt.getTime()).toBe(now.getTime() + backoffMs(1));

    expect(await runner.runOnce()).toBe(0); // not yet due
    now = new Date(now.getTime() + backoffMs(1));
    expect(await runner.runOnce()).toBe(1);
    row = await jobRow(handle.db, id!);
    expect(row.runAt.getTime()).toBe(now.getTime() + backoffMs(2));
    expect(backoffMs(2)).toBeGreaterThan(backoffMs(1));

    now = new Date(now.getTime() + backoffMs(2));
    expect(await runner.runOnce()).toBe(1);
    row = await jobRow(handle.db, id!);
    expect(row.status).toBe("failed");
    expect(row.attempts).toBe(3);
    expect(row.lastError).toContain("boom 3");
    expect(attempts).toEqual([
      [1, false],
      [2, false],
      [3, true],
    ]);
    now = new Date(now.getTime() + 24 * 3600_000);
    expect(await runner.runOnce()).toBe(0);
  });

  it("takes over a job left running by a process that died", async () => {
    const now = new Date();
    const [crashed] = await handle.db
      .insert(job)
      .values({
        name: "test.resume",
        status: "running",
        attempts: 1,
        lockedBy: "dead-process",
        lockedUntil: new Date(now.getTime() - 1000),
      })
      .returning({ id: job.id });
    const [alive] = await handle.db
      .insert(job)
      .values({
        name: "test.resume",
        status: "running",
        attempts: 1,
        lockedBy: "busy-process",
        lockedUntil: new Date(now.getTime() + 60_000),
      })
      .returning({ id: job.id });
    const ran: string[] = [];
    const runner = startJobRunner({
      db: handle.db,
      config,
      autoStart: false,
      handlers: { "test.resume": async (_p, ctx) => void ran.push(ctx.jobId) },
    });
    expect(await runner.runOnce()).toBe(1);
    expect(ran).toEqual([crashed!.id]);
    expect((await jobRow(handle.db, crashed!.id)).attempts).toBe(2);
    expect((await jobRow(handle.db, alive!.id)).status).toBe("running");
  });

  it("fails a job that has no handler after its attempts", async () => {
    const id = await enqueueJob(handle.db, "test.unknown", {}, { maxAttempts: 1 });
    const runner = startJobRunner({ db: handle.db, config, autoStart: false, handlers: {}, log: { error: () => {}, warn: () => {} } });
    await runner.runOnce();
    const row = await jobRow(handle.db, id!);
    expect(row.status).toBe("failed");
    expect(row.lastError).toContain('no handler for job "test.unknown"');
  });

  it("polls by itself, runs at once when woken, and stop() waits for the running job", async () => {
    const done: string[] = [];
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const runner = startJobRunner({
      db: handle.db,
      config,
      pollMs: 60_000,
      handlers: {
        "test.quick": async (payload) => void done.push(payload.tag as string),
        "test.slow": async () => {
          await gate;
          done.push("slow");
        },
      },
    });
    await pause(100); // first poll found nothing; the next one is a minute away
    await enqueueJob(handle.db, "test.quick", { tag: "woken" });
    runner.wake();
    await expect.poll(() => done, { timeout: 5000 }).toEqual(["woken"]);

    await enqueueJob(handle.db, "test.slow");
    runner.wake();
    await expect
      .poll(async () => (await handle.db.select({ s: job.status }).from(job).where(eq(job.name, "test.slow")))[0]?.s)
      .toBe("running");
    let stopped = false;
    const stopping = runner.stop().then(() => (stopped = true));
    await pause(50);
    expect(stopped).toBe(false); // still waiting for the slow job
    release();
    await stopping;
    expect(done).toEqual(["woken", "slow"]);
    const [slow] = await handle.db.select({ s: job.status }).from(job).where(eq(job.name, "test.slow"));
    expect(slow?.s).toBe("done");
  });

  it("runs each of 30 jobs exactly once with two runners on the same database", async () => {
    await provesOnceOnly(handle.db, handle.db, handle.db);
  });
});

/** Two separate pools: what two app processes on one PostgreSQL look like. */
describe.skipIf(!process.env.DATABASE_URL)("job runner on PostgreSQL, two processes", () => {
  const baseUrl = process.env.DATABASE_URL ?? "";
  const name = `filet_jobs_${randomUUID().replace(/-/g, "").slice(0, 12)}`;
  let first: DatabaseHandle;
  let second: DatabaseHandle;

  async function admin(statement: string) {
    const client = new pg.Client({ connectionString: baseUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  }

  beforeAll(async () => {
    await admin(`create database ${name}`);
    const url = new URL(baseUrl);
    url.pathname = `/${name}`;
    first = await openPostgres(url.toString(), 4);
    second = await openPostgres(url.toString(), 4);
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
    await admin(`drop database if exists ${name} with (force)`);
  });

  it("runs each of 30 jobs exactly once, and both pools take a share", async () => {
    const { ranA, ranB } = await provesOnceOnly(first.db, second.db, first.db);
    expect(ranA).toBeGreaterThan(0);
    expect(ranB).toBeGreaterThan(0);
    const [{ n } = { n: 0 }] = (
      (await first.db.execute(sql`select count(distinct locked_by)::int as n from job`)) as unknown as { rows: { n: number }[] }
    ).rows;
    expect(n).toBe(0); // claims are released once done
  });
});
