import { and, eq, lt } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { loginAttempt } from "../identity/tables.ts";
import { job } from "./tables.ts";

const DAY_MS = 24 * 3600_000;
export const LOGIN_ATTEMPT_RETENTION_DAYS = 30;
export const DONE_JOB_RETENTION_DAYS = 30;

/** Sign-in attempts only matter for throttling (minutes) and recent investigations: 30 days. */
export async function purgeOldLoginAttempts(db: Database, now: Date): Promise<number> {
  const rows = await db
    .delete(loginAttempt)
    .where(lt(loginAttempt.at, new Date(now.getTime() - LOGIN_ATTEMPT_RETENTION_DAYS * DAY_MS)))
    .returning({ id: loginAttempt.id });
  return rows.length;
}

/** Finished jobs are kept a month for diagnosis; failed ones stay until someone looks at them. */
export async function cleanupFinishedJobs(db: Database, now: Date): Promise<number> {
  const rows = await db
    .delete(job)
    .where(and(eq(job.status, "done"), lt(job.completedAt, new Date(now.getTime() - DONE_JOB_RETENTION_DAYS * DAY_MS))))
    .returning({ id: job.id });
  return rows.length;
}
