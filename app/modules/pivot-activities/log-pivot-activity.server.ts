import { and, eq, gte, sql } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import { activityFindings, type ActivityFinding, type ActivityInput } from "./activity-schema.ts";
import { pivotActivity } from "./tables.ts";

export type LogResult = { status: "ok"; id: string } | { status: "identifying_details"; findings: ActivityFinding[] };

/** A double click resubmits the same form within seconds: that is one activity, not two. */
const DUPLICATE_WINDOW_MS = 2 * 60 * 1000;

/**
 * Logs an activity for an organization the caller has already been authorized for. The
 * identifying-details guard runs here too, so no caller can store text with findings.
 */
export async function logPivotActivity(
  db: Database,
  actor: AuditActor,
  input: ActivityInput & { partnershipId: string; organizationId: string; personId: string },
  now: Date = new Date(),
): Promise<LogResult> {
  const findings = activityFindings(input);
  if (findings.length) return { status: "identifying_details", findings };
  return db.transaction(async (tx) => {
    // One logger at a time per person, so the duplicate check below cannot race.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`filet.activity:${input.personId}`}))`);
    const [twin] = await tx
      .select({ id: pivotActivity.id })
      .from(pivotActivity)
      .where(
        and(
          eq(pivotActivity.partnershipId, input.partnershipId),
          eq(pivotActivity.organizationId, input.organizationId),
          eq(pivotActivity.personId, input.personId),
          eq(pivotActivity.type, input.type),
          eq(pivotActivity.occurredOn, input.occurredOn),
          eq(pivotActivity.durationMinutes, input.durationMinutes),
          eq(pivotActivity.audience, input.audience),
          eq(pivotActivity.notes, input.notes),
          gte(pivotActivity.createdAt, new Date(now.getTime() - DUPLICATE_WINDOW_MS)),
        ),
      )
      .limit(1);
    if (twin) return { status: "ok" as const, id: twin.id };
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
