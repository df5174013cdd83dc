import { and, eq, isNotNull } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, systemActor } from "../audit/record-audit-event.server.ts";
import { queueEmail } from "../email/queue-email.server.ts";
import { roleHolderEmails } from "../identity/role-holder-emails.server.ts";
import type { JobHandler } from "../jobs/runner.server.ts";
import { daysUntil, quebecDay } from "../time/days.ts";
import { expectedOrganizations, expectedPeriods } from "./get-overview.server.ts";
import { periodCalendar } from "./periods.ts";
import { statisticsDataSet, statisticsReminderSent, statisticsSubmission } from "./tables.ts";
import { REMINDER_DAYS_BEFORE } from "./vocabulary.ts";

export const STATISTICS_REMINDERS_JOB = "statistics.report_reminders";

type Kind = "due_soon" | "overdue";

// A link and the period, nothing of the figures.
const notices: Record<Kind, { subject: string; fr: (period: string, due: string) => string; en: (period: string, due: string) => string }> = {
  due_soon: {
    subject: "Filet — Statistiques de la période à transmettre / Statistics for the period are due",
    fr: (p, d) => `Les statistiques de votre organisation pour la période ${p} sont attendues d'ici le ${d}.`,
    en: (p, d) => `Your organization's statistics for the period ${p} are due by ${d}.`,
  },
  overdue: {
    subject: "Filet — Statistiques de la période en retard / Statistics for the period are late",
    fr: (p, d) => `Les statistiques de votre organisation pour la période ${p} étaient attendues le ${d}.`,
    en: (p, d) => `Your organization's statistics for the period ${p} were due on ${d}.`,
  },
};

/**
 * The daily job: the reporters (delegates and pivot coordinators) of each organization that has
 * not submitted its report hear once when the deadline is within REMINDER_DAYS_BEFORE days, and
 * once the day after it passes while entry is still open. The mark, the emails and the audit
 * event share one transaction, so a second run sends nothing.
 */
export async function sendStatisticsReminders(db: Database, input: { now: Date; publicUrl: string }): Promise<Record<Kind, number>> {
  const today = quebecDay(input.now);
  const counts: Record<Kind, number> = { due_soon: 0, overdue: 0 };
  const sets = await db.select().from(statisticsDataSet).where(eq(statisticsDataSet.active, true));
  for (const set of sets) {
    for (const period of expectedPeriods(set, today, 2)) {
      const cal = periodCalendar(period, set);
      const left = daysUntil(cal.dueOn, today);
      const kind: Kind | null = left >= 0 && left <= REMINDER_DAYS_BEFORE ? "due_soon" : left < 0 && today <= cal.closesOn ? "overdue" : null;
      if (!kind) continue;
      const submitted = await db
        .select({ organizationId: statisticsSubmission.organizationId })
        .from(statisticsSubmission)
        .where(and(eq(statisticsSubmission.partnershipId, set.partnershipId), eq(statisticsSubmission.dataSetId, set.id), eq(statisticsSubmission.periodKey, period.key), isNotNull(statisticsSubmission.firstSubmittedAt)));
      const done = new Set(submitted.map((s) => s.organizationId));
      for (const org of await expectedOrganizations(db, set, period)) {
        if (done.has(org.id)) continue;
        const to = await roleHolderEmails(db, set.partnershipId, [
          { role: "table_member", organizationId: org.id },
          { role: "pivot_coordinator", organizationId: org.id },
        ]);
        await db.transaction(async (tx) => {
          const marked = await tx
            .insert(statisticsReminderSent)
            .values({ partnershipId: set.partnershipId, dataSetId: set.id, organizationId: org.id, periodKey: period.key, kind, sentAt: input.now })
            .onConflictDoNothing()
            .returning({ id: statisticsReminderSent.dataSetId });
          if (marked.length === 0) return;
          const link = `${input.publicUrl}/statistics/entry/${set.id}/${org.id}/${period.key}`;
          const n = notices[kind];
          for (const address of to) {
            await queueEmail(tx, { to: address, subject: n.subject, text: `Bonjour,\n\n${n.fr(period.key, cal.dueOn)}\n${link}\n\nHello,\n\n${n.en(period.key, cal.dueOn)}\n${link}\n`, partnershipId: set.partnershipId });
          }
          await recordAuditEvent(tx, systemActor("statistics-reminders", set.partnershipId), {
            action: "statistics_submission.reminder_sent",
            targetType: "statistics_data_set",
            targetId: set.id,
            partnershipId: set.partnershipId,
            organizationId: org.id,
            details: { kind, period: period.key, recipients: to.length },
          });
          counts[kind]++;
        });
      }
    }
  }
  return counts;
}

export const statisticsRemindersJob: JobHandler = async (_payload, ctx) => {
  await sendStatisticsReminders(ctx.db, { now: ctx.now, publicUrl: ctx.config.publicUrl });
};
