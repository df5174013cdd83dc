import { desc, eq } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, systemActor } from "../audit/record-audit-event.server.ts";
import { partnership } from "../governance/tables.ts";
import type { JobHandler } from "../jobs/runner.server.ts";
import { quebecDay } from "../time/days.ts";
import { retentionPurges, RETENTION_JOB } from "./retention-purges.server.ts";
import { readRetentionSchedule } from "./retention-schedule.server.ts";
import { RETENTION_KINDS, retentionKinds, type RetentionKind } from "./retention-vocabulary.ts";
import { retentionRun } from "./tables.ts";

export { RETENTION_JOB };

export interface RetentionReport {
  partnerships: number;
  counts: Partial<Record<RetentionKind, number>>;
}

/**
 * The daily retention run (issue 15 §2): for every Table, each kind's rule of its schedule is
 * applied in its own transaction, with the destruction record (kind, count, rule, day — never
 * content) and its audit entry in that same transaction, so a record exists exactly when the
 * purge happened. A kind with nothing past its period writes no record. `now` is injectable.
 */
export async function runRetention(db: Database, now: Date = new Date()): Promise<RetentionReport> {
  const tables = await db.select({ id: partnership.id }).from(partnership);
  const counts: RetentionReport["counts"] = {};
  for (const { id: partnershipId } of tables) {
    const { rules } = await readRetentionSchedule(db, partnershipId);
    for (const kind of retentionKinds) {
      const rule = rules[kind];
      const n = await db.transaction(async (tx) => {
        const done = await retentionPurges[kind]({ tx, partnershipId, rule, now });
        if (done === 0) return 0;
        const [run] = await tx
          .insert(retentionRun)
          .values({ partnershipId, kind, trigger: RETENTION_KINDS[kind].trigger, months: rule.months, disposition: rule.disposition, count: done, ranOn: quebecDay(now) })
          .returning({ id: retentionRun.id });
        await recordAuditEvent(tx, systemActor(RETENTION_JOB, partnershipId), {
          action: "privacy.retention_applied",
          targetType: "retention_run",
          targetId: run!.id,
          partnershipId,
          organizationId: null,
          details: { kind, count: done, months: rule.months, disposition: rule.disposition },
        });
        return done;
      });
      counts[kind] = (counts[kind] ?? 0) + n;
    }
  }
  return { partnerships: tables.length, counts };
}

/** The destruction record of a Table, newest first. */
export async function listRetentionRuns(db: Database, partnershipId: string, limit = 50) {
  return db.select().from(retentionRun).where(eq(retentionRun.partnershipId, partnershipId)).orderBy(desc(retentionRun.ranOn), desc(retentionRun.createdAt)).limit(limit);
}

/** The daily job (server/jobs.ts), at 04:00 Québec time. */
export const retentionJob: JobHandler = async (_payload, ctx) => {
  await runRetention(ctx.db, ctx.now);
};
