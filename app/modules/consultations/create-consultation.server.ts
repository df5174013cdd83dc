import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import type { Viewer } from "./access.server.ts";
import { inviteToConsultation, notifyRecipients } from "./consultation-emails.server.ts";
import { checkTexts, hasFindings, type NewConsultationInput } from "./consultation-schema.ts";
import { flagged, type Flagged } from "./guard-refusal.server.ts";
import { publicPhonesFor } from "./pii/table-phones.server.ts";
import { resolveConsultationTarget } from "./resolve-target.server.ts";
import { consultation } from "./tables.ts";
import { missing, ok, refusal, type NotFound, type Ok, type Refused } from "../outcome/outcome.ts";

/** The new consultation's id; not_found for a target outside the Table; nobody to address; or the guard's findings. */
export type CreateResult = Ok<string> | NotFound | Refused<"consultations.new.unreachable"> | Flagged;

/**
 * A worker's request for advice. The guard runs here, whatever the caller did: a text with
 * identifying details is never written. The row, its audit event and the notices to the
 * addressed pivots commit together; a pivot whose account is not active yet gets the
 * invitation that opens it instead (never a word of the consultation). Posting the same form twice is the route's concern (its
 * submission key, submitOnce): this function always creates.
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
  const { subject, context, question, urgency } = input.fields;
  const { viewer } = input;
  const publicPhones = await publicPhonesFor(db, viewer.partnershipId, [subject, context, question]);
  const findings = checkTexts({ subject, context, question }, publicPhones);
  if (hasFindings(findings)) return flagged(findings);
  return db.transaction(async (tx): Promise<CreateResult> => {
    const target = await resolveConsultationTarget(tx, viewer.partnershipId, input.target);
    if (!target) return missing();
    const recipients = target.recipients.filter((r) => r.personId !== viewer.personId);
    if (!recipients.length) return refusal("consultations.new.unreachable");
    const [created] = await tx
      .insert(consultation)
      .values({
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
      .returning({ id: consultation.id });
    if (!created) throw new Error("consultation insert returned no row");
    await recordAuditEvent(tx, actor, {
      action: "consultation.created",
      targetType: "consultation",
      targetId: created.id,
      partnershipId: viewer.partnershipId,
      details: { targetOrganizationId: target.organizationId, targetPersonId: target.personId, urgency, notified: recipients.length },
    });
    await notifyRecipients(tx, {
      kind: "new",
      recipients: recipients.filter((r) => r.active),
      consultationId: created.id,
      publicUrl: input.publicUrl,
      partnershipId: viewer.partnershipId,
    });
    for (const r of recipients.filter((d) => !d.active)) {
      await inviteToConsultation(tx, actor, { recipient: r, partnershipId: viewer.partnershipId, publicUrl: input.publicUrl });
    }
    return ok(created.id);
  });
}
