import { eq, isNull } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, systemActor } from "../audit/record-audit-event.server.ts";
import { queueEmail } from "../email/queue-email.server.ts";
import { roleHolderEmails } from "../identity/role-holder-emails.server.ts";
import type { JobHandler } from "../jobs/runner.server.ts";
import { daysUntil, quebecDay } from "../time/days.ts";
import { recommendationsOf } from "./list-reports.server.ts";
import { evaluationRecommendation, evaluationReminderSent, evaluationReport } from "./tables.ts";
import { RESPONSE_DUE_SOON_DAYS } from "./vocabulary.ts";

export const EVALUATION_REMINDERS_JOB = "evaluation.recommendation_reminders";

type Threshold = "response_due_soon" | "response_overdue" | "action_overdue";

// A link and nothing of the recommendation itself: the page says what it is, to those who may read it.
const notices: Record<Threshold, { subject: string; fr: string; en: string }> = {
  response_due_soon: {
    subject: "Filet — Une réponse à une recommandation d'évaluation est attendue / A response to an evaluation recommendation is due",
    fr: "La réponse de la Table à une recommandation de l'évaluation est attendue d'ici sept jours.",
    en: "The Table's response to an evaluation recommendation is due within seven days.",
  },
  response_overdue: {
    subject: "Filet — Une réponse à une recommandation d'évaluation est en retard / A response to an evaluation recommendation is overdue",
    fr: "La réponse de la Table à une recommandation de l'évaluation a dépassé son échéance.",
    en: "The Table's response to an evaluation recommendation is past its deadline.",
  },
  action_overdue: {
    subject: "Filet — Une recommandation d'évaluation est en retard / An evaluation recommendation is overdue",
    fr: "Une action clé d'une recommandation de l'évaluation a dépassé son échéance.",
    en: "A key action of an evaluation recommendation is past its due date.",
  },
};

/**
 * The daily job: the Table coordinators hear, once per recommendation, threshold and item (the
 * deadline, or the late key action), when a response is due within seven days, is overdue, or
 * a key action makes the recommendation overdue. The sent mark, the emails and the audit event
 * share one transaction; a second run (or a second runner) finds the mark and sends nothing.
 */
export async function sendEvaluationReminders(db: Database, input: { now: Date; publicUrl: string }): Promise<Record<Threshold, number>> {
  const today = quebecDay(input.now);
  const counts: Record<Threshold, number> = { response_due_soon: 0, response_overdue: 0, action_overdue: 0 };
  const tables = await db
    .selectDistinct({ partnershipId: evaluationRecommendation.partnershipId })
    .from(evaluationRecommendation)
    .innerJoin(evaluationReport, eq(evaluationReport.id, evaluationRecommendation.reportId))
    .where(isNull(evaluationRecommendation.verification));
  for (const { partnershipId } of tables) {
    const { recommendations, keyActions } = await recommendationsOf(db, partnershipId, today);
    const dueRows = await db.select({ id: evaluationReport.id, due: evaluationReport.responseDueOn }).from(evaluationReport).where(eq(evaluationReport.partnershipId, partnershipId));
    const dueOf = new Map(dueRows.map((r) => [r.id, r.due]));
    const items: { recommendationId: string; threshold: Threshold; key: string }[] = [];
    for (const r of recommendations) {
      if (r.status === "verified") continue;
      const due = dueOf.get(r.reportId)!;
      if (r.status === "awaiting_response") {
        const left = daysUntil(due, today);
        if (left < 0) items.push({ recommendationId: r.id, threshold: "response_overdue", key: due });
        else if (left <= RESPONSE_DUE_SOON_DAYS) items.push({ recommendationId: r.id, threshold: "response_due_soon", key: due });
      }
      for (const k of keyActions) if (k.recommendationId === r.id && k.overdue) items.push({ recommendationId: r.id, threshold: "action_overdue", key: k.targetId });
    }
    if (items.length === 0) continue;
    const to = await roleHolderEmails(db, partnershipId, [{ role: "table_coordinator" }]);
    for (const item of items) {
      await db.transaction(async (tx) => {
        const marked = await tx
          .insert(evaluationReminderSent)
          .values({ partnershipId, recommendationId: item.recommendationId, threshold: item.threshold, itemKey: item.key, sentAt: input.now })
          .onConflictDoNothing()
          .returning({ id: evaluationReminderSent.recommendationId });
        if (marked.length === 0) return;
        const link = `${input.publicUrl}/evaluation/recommendations/${item.recommendationId}`;
        const n = notices[item.threshold];
        for (const address of to) await queueEmail(tx, { to: address, subject: n.subject, text: `Bonjour,\n\n${n.fr}\n${link}\n\nHello,\n\n${n.en}\n${link}\n`, partnershipId });
        await recordAuditEvent(tx, systemActor("evaluation-reminders", partnershipId), {
          action: "evaluation_recommendation.reminder_sent",
          targetType: "evaluation_recommendation",
          targetId: item.recommendationId,
          partnershipId,
          details: { threshold: item.threshold, recipients: to.length },
        });
        counts[item.threshold]++;
      });
    }
  }
  return counts;
}

export const evaluationRemindersJob: JobHandler = async (_payload, ctx) => {
  await sendEvaluationReminders(ctx.db, { now: ctx.now, publicUrl: ctx.config.publicUrl });
};
