import { z } from "zod";
import { parseAnswers as parseSharedAnswers } from "../questionnaires/parse-answers.ts";
import { questionKinds, questionSections, type Answers, type Question, type QuestionnaireKind } from "./vocabulary.ts";

/** Rows of the editor: the existing questions plus blank ones to add. */
export const MAX_QUESTIONS = 40;

const row = z.object({
  key: z.string().regex(/^[a-z0-9-]{1,40}$/).optional(),
  labelFr: z.string().trim().max(300, "form.tooLong").default(""),
  labelEn: z.string().trim().max(300, "form.tooLong").default(""),
  kind: z.enum(questionKinds).default("scale"),
  section: z.enum(questionSections).default("satisfaction"),
  correct: z.enum(["", "yes", "no"]).default(""),
  remove: z.string().optional(),
});

export type QuestionnaireFormResult =
  | { ok: true; questions: Question[] }
  | { ok: false; errors: Record<string, string[]> };

/**
 * Reads the editor's rows (`q0.labelFr`, `q0.kind`…): blank rows are ignored, removed ones dropped.
 * Both wordings are required; a knowledge question is a yes/no statement with its correct answer.
 */
export function parseQuestionnaireForm(form: Record<string, string>, kind: QuestionnaireKind): QuestionnaireFormResult {
  const questions: Question[] = [];
  const errors: Record<string, string[]> = {};
  const seen = new Set<string>();
  for (let i = 0; i < MAX_QUESTIONS; i++) {
    const raw = Object.fromEntries(
      Object.entries(form)
        .filter(([k]) => k.startsWith(`q${i}.`))
        .map(([k, v]) => [k.slice(`q${i}.`.length), v]),
    );
    if (Object.keys(raw).length === 0) continue;
    const parsed = row.safeParse({ ...raw, key: raw.key || undefined });
    if (!parsed.success) {
      errors[`q${i}.labelFr`] = ["form.invalid"];
      continue;
    }
    const r = parsed.data;
    if (r.remove || (!r.labelFr && !r.labelEn)) continue;
    if (!r.labelFr) errors[`q${i}.labelFr`] = ["form.required"];
    if (!r.labelEn) errors[`q${i}.labelEn`] = ["form.required"];
    const section = kind === "observation" ? "satisfaction" : r.section;
    if (section === "knowledge" && (r.kind !== "yesno" || !r.correct)) errors[`q${i}.correct`] = ["trainingEval.editor.knowledgeRule"];
    const key = r.key && !seen.has(r.key) ? r.key : crypto.randomUUID().slice(0, 8);
    seen.add(key);
    questions.push({
      key,
      kind: r.kind,
      section,
      labelFr: r.labelFr,
      labelEn: r.labelEn,
      ...(section === "knowledge" && r.correct ? { correct: r.correct } : {}),
    });
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  if (questions.length === 0) return { ok: false, errors: { "q0.labelFr": ["trainingEval.editor.empty"] } };
  return { ok: true, questions };
}


/**
 * Reads answers from a form with the shared engine: `complete` requires every scale and yes/no
 * question (text stays optional); a draft keeps whatever was given. Unknown values are errors.
 * Training questions only hold numbers and strings, hence the narrower `Answers`.
 */
export function parseAnswers(
  questions: readonly Question[],
  form: Record<string, string>,
  complete: boolean,
): { ok: true; answers: Answers } | { ok: false; errors: Record<string, string[]>; answers: Answers } {
  return parseSharedAnswers(questions, form, complete) as { ok: true; answers: Answers } | { ok: false; errors: Record<string, string[]>; answers: Answers };
}
