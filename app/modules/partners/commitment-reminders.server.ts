import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, systemActor } from "../audit/record-audit-event.server.ts";
import { queueEmail } from "../email/queue-email.server.ts";
import { partnership } from "../governance/tables.ts";
import { roleHolderEmails } from "../identity/role-holder-emails.server.ts";
import { daysUntil } from "../time/days.ts";
import { latestByOrganization, listCommitments } from "./commitments.server.ts";
import { partnerCommitment } from "./tables.ts";
import { COMMITMENT_DUE_DAYS } from "./vocabulary.ts";
import { quebecDay } from "../time/days.ts";

export const COMMITMENT_REMINDERS_JOB = "partners.commitment_reminders";

/** Active delegates of the organization and the Table coordinators: who renews a commitment. */
export function recipients(db: Database, partnershipId: string, organizationId: string): Promise<string[]> {
  return roleHolderEmails(db, partnershipId, [{ role: "table_coordinator" }, { role: "table_member", organizationId }]);
}

function reminderEmail(threshold: "due" | "expired", publicUrl: string) {
  const link = `${publicUrl}/partners/commitments`;
  return threshold === "due"
    ? {
        subject: "Filet — Un engagement écrit arrive à échéance / A written commitment is ending soon",
        text:
          `Bonjour,\n\nL'engagement écrit d'une organisation membre de la Table prend fin dans moins de ${COMMITMENT_DUE_DAYS} jours. ` +
          `Préparez son renouvellement :\n${link}\n\n` +
          `Hello,\n\nThe written commitment of a member organization of the Table ends within ${COMMITMENT_DUE_DAYS} days. ` +
          `Prepare its renewal:\n${link}\n`,
      }
    : {
        subject: "Filet — Un engagement écrit est échu / A written commitment has expired",
        text:
          `Bonjour,\n\nL'engagement écrit d'une organisation membre de la Table est échu. Voyez les engagements à renouveler :\n${link}\n\n` +
          `Hello,\n\nThe written commitment of a member organization of the Table has expired. See the commitments to renew:\n${link}\n`,
      };
}

/**
 * The daily renewal reminders. For each organization, only its latest commitment counts (a
 * renewed one silences the older). Two thresholds, each sent once per commitment: "due"
 * (ends within COMMITMENT_DUE_DAYS days) and "expired" (the end date has passed). Emails go
 * to the organization's delegates and the Table coordinators: a notice and a link, no names.
 * Returns the number of reminders sent (one per commitment and threshold).
 */
export async function sendCommitmentReminders(db: Database, input: { now: Date; publicUrl: string }): Promise<number> {
  const today = quebecDay(input.now);
  const tables = await db.select({ id: partnership.id }).from(partnership);
  let sent = 0;
  for (const table of tables) {
    const latest = latestByOrganization(await listCommitments(db, table.id));
    for (const commitment of latest.values()) {
      const days = daysUntil(commitment.endsOn, today);
      const threshold = days < 0 ? "expired" : days <= COMMITMENT_DUE_DAYS ? "due" : null;
      if (!threshold) continue;
      const marker = threshold === "due" ? partnerCommitment.dueReminderSentAt : partnerCommitment.expiredReminderSentAt;
      const done = await db.transaction(async (tx) => {
        const marked = await tx
          .update(partnerCommitment)
          .set(threshold === "due" ? { dueReminderSentAt: input.now } : { expiredReminderSentAt: input.now })
          .where(and(eq(partnerCommitment.id, commitment.id), isNull(marker)))
          .returning({ id: partnerCommitment.id });
        if (marked.length === 0) return false; // already reminded for this threshold
        const to = await recipients(tx, table.id, commitment.organizationId);
        for (const address of to) await queueEmail(tx, { to: address, ...reminderEmail(threshold, input.publicUrl), partnershipId: table.id });
        await recordAuditEvent(tx, systemActor(COMMITMENT_REMINDERS_JOB, table.id), {
          action: "partner.commitment.reminder_sent",
          targetType: "partner_commitment",
          targetId: commitment.id,
          organizationId: commitment.organizationId,
          details: { threshold, endsOn: commitment.endsOn, recipients: to.length },
        });
        return true;
      });
      if (done) sent++;
    }
  }
  return sent;
}
