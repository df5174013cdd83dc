import { answerField, type QuestionBase } from "../questionnaires/questions.ts";
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

/** A training question: the shared question model (app/modules/questionnaires) narrowed to three kinds. */
export interface Question extends QuestionBase {
  kind: QuestionKind;
  section: QuestionSection;
  /** Knowledge check only: the expected yes/no answer. */
  correct?: "yes" | "no";
}

/** An answer per question key: 1–5 for scales, "yes"/"no", or text. */
export type Answers = Record<string, string | number>;

/** Results of a session are shown only from this many answers, so nobody's answer can be singled out. */
export const MIN_ANSWERS_SHOWN = 3;

/** The form field of a question's answer (the shared engine's). */
export { answerField };
