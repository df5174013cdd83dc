import { and, eq, exists, gt, isNull, lte, not, or, sql } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, systemActor } from "../audit/record-audit-event.server.ts";
import { queueEmail } from "../email/queue-email.server.ts";
import { organization, partnership } from "../governance/tables.ts";
import { COMMITMENT_REMINDERS_JOB, recipients } from "./commitment-reminders.server.ts";
import { commitmentTextVersion, partnerCommitment, partnerUnsignedReminder } from "./tables.ts";
import { UNSIGNED_REMINDER_DAYS } from "./vocabulary.ts";
import type { JobHandler } from "../jobs/runner.server.ts";
import { sendCommitmentReminders } from "./commitment-reminders.server.ts";
import { quebecDay } from "../time/days.ts";

function unsignedEmail(publicUrl: string) {
  const link = `${publicUrl}/partners/commitments`;
  return {
    subject: "Filet — Un engagement écrit reste à signer / A written commitment is still to be signed",
    text:
      `Bonjour,\n\nUne organisation membre de la Table n'a pas encore signé l'engagement écrit de la Table. ` +
      `Voyez qui doit le signer :\n${link}\n\n` +
      `Hello,\n\nA member organization of the Table has not signed the Table's written commitment yet. ` +
      `See who is to sign it:\n${link}\n`,
  };
}

/**
 * The reminders to organizations of the Table that never signed a commitment (part of the daily
 * partners.commitment_reminders job). Only Tables that published a commitment text (there is
 * something to sign) and organizations still members (no departure date, or a future one).
 * One reminder, then again at most every UNSIGNED_REMINDER_DAYS days: the marker row is taken
 * atomically with the emails, so two runs never both send. Emails go to the organization's
 * delegates and the Table coordinators: a notice and a link, no names. Returns how many
 * organizations were reminded.
 */
export async function sendUnsignedCommitmentReminders(db: Database, input: { now: Date; publicUrl: string }): Promise<number> {
  const today = quebecDay(input.now);
  const cutoff = new Date(input.now.getTime() - UNSIGNED_REMINDER_DAYS * 86_400_000);
  const published = exists(
    db
      .select({ one: sql`1` })
      .from(commitmentTextVersion)
      .where(and(eq(commitmentTextVersion.partnershipId, partnership.id), eq(commitmentTextVersion.status, "published"))),
  );
  const signedOnce = exists(
    db
      .select({ one: sql`1` })
      .from(partnerCommitment)
      .where(and(eq(partnerCommitment.partnershipId, organization.partnershipId), eq(partnerCommitment.organizationId, organization.id))),
  );
  const due = await db
    .select({ organizationId: organization.id, partnershipId: organization.partnershipId })
    .from(organization)
    .innerJoin(partnership, eq(partnership.id, organization.partnershipId))
    .where(and(published, not(signedOnce), or(isNull(organization.leftOn), gt(organization.leftOn, today))));
  let sent = 0;
  for (const org of due) {
    const done = await db.transaction(async (tx) => {
      const marked = await tx
        .insert(partnerUnsignedReminder)
        .values({ organizationId: org.organizationId, partnershipId: org.partnershipId, lastSentAt: input.now })
        .onConflictDoUpdate({
          target: partnerUnsignedReminder.organizationId,
          set: { lastSentAt: input.now },
          setWhere: lte(partnerUnsignedReminder.lastSentAt, cutoff),
        })
        .returning({ organizationId: partnerUnsignedReminder.organizationId });
      if (marked.length === 0) return false; // reminded less than UNSIGNED_REMINDER_DAYS ago
      const to = await recipients(tx, org.partnershipId, org.organizationId);
      for (const address of to) await queueEmail(tx, { to: address, ...unsignedEmail(input.publicUrl), partnershipId: org.partnershipId });
      await recordAuditEvent(tx, systemActor(COMMITMENT_REMINDERS_JOB, org.partnershipId), {
        action: "partner.commitment.unsigned_reminder_sent",
        targetType: "organization",
        targetId: org.organizationId,
        organizationId: org.organizationId,
        details: { recipients: to.length, everyDays: UNSIGNED_REMINDER_DAYS },
      });
      return true;
    });
    if (done) sent++;
  }
  return sent;
}

/**
 * The daily job: renewal reminders of written commitments (before the end, and once expired), and
 * organizations that never signed (once, then at most every 90 days).
 */
export const commitmentRemindersJob: JobHandler = async (_payload, ctx) => {
  await sendCommitmentReminders(ctx.db, { now: ctx.now, publicUrl: ctx.config.publicUrl });
  await sendUnsignedCommitmentReminders(ctx.db, { now: ctx.now, publicUrl: ctx.config.publicUrl });
};
