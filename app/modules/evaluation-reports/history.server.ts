import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import { evaluationRecommendation, evaluationRecommendationEvent } from "./tables.ts";
import type { EventKind } from "./vocabulary.ts";

/** Who acts, on which Table: the route builds it from the signed-in user. */
export interface EvaluationAccess {
  partnershipId: string;
  personId: string | null;
}

export type RecommendationRow = typeof evaluationRecommendation.$inferSelect;

/** The recommendation of this Table, or null (another Table's reads as missing). */
export async function loadRecommendation(tx: Database, partnershipId: string, id: string): Promise<RecommendationRow | null> {
  const [row] = await tx
    .select()
    .from(evaluationRecommendation)
    .where(and(eq(evaluationRecommendation.partnershipId, partnershipId), eq(evaluationRecommendation.id, id)));
  return row ?? null;
}

/**
 * Writes the change with the version the form showed (false: someone changed it first), then its
 * history line and its audit event, in the caller's transaction.
 */
export async function changeRecommendation(
  tx: Database,
  actor: AuditActor,
  access: EvaluationAccess,
  current: RecommendationRow,
  version: number,
  kind: EventKind,
  set: Partial<typeof evaluationRecommendation.$inferInsert>,
  details: Record<string, string | number | null>,
): Promise<boolean> {
  const rows = await tx
    .update(evaluationRecommendation)
    .set({ ...set, version: sql`${evaluationRecommendation.version} + 1`, updatedAt: new Date() })
    .where(and(eq(evaluationRecommendation.id, current.id), eq(evaluationRecommendation.partnershipId, access.partnershipId), eq(evaluationRecommendation.version, version)))
    .returning({ id: evaluationRecommendation.id });
  if (rows.length === 0) return false;
  await recordEvent(tx, actor, access, current, kind, details);
  return true;
}

/** A history line and its audit event (the audit keeps no free text: only what kind of change). */
export async function recordEvent(tx: Database, actor: AuditActor, access: EvaluationAccess, rec: { id: string; reportId: string }, kind: EventKind, details: Record<string, string | number | null>) {
  await tx.insert(evaluationRecommendationEvent).values({ partnershipId: access.partnershipId, recommendationId: rec.id, personId: access.personId, kind, details });
  const auditDetails = Object.fromEntries(Object.entries(details).filter(([k]) => k !== "note"));
  await recordAuditEvent(tx, actor, {
    action: `evaluation_recommendation.${kind}`,
    targetType: "evaluation_recommendation",
    targetId: rec.id,
    partnershipId: access.partnershipId,
    details: { reportId: rec.reportId, ...auditDetails },
  });
}
