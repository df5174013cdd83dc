// The question model shared by the training questionnaires and the surveys: plain data, free of
// the ORM, so route components may import it. A questionnaire is stored as data (jsonb).

/**
 * single = one choice among options; multiple = any of the options; scale = min..max (1–5 by
 * default); matrix = one choice per row among the options; short / long = free text (one line,
 * a paragraph); number = an integer; date = a calendar day; yesno and text: the training
 * questionnaires' yes/no and free comment.
 */
export const allQuestionKinds = ["single", "multiple", "scale", "matrix", "short", "long", "number", "date", "yesno", "text"] as const;
export type QuestionKind = (typeof allQuestionKinds)[number];

/** Kinds whose answer is free text: they pass the identifying-details guard. */
export const freeTextKinds: readonly QuestionKind[] = ["short", "long", "text"];

/** An option of a choice or matrix question, or a row of a matrix. */
export interface Choice {
  value: string;
  labelFr: string;
  labelEn: string;
}

/** Show a question only when an earlier question's answer is one of `anyOf`. */
export interface Condition {
  question: string;
  anyOf: string[];
}

export interface QuestionBase {
  /** Stable across versions, so answers of different versions aggregate together. */
  key: string;
  kind: QuestionKind;
  labelFr: string;
  labelEn: string;
  /** Required when answered; undefined: scale and yes/no required, the rest optional (the training rule). */
  required?: boolean;
  options?: Choice[];
  /** Matrix only: the rows, each answered with one of `options`. */
  rows?: Choice[];
  min?: number;
  max?: number;
  showIf?: Condition;
}

/** One answer: a choice or text, a number, the choices of a multiple question, a matrix's choice per row. */
export type AnswerValue = string | number | string[] | Record<string, string>;
export type AnswerMap = Record<string, AnswerValue>;

/** The form field of a question's answer (a matrix row adds `.row`). */
export const answerField = (key: string) => `a_${key}`;
export const matrixField = (key: string, row: string) => `a_${key}.${row}`;

export const MAX_TEXT_ANSWER = 2000;

export const isRequired = (q: QuestionBase) => q.required ?? (q.kind === "scale" || q.kind === "yesno");

export const scaleBounds = (q: QuestionBase) => ({ min: q.min ?? 1, max: q.max ?? 5 });

export const choiceLabel = (c: Choice, locale: string) => (locale === "en" ? c.labelEn : c.labelFr);
export const questionText = (q: QuestionBase, locale: string) => (locale === "en" ? q.labelEn : q.labelFr);

/** The values an answer matches for a condition: a choice, each choice of a multiple answer. */
export function answerTokens(value: AnswerValue | undefined): string[] {
  if (value === undefined) return [];
  if (Array.isArray(value)) return value;
  if (typeof value === "object") return Object.values(value);
  return [String(value)];
}

/** Whether a question is shown given the answers so far (a question without condition always is). */
export function isVisible(q: QuestionBase, answers: AnswerMap): boolean {
  if (!q.showIf) return true;
  const tokens = answerTokens(answers[q.showIf.question]);
  return tokens.some((t) => q.showIf!.anyOf.includes(t));
}
