import { and, eq } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { protectCount, type Protected } from "../disclosure/protected.ts";
import { readEvaluationSettings } from "../indicators/read-evaluation-settings.server.ts";
import { answerTokens, choiceLabel, questionText } from "../questionnaires/questions.ts";
import type { ExportTable } from "../exports/export-table.ts";
import { publishedVersion, type SurveyRow } from "./list-surveys.server.ts";
import { surveyResponse } from "./tables.ts";
import { allQuestions } from "./vocabulary.ts";

export interface ChoiceFigure {
  label: string;
  count: Protected;
  /** Percent of the responses, null when the count is suppressed. */
  percent: number | null;
}

export interface QuestionResult {
  key: string;
  label: string;
  kind: string;
  /** Choice, scale and matrix questions (a matrix: one list per row, labelled "row — option"). */
  figures: ChoiceFigure[];
  /** Free-text and number/date answers listed (only once the survey has enough responses). */
  texts: string[];
}

export type SurveyResults = { shown: false; responses: Protected; threshold: number } | { shown: true; responses: number; threshold: number; questions: QuestionResult[] };

/**
 * The results of a survey for the coordinator and the evaluator. Every figure goes through the
 * disclosure control with the Table's threshold: nothing at all while fewer responses than the
 * threshold, and each count below it suppressed (its percentage with it).
 */
export async function getSurveyResults(db: Database, row: SurveyRow, locale: "fr" | "en"): Promise<SurveyResults> {
  const { suppressionThreshold: threshold } = await readEvaluationSettings(db, row.partnershipId);
  const responses = await db
    .select({ answers: surveyResponse.answers })
    .from(surveyResponse)
    .where(and(eq(surveyResponse.partnershipId, row.partnershipId), eq(surveyResponse.surveyId, row.id)));
  const total = responses.length;
  if (total < threshold) return { shown: false, responses: protectCount(total, threshold), threshold };
  const version = await publishedVersion(db, row);
  const questions: QuestionResult[] = [];
  const figure = (label: string, n: number): ChoiceFigure => {
    const count = protectCount(n, threshold);
    return { label, count, percent: count.kind === "value" ? Math.round((n / total) * 1000) / 10 : null };
  };
  for (const q of allQuestions(version?.sections ?? [])) {
    const result: QuestionResult = { key: q.key, label: questionText(q, locale), kind: q.kind, figures: [], texts: [] };
    if (q.kind === "single" || q.kind === "multiple" || (q.kind === "scale" && q.options?.length)) {
      for (const o of q.options ?? []) result.figures.push(figure(choiceLabel(o, locale), responses.filter((r) => answerTokens(r.answers[q.key]).includes(o.value)).length));
    } else if (q.kind === "scale") {
      const min = q.min ?? 1;
      const max = q.max ?? 5;
      for (let v = min; v <= max; v++) result.figures.push(figure(String(v), responses.filter((r) => r.answers[q.key] === v).length));
    } else if (q.kind === "matrix") {
      for (const rr of q.rows ?? [])
        for (const o of q.options ?? [])
          result.figures.push(
            figure(`${choiceLabel(rr, locale)} — ${choiceLabel(o, locale)}`, responses.filter((r) => (r.answers[q.key] as Record<string, string> | undefined)?.[rr.value] === o.value).length),
          );
    } else {
      result.texts = responses
        .map((r) => r.answers[q.key])
        .filter((v) => v !== undefined && v !== "")
        .map(String)
        .sort((a, b) => a.localeCompare(b));
    }
    questions.push(result);
  }
  return { shown: true, responses: total, threshold, questions };
}

/** The results as export tables (already suppressed): one row per question and choice. */
export function resultsTables(title: string, results: SurveyResults, labels: { question: string; choice: string; count: string; percent: string; answer: string; mark: string; footnote: string }): ExportTable[] {
  if (!results.shown) return [{ title, columns: [{ label: labels.question }], rows: [], footnotes: [labels.footnote], suppressedMark: labels.mark }];
  const counts: ExportTable = {
    title,
    columns: [{ label: labels.question }, { label: labels.choice }, { label: labels.count, kind: "number" }, { label: labels.percent, kind: "percent" }],
    rows: results.questions.flatMap((q) =>
      q.figures.map((f) => [q.label, f.label, f.count.kind === "value" ? f.count.value : { suppressed: true as const }, f.percent ?? { suppressed: true as const }]),
    ),
    footnotes: [labels.footnote],
    suppressedMark: labels.mark,
  };
  const texts: ExportTable = {
    title: `${title} (2)`,
    columns: [{ label: labels.question }, { label: labels.answer }],
    rows: results.questions.flatMap((q) => q.texts.map((t) => [q.label, t])),
    footnotes: [],
    suppressedMark: labels.mark,
  };
  return [counts, texts];
}
