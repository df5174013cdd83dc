// Plain data, free of the ORM, so that route components may import it.

/** The two questionnaires a Table defines: the observer's grid and the participants' evaluation. */
export const questionnaireKinds = ["observation", "evaluation"] as const;
export type QuestionnaireKind = (typeof questionnaireKinds)[number];

/** scale = 1 to 5; yesno = yes or no; text = a short free answer. */
export const questionKinds = ["scale", "yesno", "text"] as const;
export type QuestionKind = (typeof questionKinds)[number];

/** Evaluation questions are either satisfaction items or a knowledge check (with a correct answer). */
export const questionSections = ["satisfaction", "knowledge"] as const;
export type QuestionSection = (typeof questionSections)[number];

export interface Question {
  /** Stable across versions, so answers of different versions aggregate together. */
  key: string;
  kind: QuestionKind;
  section: QuestionSection;
  labelFr: string;
  labelEn: string;
  /** Knowledge check only: the expected yes/no answer. */
  correct?: "yes" | "no";
}

/** An answer per question key: 1–5 for scales, "yes"/"no", or text. */
export type Answers = Record<string, string | number>;

/** Results of a session are shown only from this many answers, so nobody's answer can be singled out. */
export const MIN_ANSWERS_SHOWN = 3;

/** The form field of a question's answer. */
export const answerField = (key: string) => `a_${key}`;
