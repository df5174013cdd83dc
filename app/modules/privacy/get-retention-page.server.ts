import type { Database } from "../db/client.server.ts";
import { nextOccurrence, parseSchedule } from "../jobs/schedule.server.ts";
import { readRetentionSchedule } from "./retention-schedule.server.ts";
import { RETENTION_JOB_HOUR } from "./retention-vocabulary.ts";
import { listRetentionRuns } from "./run-retention.server.ts";

/** What /privacy/retention shows: the schedule (with its version), the next run and the destruction record. */
export async function getRetentionPage(db: Database, partnershipId: string, now: Date = new Date()) {
  const schedule = await readRetentionSchedule(db, partnershipId);
  const runs = await listRetentionRuns(db, partnershipId);
  return {
    rules: schedule.rules,
    version: schedule.version,
    nextRun: nextOccurrence(parseSchedule(`every day at ${RETENTION_JOB_HOUR}`), now).toISOString(),
    runs: runs.map((r) => ({ id: r.id, kind: r.kind, trigger: r.trigger, months: r.months, disposition: r.disposition, count: r.count, ranOn: r.ranOn })),
  };
}
