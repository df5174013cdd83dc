import type { Database } from "../db/client.server.ts";
import { findIdentifyingDetails } from "../consultations/pii/find-identifying-details.ts";
import type { Finding } from "../consultations/pii/detectors.ts";
import { publicPhonesFor } from "../consultations/pii/table-phones.server.ts";
import { answerField, freeTextKinds, type AnswerMap, type QuestionBase } from "../questionnaires/questions.ts";

/** The identifying-details guard on the free-text answers: findings per form field, empty when none. */
export async function guardFreeText(db: Database, partnershipId: string, questions: readonly QuestionBase[], answers: AnswerMap): Promise<Record<string, Finding[]>> {
  const texts = questions.filter((q) => freeTextKinds.includes(q.kind) && typeof answers[q.key] === "string").map((q) => ({ q, text: answers[q.key] as string }));
  if (texts.length === 0) return {};
  const phones = await publicPhonesFor(db, partnershipId, texts.map((t) => t.text));
  const out: Record<string, Finding[]> = {};
  for (const { q, text } of texts) {
    const found = findIdentifyingDetails(text, phones);
    if (found.length) out[answerField(q.key)] = found;
  }
  return out;
}
