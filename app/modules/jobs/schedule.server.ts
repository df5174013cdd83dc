import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { enqueueJob } from "./enqueue-job.server.ts";
import { job } from "./tables.ts";
import { fromWallClock, QUEBEC_TIME_ZONE, wallClock } from "../time/wall-clock.ts";

/**
 * A small cron: "every day at 03:00" (wall-clock time of a time zone, so it follows daylight
 * saving) or "every 15 minutes" / "every hour" (aligned on the epoch).
 */
export type Schedule =
  | { kind: "daily"; hour: number; minute: number; timeZone: string }
  | { kind: "interval"; minutes: number };

export interface RecurringJob {
  name: string;
  /** e.g. "every day at 03:00", "every 15 minutes", "every hour". */
  schedule: string;
  payload?: Record<string, unknown>;
}

/** Québec's wall clock. */
export const DEFAULT_TIME_ZONE = QUEBEC_TIME_ZONE;

export function parseSchedule(text: string, timeZone = DEFAULT_TIME_ZONE): Schedule {
  const spec = text.trim().toLowerCase();
  const daily = /^every day at ([01]?\d|2[0-3]):([0-5]\d)$/.exec(spec);
  if (daily) return { kind: "daily", hour: Number(daily[1]), minute: Number(daily[2]), timeZone };
  if (spec === "every hour") return { kind: "interval", minutes: 60 };
  const every = /^every (\d+) minutes?$/.exec(spec);
  if (every && Number(every[1]) >= 1 && Number(every[1]) <= 24 * 60) return { kind: "interval", minutes: Number(every[1]) };
  throw new Error(`Unsupported schedule "${text}": expected "every day at HH:MM", "every hour" or "every N minutes"`);
}

/** The latest occurrence at or before `now`: the period a recurring job is due for. */
export function previousOccurrence(schedule: Schedule, now: Date): Date {
  if (schedule.kind === "interval") {
    const step = schedule.minutes * 60_000;
    return new Date(Math.floor(now.getTime() / step) * step);
  }
  const today = wallClock(now, schedule.timeZone);
  for (let back = 0; back < 3; back++) {
    // Date.UTC normalises day 0 / negative days to the previous month.
    const day = new Date(Date.UTC(today.year, today.month - 1, today.day - back));
    const at = fromWallClock(
      day.getUTCFullYear(),
      day.getUTCMonth() + 1,
      day.getUTCDate(),
      schedule.hour,
      schedule.minute,
      schedule.timeZone,
    );
    if (at.getTime() <= now.getTime()) return at;
  }
  throw new Error("no previous occurrence found");
}

/** The first occurrence strictly after `now`. */
export function nextOccurrence(schedule: Schedule, now: Date): Date {
  if (schedule.kind === "interval") {
    const step = schedule.minutes * 60_000;
    return new Date((Math.floor(now.getTime() / step) + 1) * step);
  }
  const today = wallClock(now, schedule.timeZone);
  for (let ahead = 0; ahead < 3; ahead++) {
    const day = new Date(Date.UTC(today.year, today.month - 1, today.day + ahead));
    const at = fromWallClock(
      day.getUTCFullYear(),
      day.getUTCMonth() + 1,
      day.getUTCDate(),
      schedule.hour,
      schedule.minute,
      schedule.timeZone,
    );
    if (at.getTime() > now.getTime()) return at;
  }
  throw new Error("no next occurrence found");
}

/**
 * Makes sure each recurring job has one job row for its current period. Every app process
 * calls this; the advisory lock serializes them and the period key (kept after the job is
 * done) tells the later ones it was already enqueued, so the job runs once per period.
 * `seen` remembers periods already handled by this process, to spare the database.
 */
export async function enqueueDueRecurringJobs(
  db: Database,
  jobs: readonly RecurringJob[],
  now: Date,
  seen: Map<string, string> = new Map(),
): Promise<number> {
  let enqueued = 0;
  for (const recurring of jobs) {
    const occurrence = previousOccurrence(parseSchedule(recurring.schedule), now);
    const key = occurrence.toISOString();
    if (seen.get(recurring.name) === key) continue;
    const created = await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`filet.schedule:${recurring.name}`}))`);
      const [existing] = await tx
        .select({ id: job.id })
        .from(job)
        .where(and(eq(job.name, recurring.name), eq(job.singletonKey, key)))
        .limit(1);
      if (existing) return false;
      return (await enqueueJob(tx, recurring.name, recurring.payload ?? {}, { singletonKey: key, runAt: occurrence })) !== null;
    });
    seen.set(recurring.name, key);
    if (created) enqueued++;
  }
  return enqueued;
}
