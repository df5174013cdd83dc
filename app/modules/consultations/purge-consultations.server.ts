import { and, eq, inArray, isNotNull, lt } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, systemActor } from "../audit/record-audit-event.server.ts";
import { readConsultationRetentionMonths } from "./retention-settings.server.ts";
import { consultation, consultationMessage, consultationMetric } from "./tables.ts";
import { addMonths, quebecDay } from "../time/days.ts";

export const PURGE_CONSULTATIONS_JOB = "consultations.purge";

export interface PurgeReport {
  purged: number;
  partnerships: number;
}

/**
 * Retention (SPEC §4): a consultation closed longer ago than its Table's period (the
 * consultations' rule of the retention schedule, privacy/retention-schedule.server.ts) is deleted
 * with its messages. What stays is one anonymous metric row (month, organizations, urgency,
 * response time) for the indicators and one audit entry naming only its id. One transaction
 * per Table, so a Table's purge is whole or not at all. `now` is injectable for tests.
 */
export async function purgeExpiredConsultations(db: Database, now: Date = new Date()): Promise<PurgeReport> {
  const tables = await db
    .selectDistinct({ partnershipId: consultation.partnershipId })
    .from(consultation)
    .where(and(eq(consultation.status, "closed"), isNotNull(consultation.closedAt)));
  let purged = 0;
  for (const { partnershipId } of tables) {
    purged += await db.transaction(async (tx) => purgeTableConsultations(tx, partnershipId, await readConsultationRetentionMonths(tx, partnershipId), now));
  }
  return { purged, partnerships: tables.length };
}

/**
 * One Table's consultations closed more than `months` ago, purged inside the caller's
 * transaction (the retention job's, which writes the destruction record beside it). Returns the count.
 */
export async function purgeTableConsultations(tx: Database, partnershipId: string, months: number, now: Date): Promise<number> {
  const cutoff = addMonths(now, -months);
  const expired = await tx
    .select()
    .from(consultation)
    .where(and(eq(consultation.partnershipId, partnershipId), eq(consultation.status, "closed"), lt(consultation.closedAt, cutoff)));
  if (!expired.length) return 0;
  const actor = systemActor(PURGE_CONSULTATIONS_JOB, partnershipId);
  for (const c of expired) {
    await tx.insert(consultationMetric).values({
      partnershipId,
      targetOrganizationId: c.targetOrganizationId,
      askerOrganizationId: c.askerOrganizationId,
      month: `${quebecDay(c.createdAt).slice(0, 7)}-01`,
      urgency: c.urgency,
      responseMinutes: c.firstResponseAt ? Math.max(0, Math.round((c.firstResponseAt.getTime() - c.createdAt.getTime()) / 60_000)) : null,
    });
    await recordAuditEvent(tx, actor, {
      action: "consultation.purged",
      targetType: "consultation",
      targetId: c.id,
      organizationId: null,
      details: { retentionMonths: months },
    });
  }
  const ids = expired.map((c) => c.id);
  await tx.delete(consultationMessage).where(inArray(consultationMessage.consultationId, ids));
  await tx.delete(consultation).where(and(eq(consultation.partnershipId, partnershipId), inArray(consultation.id, ids)));
  return expired.length;
}
