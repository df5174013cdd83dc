import type { Database } from "../db/client.server.ts";
import { queueEmail } from "../email/queue-email.server.ts";
import { translator, type MessageKey } from "../../i18n/catalog.ts";
import { isLocale } from "../../i18n/types.ts";
import type { AuditActor } from "../audit/record-audit-event.server.ts";
import type { PivotDelivery } from "../directory/reachable-pivots.server.ts";
import { issueInvitation } from "../identity/invite-person.server.ts";
import type { Recipient } from "./resolve-target.server.ts";

export type ConsultationEmailKind = "new" | "reply" | "closed";

/**
 * A notice and a link, never a word of the consultation (not even its subject): an email
 * leaves the platform and may be read on a shared device.
 */
export function consultationEmail(kind: ConsultationEmailKind, locale: string, link: string): { subject: string; text: string } {
  const t = translator(isLocale(locale) ? locale : "fr");
  return {
    subject: t(`consultations.email.${kind}.subject` as MessageKey),
    text: `${t(`consultations.email.${kind}.body` as MessageKey, { link })}\n\n${t("consultations.email.footer")}\n`,
  };
}

/** Queues one notice per recipient, in the caller's transaction. */
export async function notifyRecipients(
  tx: Database,
  input: { kind: ConsultationEmailKind; recipients: Recipient[]; consultationId: string; publicUrl: string; partnershipId: string; exceptPersonId?: string },
): Promise<number> {
  const link = `${input.publicUrl}/consultations/${input.consultationId}`;
  const seen = new Set<string>();
  for (const r of input.recipients) {
    if (r.personId === input.exceptPersonId || seen.has(r.email)) continue;
    seen.add(r.email);
    const { subject, text } = consultationEmail(input.kind, r.locale, link);
    await queueEmail(tx, { to: r.email, subject, text, partnershipId: input.partnershipId });
  }
  return seen.size;
}

/**
 * A consultation for a pivot whose account is not active yet: the invitation that opens it,
 * saying only that a consultation awaits (the thread is read after signing in).
 */
export async function inviteToConsultation(
  tx: Database,
  actor: AuditActor,
  input: { recipient: PivotDelivery; partnershipId: string; publicUrl: string },
): Promise<void> {
  const { recipient } = input;
  await issueInvitation(tx, actor, {
    personId: recipient.personId,
    partnershipId: input.partnershipId,
    email: recipient.email,
    locale: recipient.locale,
    publicUrl: input.publicUrl,
    reason: "consultation.created",
    letter: (vars, locale) => {
      const t = translator(locale);
      return {
        subject: t("consultations.email.invited.subject"),
        text: `${t("consultations.email.invited.body", vars)}\n\n${t("consultations.email.footer")}\n`,
      };
    },
  });
}
