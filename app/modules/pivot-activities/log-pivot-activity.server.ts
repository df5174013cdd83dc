import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import { activityFindings, type ActivityFinding, type ActivityInput } from "./activity-schema.ts";
import { pivotActivity } from "./tables.ts";
import { quebecDay } from "../time/days.ts";
import { publicPhonesFor } from "../consultations/pii/table-phones.server.ts";

export type LogResult = { status: "ok"; id: string } | { status: "identifying_details"; findings: ActivityFinding[] };

/**
 * Logs an activity for an organization the caller has already been authorized for. The
 * identifying-details guard runs here too, so no caller can store text with findings. A double
 * click is the route's concern (its submission key, submitOnce): this function always logs.
 */
export async function logPivotActivity(
  db: Database,
  actor: AuditActor,
  input: ActivityInput & { partnershipId: string; organizationId: string; personId: string },
  now: Date = new Date(),
): Promise<LogResult> {
  const findings = activityFindings(input, await publicPhonesFor(db, input.partnershipId, [input.audience, input.notes]));
  if (findings.length) return { status: "identifying_details", findings };
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(pivotActivity)
      .values({
        partnershipId: input.partnershipId,
        organizationId: input.organizationId,
        personId: input.personId,
        type: input.type,
        occurredOn: input.occurredOn,
        durationMinutes: input.durationMinutes,
        audience: input.audience,
        audienceSize: input.audienceSize,
        notes: input.notes,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: pivotActivity.id });
    await recordAuditEvent(tx, actor, {
      action: "pivot_activity.created",
      targetType: "pivot_activity",
      targetId: row!.id,
      partnershipId: input.partnershipId,
      organizationId: input.organizationId,
      details: { type: input.type, occurredOn: input.occurredOn },
    });
    return { status: "ok" as const, id: row!.id };
  });
}

/**
 * A consultation answered, logged for the pivot who answered, in the caller's transaction. It
 * carries its kind and day only: no duration to guess, and not a word of the consultation.
 */
export async function recordConsultationGiven(
  tx: Database,
  actor: AuditActor,
  input: { partnershipId: string; organizationId: string; personId: string; now: Date },
): Promise<string> {
  const occurredOn = quebecDay(input.now);
  const [row] = await tx
    .insert(pivotActivity)
    .values({
      partnershipId: input.partnershipId,
      organizationId: input.organizationId,
      personId: input.personId,
      type: "consultation_given",
      occurredOn,
      createdAt: input.now,
      updatedAt: input.now,
    })
    .returning({ id: pivotActivity.id });
  await recordAuditEvent(tx, actor, {
    action: "pivot_activity.created",
    targetType: "pivot_activity",
    targetId: row!.id,
    partnershipId: input.partnershipId,
    organizationId: input.organizationId,
    details: { type: "consultation_given", occurredOn, source: "consultation.answered" },
  });
  return row!.id;
}
