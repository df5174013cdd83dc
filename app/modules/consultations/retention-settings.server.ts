import type { Database } from "../db/client.server.ts";
import { readRetentionSchedule } from "../privacy/retention-schedule.server.ts";
import { RETENTION_KINDS } from "../privacy/retention-vocabulary.ts";

/** A closed consultation is deleted after this many months, until the Table sets its schedule. */
export const DEFAULT_CONSULTATION_RETENTION_MONTHS = RETENTION_KINDS.consultations.defaultMonths;

/** The Table's period, from its retention schedule (privacy), the one source of truth. */
export async function readConsultationRetentionMonths(db: Database, partnershipId: string): Promise<number> {
  return (await readRetentionSchedule(db, partnershipId)).rules.consultations.months;
}
