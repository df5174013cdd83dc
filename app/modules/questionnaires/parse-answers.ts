import { isCalendarDate } from "../time/days.ts";
import {
  answerField,
  isRequired,
  isVisible,
  matrixField,
  MAX_TEXT_ANSWER,
  scaleBounds,
  type AnswerMap,
  type QuestionBase,
} from "./questions.ts";

export type FormAnswers = Record<string, string | string[] | undefined>;

export type ParsedAnswers =
  | { ok: true; answers: AnswerMap }
  | { ok: false; errors: Record<string, string[]>; answers: AnswerMap };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? "") : (v ?? "")).trim();
const many = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v === undefined || v === "" ? [] : [v]).map((s) => s.trim()).filter(Boolean);

/**
 * Reads the answers to `questions` from a form. `complete` requires every required question that
 * is shown (a question hidden by its condition is neither required nor kept); a draft keeps
 * whatever was given. `earlier` are answers given before (earlier sections), for the conditions.
 * Unknown values are errors, never stored.
 */
export function parseAnswers(questions: readonly QuestionBase[], form: FormAnswers, complete: boolean, earlier: AnswerMap = {}): ParsedAnswers {
  const answers: AnswerMap = {};
  const errors: Record<string, string[]> = {};
  for (const q of questions) {
    if (!isVisible(q, { ...earlier, ...answers })) continue;
    const name = answerField(q.key);
    const missing = () => {
      if (complete && isRequired(q)) errors[name] = ["form.required"];
    };
    const allowed = new Set((q.options ?? []).map((o) => o.value));
    if (q.kind === "matrix") {
      const row: Record<string, string> = {};
      let bad = false;
      for (const r of q.rows ?? []) {
        const v = one(form[matrixField(q.key, r.value)]);
        if (v === "") continue;
        if (!allowed.has(v)) bad = true;
        else row[r.value] = v;
      }
      if (bad) errors[name] = ["form.invalid"];
      else if (Object.keys(row).length === 0) missing();
      else {
        if (complete && isRequired(q) && Object.keys(row).length < (q.rows ?? []).length) errors[name] = ["form.required"];
        answers[q.key] = row;
      }
      continue;
    }
    if (q.kind === "multiple") {
      const values = [...new Set(many(form[name]))];
      if (values.some((v) => !allowed.has(v))) errors[name] = ["form.invalid"];
      else if (values.length === 0) missing();
      else answers[q.key] = values;
      continue;
    }
    const value = one(form[name]);
    if (value === "") {
      missing();
      continue;
    }
    if (q.kind === "scale") {
      const n = Number(value);
      const { min, max } = scaleBounds(q);
      if (!Number.isInteger(n) || n < min || n > max) errors[name] = ["form.invalid"];
      else answers[q.key] = n;
    } else if (q.kind === "yesno") {
      if (value !== "yes" && value !== "no") errors[name] = ["form.invalid"];
      else answers[q.key] = value;
    } else if (q.kind === "single") {
      if (!allowed.has(value)) errors[name] = ["form.invalid"];
      else answers[q.key] = value;
    } else if (q.kind === "number") {
      const n = Number(value.replace(",", "."));
      if (!/^-?\d{1,9}$/.test(value) || !Number.isSafeInteger(n)) errors[name] = ["form.invalid"];
      else if ((q.min !== undefined && n < q.min) || (q.max !== undefined && n > q.max)) errors[name] = ["form.invalid"];
      else answers[q.key] = n;
    } else if (q.kind === "date") {
      if (!isCalendarDate(value)) errors[name] = ["form.invalid"];
      else answers[q.key] = value;
    } else if (value.length > (q.kind === "short" ? 300 : MAX_TEXT_ANSWER)) {
      errors[name] = ["form.tooLong"];
    } else {
      answers[q.key] = value;
    }
  }
  return Object.keys(errors).length ? { ok: false, errors, answers } : { ok: true, answers };
}

/** The form fields that may repeat for these questions (multiple choice), for `readForm`'s `arrays`. */
export function repeatedFields(questions: readonly QuestionBase[]): string[] {
  return questions.filter((q) => q.kind === "multiple").map((q) => answerField(q.key));
}
