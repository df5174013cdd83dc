// Plain data, free of the ORM, so that route components may import it.
import type { QuestionBase } from "../questionnaires/questions.ts";

export const surveyStatuses = ["draft", "open", "closed"] as const;
export type SurveyStatus = (typeof surveyStatuses)[number];

/** Who a survey is sent to when it opens. */
export const surveyAudiences = ["delegates", "pivots", "trained", "members", "organizations"] as const;
export type SurveyAudience = (typeof surveyAudiences)[number];

/** The survey's own question kinds (the training's yes/no and text stay the training's). */
export const surveyQuestionKinds = ["single", "multiple", "scale", "matrix", "short", "long", "number", "date"] as const;

/**
 * Registry indicators a survey question may feed (app/modules/indicators/compute/surveys.server.ts):
 * the share of a single-choice or scale question's answers that are among `anyOf`.
 */
export const surveyIndicatorCodes = ["partner_survey_satisfaction"] as const;
export type SurveyIndicatorCode = (typeof surveyIndicatorCodes)[number];

export interface SurveyQuestion extends QuestionBase {
  indicator?: { code: SurveyIndicatorCode; anyOf: string[] };
}

export interface SurveySection {
  key: string;
  titleFr: string;
  titleEn: string;
  questions: SurveyQuestion[];
}

/** Reminders leave this many days before the closing date, once per invitation. */
export const SURVEY_REMINDER_DAYS_BEFORE = 3;

export const allQuestions = (sections: readonly SurveySection[]) => sections.flatMap((s) => s.questions);
