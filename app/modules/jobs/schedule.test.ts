import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createTestDatabase, testConfig } from "../../../tests/support/test-db.ts";
import type { DatabaseHandle } from "../db/client.server.ts";
import { account, loginAttempt, session } from "../identity/tables.ts";
import { person } from "../people/tables.ts";
import { jobHandlers, recurringJobs } from "../../../server/jobs.ts";
import { startJobRunner } from "./runner.server.ts";
import { enqueueDueRecurringJobs, nextOccurrence, parseSchedule, previousOccurrence } from "./schedule.server.ts";
import { job } from "./tables.ts";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => {
  await handle.close();
});
beforeEach(async () => {
  await handle.db.delete(job);
});

describe("schedule", () => {
  it("understands the few forms it accepts and rejects the rest", () => {
    expect(parseSchedule("every day at 03:00")).toEqual({ kind: "daily", hour: 3, minute: 0, timeZone: "America/Toronto" });
    expect(parseSchedule("every 15 minutes")).toEqual({ kind: "interval", minutes: 15 });
    expect(parseSchedule("every hour")).toEqual({ kind: "interval", minutes: 60 });
    expect(() => parseSchedule("at midnight")).toThrow(/Unsupported schedule/);
    expect(() => parseSchedule("every day at 24:00")).toThrow(/Unsupported schedule/);
  });

  it("places a daily run at the wall-clock time of Québec, summer and winter", () => {
    const daily = parseSchedule("every day at 03:00");
    // Winter (UTC-5): 03:00 in Québec is 08:00 UTC.
    expect(previousOccurrence(daily, new Date("2026-01-15T12:00:00Z")).toISOString()).toBe("2026-01-15T08:00:00.000Z");
    expect(previousOccurrence(daily, new Date("2026-01-15T07:59:00Z")).toISOString()).toBe("2026-01-14T08:00:00.000Z");
    expect(nextOccurrence(daily, new Date("2026-01-15T12:00:00Z")).toISOString()).toBe("2026-01-16T08:00:00.000Z");
    // Summer (UTC-4): 07:00 UTC.
    expect(previousOccurrence(daily, new Date("2026-07-01T07:00:00Z")).toISOString()).toBe("2026-07-01T07:00:00.000Z");
    // Across a month boundary.
    expect(previousOccurrence(daily, new Date("2026-03-01T05:00:00Z")).toISOString()).toBe("2026-02-28T08:00:00.000Z");
    // The night clocks spring forward (2026-03-08), 03:00 exists and is UTC-4.
    expect(nextOccurrence(daily, new Date("2026-03-08T05:00:00Z")).toISOString()).toBe("2026-03-08T07:00:00.000Z");
  });

  it("aligns intervals so every process computes the same period", () => {
    const every15 = parseSchedule("every 15 minutes");
    expect(previousOccurrence(every15, new Date("2026-05-01T10:44:59Z")).toISOString()).toBe("2026-05-01T10:30:00.000Z");
    expect(nextOccurrence(every15, new Date("2026-05-01T10:45:00Z")).toISOString()).toBe("2026-05-01T11:00:00.000Z");
  });

  it("enqueues a recurring job once per period, however many processes ask", async () => {
    const jobs = [{ name: "test.nightly", schedule: "every day at 03:00" }];
    const at = new Date("2026-05-01T12:00:00Z");
    // Three "processes", each with its own memory.
    const created = await Promise.all([1, 2, 3].map(() => enqueueDueRecurringJobs(handle.db, jobs, at, new Map())));
    expect(created.reduce((a, b) => a + b, 0)).toBe(1);
    const rows = await handle.db.select().from(job).where(eq(job.name, "test.nightly"));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.runAt.toISOString()).toBe("2026-05-01T07:00:00.000Z");

    // Done, then asked again the same day: still once.
    await handle.db.update(job).set({ status: "done", completedAt: at });
    expect(await enqueueDueRecurringJobs(handle.db, jobs, new Date("2026-05-01T20:00:00Z"), new Map())).toBe(0);
    // The next day is a new period.
    expect(await enqueueDueRecurringJobs(handle.db, jobs, new Date("2026-05-02T07:00:00Z"), new Map())).toBe(1);
    expect(await handle.db.select().from(job).where(eq(job.name, "test.nightly"))).toHaveLength(2);
  });
});

describe("housekeeping jobs", () => {
  it("registers sessions.purge and jobs.cleanup as daily jobs with handlers", () => {
    for (const recurring of recurringJobs) {
      expect(jobHandlers[recurring.name], recurring.name).toBeTypeOf("function");
      expect(() => parseSchedule(recurring.schedule), recurring.name).not.toThrow();
    }
    expect(parseSchedule("every day at 03:00").kind).toBe("daily");
    expect(recurringJobs.map((r) => r.name)).toEqual(expect.arrayContaining(["jobs.cleanup", "sessions.purge"]));
    expect(new Set(recurringJobs.map((r) => r.name)).size).toBe(recurringJobs.length);
    expect(jobHandlers["email.deliver"]).toBeTypeOf("function");
  });

  it("purges expired sessions, month-old sign-in attempts and month-old finished jobs", async () => {
    const now = new Date();
    const day = 24 * 3600_000;
    const [p] = await handle.db.insert(person).values({ givenName: "Test", familyName: "Purge" }).returning();
    const [a] = await handle.db
      .insert(account)
      .values({ personId: p!.id, email: "purge@filet.test", status: "active" })
      .returning();
    await handle.db.insert(session).values([
      { idHash: "old", accountId: a!.id, expiresAt: new Date(now.getTime() - 3 * day) },
      { idHash: "live", accountId: a!.id, expiresAt: new Date(now.getTime() + day) },
    ]);
    await handle.db.insert(loginAttempt).values([
      { email: "x@filet.test", ip: "1.1.1.1", succeeded: false, at: new Date(now.getTime() - 31 * day) },
      { email: "x@filet.test", ip: "1.1.1.1", succeeded: false, at: new Date(now.getTime() - 2 * day) },
    ]);
    await handle.db.insert(job).values([
      { name: "old.done", status: "done", completedAt: new Date(now.getTime() - 31 * day) },
      { name: "recent.done", status: "done", completedAt: new Date(now.getTime() - 2 * day) },
      { name: "old.failed", status: "failed", completedAt: new Date(now.getTime() - 31 * day) },
    ]);

    const runner = startJobRunner({
      db: handle.db,
      config: testConfig(),
      handlers: jobHandlers,
      // Only the two housekeeping jobs (other modules register their own nightly work).
      recurring: recurringJobs.filter((r) => r.name === "sessions.purge" || r.name === "jobs.cleanup"),
      autoStart: false,
    });
    expect(await runner.runOnce()).toBe(2);

    expect((await handle.db.select({ id: session.idHash }).from(session)).map((s) => s.id)).toEqual(["live"]);
    expect(await handle.db.select().from(loginAttempt)).toHaveLength(1);
    const names = (await handle.db.select({ name: job.name }).from(job)).map((j) => j.name).sort();
    expect(names).toEqual(["jobs.cleanup", "old.failed", "recent.done", "sessions.purge"]);
    // Both housekeeping jobs ran and will not run again today.
    expect(await runner.runOnce()).toBe(0);
  });
});
