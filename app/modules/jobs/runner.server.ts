import { randomUUID } from "node:crypto";
import os from "node:os";
import { and, eq, sql } from "drizzle-orm";
import type { Config } from "../config/config.server.ts";
import type { Database } from "../db/client.server.ts";
import { rowsOf } from "../db/rows.ts";
import { job } from "./tables.ts";
import { enqueueDueRecurringJobs, type RecurringJob } from "./schedule.server.ts";

export interface JobContext {
  db: Database;
  config: Config;
  jobId: string;
  now: Date;
  /** 1 for the first run. */
  attempt: number;
  /** True when a failure now marks the job failed for good (handlers record their own final state). */
  isLastAttempt: boolean;
}

export type JobHandler = (payload: Record<string, unknown>, ctx: JobContext) => Promise<void>;
export type JobHandlers = Record<string, JobHandler>;

export interface JobRunnerOptions {
  db: Database;
  config: Config;
  handlers: JobHandlers;
  workerId?: string;
  /** How often the queue is polled when nobody calls wake(). */
  pollMs?: number;
  now?: () => Date;
  /** How long a claim holds before another process may take the job over (a crashed worker). */
  lockMs?: number;
  /** False: no polling; the caller drives runOnce() (tests). */
  autoStart?: boolean;
  /** Recurring jobs this process keeps enqueued (each period enqueued once across processes). */
  recurring?: RecurringJob[];
  log?: Pick<Console, "error" | "warn">;
}

export interface JobRunner {
  /** Polls now (called after a job was queued). */
  wake(): void;
  /** Stops polling and waits for the job in progress. */
  stop(): Promise<void>;
  /** Runs every job due now, one after the other; returns how many ran. */
  runOnce(): Promise<number>;
}

interface ClaimedJob {
  id: string;
  name: string;
  payload: Record<string, unknown>;
  attempts: number;
  max_attempts: number;
}

const BACKOFF_BASE_MS = 5_000;
const BACKOFF_MAX_MS = 60 * 60_000;

/** 5 s, 10 s, 20 s… capped at one hour. */
export function backoffMs(attempts: number): number {
  return Math.min(BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1), BACKOFF_MAX_MS);
}

/**
 * One statement claims one job: the row lock taken by FOR UPDATE SKIP LOCKED makes concurrent
 * claimers (other processes, or other connections of this one) pass over it, and the status it
 * sets keeps later claimers away. A 'running' job whose lock expired belonged to a process that
 * died: it is taken over.
 */
async function claimNext(db: Database, workerId: string, now: Date, lockMs: number): Promise<ClaimedJob | null> {
  const at = now.toISOString();
  const lockedUntil = new Date(now.getTime() + lockMs).toISOString();
  const result = await db.execute(sql`
    update job
       set status = 'running', locked_by = ${workerId}, locked_until = ${lockedUntil}::timestamptz,
           attempts = attempts + 1
     where id = (
       select id from job
        where (status = 'queued' and run_at <= ${at}::timestamptz)
           or (status = 'running' and locked_until < ${at}::timestamptz)
        order by run_at
        for update skip locked
        limit 1)
    returning id, name, payload, attempts, max_attempts`);
  const [row] = rowsOf<ClaimedJob>(result);
  if (!row) return null;
  return {
    ...row,
    payload: typeof row.payload === "string" ? (JSON.parse(row.payload) as Record<string, unknown>) : row.payload,
    attempts: Number(row.attempts),
    max_attempts: Number(row.max_attempts),
  };
}

function errorText(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.slice(0, 2000);
}

export function startJobRunner(options: JobRunnerOptions): JobRunner {
  const { db, config, handlers } = options;
  const workerId = options.workerId ?? `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const pollMs = options.pollMs ?? 2000;
  const lockMs = options.lockMs ?? 5 * 60_000;
  const clock = options.now ?? (() => new Date());
  const log = options.log ?? console;

  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let current: Promise<number> | null = null;
  let wakeRequested = false;
  const seenPeriods = new Map<string, string>();

  async function runJob(claimed: ClaimedJob): Promise<void> {
    const owned = and(eq(job.id, claimed.id), eq(job.lockedBy, workerId));
    const handler = handlers[claimed.name];
    const startedAt = clock();
    // A long job keeps its claim alive, so no other process takes it over while it runs.
    const heartbeat = setInterval(() => {
      void db
        .update(job)
        .set({ lockedUntil: new Date(clock().getTime() + lockMs) })
        .where(owned)
        .catch(() => {});
    }, Math.max(1000, Math.floor(lockMs / 2)));
    heartbeat.unref();
    try {
      if (claimed.attempts > claimed.max_attempts) {
        throw new Error(`gave up after ${claimed.max_attempts} attempts (last run did not finish)`);
      }
      if (!handler) throw new Error(`no handler for job "${claimed.name}"`);
      await handler(claimed.payload ?? {}, {
        db,
        config,
        jobId: claimed.id,
        now: startedAt,
        attempt: claimed.attempts,
        isLastAttempt: claimed.attempts >= claimed.max_attempts,
      });
      clearInterval(heartbeat);
      await db
        .update(job)
        .set({ status: "done", completedAt: clock(), lockedBy: null, lockedUntil: null, lastError: null })
        .where(owned);
    } catch (error) {
      clearInterval(heartbeat);
      const finalFailure = claimed.attempts >= claimed.max_attempts;
      const at = clock();
      await db
        .update(job)
        .set(
          finalFailure
            ? { status: "failed", completedAt: at, lockedBy: null, lockedUntil: null, lastError: errorText(error) }
            : {
                status: "queued",
                runAt: new Date(at.getTime() + backoffMs(claimed.attempts)),
                lockedBy: null,
                lockedUntil: null,
                lastError: errorText(error),
              },
        )
        .where(owned);
      if (finalFailure) log.error(`Job ${claimed.name} (${claimed.id}) failed for good: ${errorText(error)}`);
    }
  }

  async function drain(): Promise<number> {
    let ran = 0;
    if (options.recurring?.length) {
      try {
        await enqueueDueRecurringJobs(db, options.recurring, clock(), seenPeriods);
      } catch (error) {
        log.warn(`Could not enqueue recurring jobs: ${errorText(error)}`);
      }
    }
    while (!stopped) {
      const claimed = await claimNext(db, workerId, clock(), lockMs);
      if (!claimed) break;
      await runJob(claimed);
      ran++;
    }
    return ran;
  }

  function runOnce(): Promise<number> {
    // One drain at a time per runner: a second call waits for the first, then drains again.
    if (current) return current.catch(() => 0).then(() => runOnce());
    const pass = drain().finally(() => {
      current = null;
    });
    current = pass;
    return pass;
  }

  function schedule(delay: number) {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(tick, delay);
    timer.unref();
  }

  function tick() {
    timer = null;
    if (stopped) return;
    wakeRequested = false;
    runOnce()
      .catch((error: unknown) => log.warn(`Job runner: ${errorText(error)}`))
      .finally(() => schedule(wakeRequested ? 0 : pollMs));
  }

  const autoStart = options.autoStart ?? true;
  if (autoStart) schedule(0);

  return {
    wake() {
      if (stopped || !autoStart) return;
      if (!current) return schedule(0);
      // Busy: poll again right after this pass, since the new job may have come too late for it.
      wakeRequested = true;
      void current.catch(() => 0).then(() => wakeRequested && schedule(0));
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      if (current) await current.catch(() => 0);
    },
    runOnce,
  };
}
