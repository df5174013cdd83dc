import { and, eq } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import type { Viewer } from "./access.server.ts";
import { notifyRecipients } from "./consultation-emails.server.ts";
import { checkTexts, hasFindings, type GuardFindings, type NewConsultationInput } from "./consultation-schema.ts";
import { resolveConsultationTarget } from "./resolve-target.server.ts";
import { consultation } from "./tables.ts";

export type CreateResult =
  | { ok: true; id: string }
  | { ok: false; reason: "not_found" | "unreachable" | "duplicate" }
  | { ok: false; reason: "findings"; findings: GuardFindings };

/**
 * A worker's request for advice. The guard runs here, whatever the caller did: a text with
 * identifying details is never written. The row, its audit event and the notices to the
 * addressed pivots commit together. The form's submission id becomes the row id, so posting
 * the same form twice leads to the same consultation.
 */
export async function createConsultation(
  db: Database,
  actor: AuditActor,
  input: {
    viewer: Viewer & { organizationId: string | null };
    target: { pivotPersonId?: string | null; organizationId?: string | null };
    fields: NewConsultationInput;
    publicUrl: string;
  },
): Promise<CreateResult> {
  const { subject, context, question, urgency, submissionId } = input.fields;
  const findings = checkTexts({ subject, context, question });
  if (hasFindings(findings)) return { ok: false, reason: "findings", findings };
  const { viewer } = input;
  return db.transaction(async (tx): Promise<CreateResult> => {
    const target = await resolveConsultationTarget(tx, viewer.partnershipId, input.target);
    if (!target) return { ok: false, reason: "not_found" };
    const recipients = target.recipients.filter((r) => r.personId !== viewer.personId);
    if (!recipients.length) return { ok: false, reason: "unreachable" };
    const [created] = await tx
      .insert(consultation)
      .values({
        id: submissionId,
        partnershipId: viewer.partnershipId,
        askerPersonId: viewer.personId,
        askerOrganizationId: viewer.organizationId,
        targetPersonId: target.personId,
        targetOrganizationId: target.organizationId,
        subject,
        context,
        question,
        urgency,
      })
      .onConflictDoNothing({ target: consultation.id })
      .returning({ id: consultation.id });
    if (!created) {
      const [mine] = await tx
        .select({ id: consultation.id })
        .from(consultation)
        .where(and(eq(consultation.id, submissionId), eq(consultation.askerPersonId, viewer.personId), eq(consultation.partnershipId, viewer.partnershipId)));
      return mine ? { ok: true, id: mine.id } : { ok: false, reason: "duplicate" };
    }
    await recordAuditEvent(tx, actor, {
      action: "consultation.created",
      targetType: "consultation",
      targetId: created.id,
      partnershipId: viewer.partnershipId,
      details: { targetOrganizationId: target.organizationId, targetPersonId: target.personId, urgency, notified: recipients.length },
    });
    await notifyRecipients(tx, {
      kind: "new",
      recipients,
      consultationId: created.id,
      publicUrl: input.publicUrl,
      partnershipId: viewer.partnershipId,
    });
    return { ok: true, id: created.id };
  });
}
