import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import { conflict, ok, type Conflict, type Ok } from "../outcome/outcome.ts";
import { retentionSchedule } from "./tables.ts";
import { parseRetentionSchedule, type RetentionSchedule } from "./retention-vocabulary.ts";
import { readRetentionSchedule } from "./retention-schedule.server.ts";

/**
 * Saves the Table's schedule (version 0 = the first save, which creates the row); a stale
 * version answers conflict. The rules are re-read through the bounds, so nothing outside them
 * is ever stored. Audited with the changed kinds and their new rules (no content anyway).
 */
export async function saveRetentionSchedule(
  db: Database,
  actor: AuditActor,
  input: { partnershipId: string; personId: string; version: number; rules: RetentionSchedule },
): Promise<Ok | Conflict> {
  const rules = parseRetentionSchedule(input.rules);
  return db.transaction(async (tx) => {
    const before = await readRetentionSchedule(tx, input.partnershipId);
    if (before.version !== input.version) return conflict();
    if (input.version === 0) {
      const inserted = await tx
        .insert(retentionSchedule)
        .values({ partnershipId: input.partnershipId, rules, updatedByPersonId: input.personId })
        .onConflictDoNothing()
        .returning({ id: retentionSchedule.id });
      if (!inserted.length) return conflict();
    } else {
      const updated = await tx
        .update(retentionSchedule)
        .set({ rules, updatedByPersonId: input.personId, version: sql`${retentionSchedule.version} + 1`, updatedAt: new Date() })
        .where(and(eq(retentionSchedule.partnershipId, input.partnershipId), eq(retentionSchedule.version, input.version)))
        .returning({ id: retentionSchedule.id });
      if (!updated.length) return conflict();
    }
    const changed = Object.fromEntries(
      Object.entries(rules).filter(([k, r]) => {
        const b = before.rules[k as keyof RetentionSchedule];
        return b.months !== r.months || b.disposition !== r.disposition;
      }),
    );
    await recordAuditEvent(tx, actor, {
      action: "privacy.retention_schedule_updated",
      targetType: "partnership",
      targetId: input.partnershipId,
      partnershipId: input.partnershipId,
      organizationId: null,
      details: { changed },
    });
    return ok();
  });
}
