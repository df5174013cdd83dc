import { and, eq, lt, sql } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, systemActor } from "../audit/record-audit-event.server.ts";
import { queueEmail } from "../email/queue-email.server.ts";
import { account } from "../identity/tables.ts";
import type { JobHandler } from "../jobs/runner.server.ts";
import { person } from "../people/tables.ts";
import { daysUntil, quebecDay } from "../time/days.ts";
import { survey, surveyInvitation } from "./tables.ts";
import { SURVEY_REMINDER_DAYS_BEFORE } from "./vocabulary.ts";

export const SURVEY_DAILY_JOB = "surveys.daily";

/**
 * The daily job: open surveys past their closing date close; invitations not yet answered hear
 * once, SURVEY_REMINDER_DAYS_BEFORE days (or fewer) before the closing date. The reminder holds
 * no link (the invitation's token is not kept in clear): it says to use the link already sent.
 * Each invitation's mark and email share a transaction, so a second run sends nothing.
 */
export async function runSurveyDaily(db: Database, now: Date): Promise<{ closed: number; reminded: number }> {
  const today = quebecDay(now);
  let closed = 0;
  let reminded = 0;
  for (const s of await db.select().from(survey).where(and(eq(survey.status, "open"), lt(survey.closesOn, today)))) {
    await db.transaction(async (tx) => {
      await tx.update(survey).set({ status: "closed", closedOn: today, version: sql`${survey.version} + 1`, updatedAt: now }).where(eq(survey.id, s.id));
      await recordAuditEvent(tx, systemActor("surveys-daily", s.partnershipId), { action: "survey.closed", targetType: "survey", targetId: s.id, partnershipId: s.partnershipId, details: { by: "date" } });
    });
    closed++;
  }
  for (const s of await db.select().from(survey).where(eq(survey.status, "open"))) {
    const left = daysUntil(s.closesOn, today);
    if (left < 0 || left > SURVEY_REMINDER_DAYS_BEFORE) continue;
    const pending = await db
      .select({ id: surveyInvitation.id, email: person.email, accountEmail: account.email })
      .from(surveyInvitation)
      .innerJoin(person, eq(person.id, surveyInvitation.personId))
      .leftJoin(account, eq(account.personId, person.id))
      .where(and(eq(surveyInvitation.surveyId, s.id), eq(surveyInvitation.answered, false), eq(surveyInvitation.reminderSent, false)));
    for (const p of pending) {
      const to = (p.accountEmail || p.email || "").toLowerCase();
      await db.transaction(async (tx) => {
        const marked = await tx
          .update(surveyInvitation)
          .set({ reminderSent: true })
          .where(and(eq(surveyInvitation.id, p.id), eq(surveyInvitation.reminderSent, false)))
          .returning({ id: surveyInvitation.id });
        if (marked.length === 0 || !to) return;
        await queueEmail(tx, {
          to,
          subject: "Filet — Rappel : un sondage de la Table se termine bientôt / Reminder: a Table survey closes soon",
          text: `Bonjour,\n\nLe sondage auquel la Table vous a invité se termine le ${s.closesOn}. Utilisez le lien personnel reçu dans l'invitation.\n\nHello,\n\nThe survey the Table invited you to closes on ${s.closesOn}. Use the personal link from the invitation.\n`,
          partnershipId: s.partnershipId,
        });
        reminded++;
      });
    }
    if (pending.length) {
      await recordAuditEvent(db, systemActor("surveys-daily", s.partnershipId), { action: "survey.reminder_sent", targetType: "survey", targetId: s.id, partnershipId: s.partnershipId, details: { recipients: pending.length } });
    }
  }
  return { closed, reminded };
}

export const surveyDailyJob: JobHandler = async (_payload, ctx) => {
  await runSurveyDaily(ctx.db, ctx.now);
};
