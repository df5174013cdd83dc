import { and, eq, gte, lte } from "drizzle-orm";
import type { Database } from "../../db/client.server.ts";
import { getSurveyResults } from "../../surveys/get-results.server.ts";
import { publishedVersion } from "../../surveys/list-surveys.server.ts";
import { survey } from "../../surveys/tables.ts";
import { allQuestions, surveyIndicatorCodes, type SurveyIndicatorCode, type SurveyQuestion } from "../../surveys/vocabulary.ts";
import type { IndicatorDefinition, IndicatorQuery, Tallies } from "../figures.ts";

/*
 * Indicators fed by the partners' surveys (issue 13 §1): the share of the answers to the question
 * bound to the indicator (`indicator <code> = values` in the definition) that are among its values,
 * over the surveys CLOSED within the period. The figures are read from the survey's results as
 * the disclosure control already published them: a survey counts only when every bound choice
 * and the question's total are shown there, so the indicator never gives back, by subtraction, a
 * figure the results page suppressed. The ratio then goes through discloseIndicator like any other.
 */
async function shareOfAnswers(db: Database, code: SurveyIndicatorCode, q: IndicatorQuery): Promise<Tallies> {
  const closed = await db
    .select()
    .from(survey)
    .where(and(eq(survey.partnershipId, q.partnershipId), eq(survey.status, "closed"), gte(survey.closedOn, q.period.from), lte(survey.closedOn, q.period.to)));
  let numerator = 0;
  let denominator = 0;
  for (const row of closed) {
    const version = await publishedVersion(db, row);
    const bound = allQuestions(version?.sections ?? []).find((question: SurveyQuestion) => question.indicator?.code === code);
    if (!bound?.indicator) continue;
    const results = await getSurveyResults(db, row, "fr");
    if (!results.shown) continue;
    const result = results.questions.find((r) => r.key === bound.key);
    if (!result || result.answered?.kind !== "value") continue;
    const values = bound.options?.length ? bound.options.map((o) => o.value) : Array.from({ length: (bound.max ?? 5) - (bound.min ?? 1) + 1 }, (_, i) => String((bound.min ?? 1) + i));
    const counted = values.map((v, i) => ({ bound: bound.indicator!.anyOf.includes(v), figure: result.figures[i]?.count }));
    if (counted.some((c) => c.bound && c.figure?.kind !== "value")) continue;
    numerator += counted.reduce((sum, c) => sum + (c.bound && c.figure?.kind === "value" ? c.figure.value : 0), 0);
    denominator += result.answered.value;
  }
  return { shape: "ratio", byOrganization: new Map([[null, { numerator, denominator }]]) };
}

export const surveyIndicators: IndicatorDefinition[] = surveyIndicatorCodes.map((code) => ({
  code,
  theme: "partnership",
  module: "surveys",
  type: "percent",
  decimals: 1,
  disaggregations: [],
  compute: (db, q) => shareOfAnswers(db, code, q),
}));
