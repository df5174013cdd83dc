import { and, eq, inArray, lt } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { freeTextKinds, type AnswerMap } from "../questionnaires/questions.ts";
import { addMonths, quebecDay } from "../time/days.ts";
import { surveyDraft, surveyInvitation, surveyResponse, surveyResponseAuthor, surveyVersion } from "./tables.ts";
import { allQuestions } from "./vocabulary.ts";

/**
 * The retention schedule's "survey answers" (trigger: the day answered, the only time a
 * response keeps). Destroy: the responses older than the period go, with their author (named
 * surveys). Anonymize: the author link and the free-text answers go, the choices stay for the
 * results. Either way, the drafts of unanswered links last saved before the cutoff go too.
 * Returns how many responses (and drafts) were destroyed or anonymized.
 */
export async function purgeSurveyAnswers(tx: Database, partnershipId: string, rule: { months: number; disposition: string }, now: Date): Promise<number> {
  const cutoff = addMonths(quebecDay(now), -rule.months);
  const old = await tx
    .select({ id: surveyResponse.id, versionId: surveyResponse.versionId, answers: surveyResponse.answers })
    .from(surveyResponse)
    .where(and(eq(surveyResponse.partnershipId, partnershipId), lt(surveyResponse.answeredOn, cutoff)));
  const drafts = await tx
    .delete(surveyDraft)
    .where(
      and(
        eq(surveyDraft.partnershipId, partnershipId),
        lt(surveyDraft.updatedAt, addMonths(now, -rule.months)),
        inArray(surveyDraft.invitationId, tx.select({ id: surveyInvitation.id }).from(surveyInvitation).where(eq(surveyInvitation.partnershipId, partnershipId))),
      ),
    )
    .returning({ id: surveyDraft.invitationId });
  if (old.length === 0) return drafts.length;
  const ids = old.map((r) => r.id);
  const authors = await tx.delete(surveyResponseAuthor).where(and(eq(surveyResponseAuthor.partnershipId, partnershipId), inArray(surveyResponseAuthor.responseId, ids))).returning({ id: surveyResponseAuthor.responseId });
  if (rule.disposition === "destroy") {
    const gone = await tx.delete(surveyResponse).where(and(eq(surveyResponse.partnershipId, partnershipId), inArray(surveyResponse.id, ids))).returning({ id: surveyResponse.id });
    return gone.length + drafts.length;
  }
  // Anonymize: which keys are free text, per version answered.
  const versions = await tx
    .select({ id: surveyVersion.id, sections: surveyVersion.sections })
    .from(surveyVersion)
    .where(and(eq(surveyVersion.partnershipId, partnershipId), inArray(surveyVersion.id, [...new Set(old.map((r) => r.versionId))])));
  const textKeys = new Map(versions.map((v) => [v.id, allQuestions(v.sections).filter((q) => freeTextKinds.includes(q.kind)).map((q) => q.key)]));
  const unlinked = new Set(authors.map((a) => a.id));
  let changed = 0;
  for (const r of old) {
    const keys = (textKeys.get(r.versionId) ?? []).filter((k) => r.answers[k] !== undefined);
    if (keys.length) {
      const answers: AnswerMap = { ...r.answers };
      for (const k of keys) delete answers[k];
      await tx.update(surveyResponse).set({ answers }).where(eq(surveyResponse.id, r.id));
    }
    if (keys.length || unlinked.has(r.id)) changed++;
  }
  return changed + drafts.length;
}
