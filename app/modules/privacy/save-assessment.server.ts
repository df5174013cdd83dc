import { and, asc, eq, sql } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import { conflict, missing, ok, type Conflict, type NotFound, type Ok } from "../outcome/outcome.ts";
import type { PrivacyAccess } from "./privacy-access.server.ts";
import type { AssessmentInput } from "./privacy-schema.ts";
import { privacyAssessment } from "./tables.ts";

/**
 * Privacy impact assessments (EFVP, Loi 25 art. 3.3) of Filet's features: the Table's, kept by the
 * Table's privacy officer (an organization's officer has no EFVP of Filet to keep: 404).
 */
async function audit(tx: Database, actor: AuditActor, partnershipId: string, id: string, action: string, details: Record<string, unknown>) {
  await recordAuditEvent(tx, actor, { action, targetType: "privacy_assessment", targetId: id, partnershipId, organizationId: null, details });
}

export async function listAssessments(db: Database, partnershipId: string) {
  return db.select().from(privacyAssessment).where(eq(privacyAssessment.partnershipId, partnershipId)).orderBy(asc(privacyAssessment.feature), asc(privacyAssessment.startedOn));
}

export async function loadAssessment(db: Database, partnershipId: string, id: string) {
  const [row] = await db.select().from(privacyAssessment).where(and(eq(privacyAssessment.partnershipId, partnershipId), eq(privacyAssessment.id, id)));
  return row ?? null;
}

export async function createAssessment(db: Database, actor: AuditActor, access: PrivacyAccess, input: AssessmentInput): Promise<Ok<string>> {
  const [row] = await db.insert(privacyAssessment).values({ ...input, partnershipId: access.partnershipId, createdByPersonId: access.personId }).returning({ id: privacyAssessment.id });
  await audit(db, actor, access.partnershipId, row!.id, "privacy.assessment_created", { feature: input.feature, decision: input.decision });
  return ok(row!.id);
}

export async function updateAssessment(db: Database, actor: AuditActor, access: PrivacyAccess, id: string, version: number, input: AssessmentInput): Promise<Ok<string> | NotFound | Conflict> {
  return db.transaction(async (tx) => {
    const current = await loadAssessment(tx, access.partnershipId, id);
    if (!current) return missing();
    const rows = await tx
      .update(privacyAssessment)
      .set({ ...input, version: sql`${privacyAssessment.version} + 1`, updatedAt: new Date() })
      .where(and(eq(privacyAssessment.partnershipId, access.partnershipId), eq(privacyAssessment.id, id), eq(privacyAssessment.version, version)))
      .returning({ id: privacyAssessment.id });
    if (rows.length === 0) return conflict();
    await audit(tx, actor, access.partnershipId, id, "privacy.assessment_updated", { feature: input.feature, decision: input.decision, from: current.decision });
    return ok(id);
  });
}
