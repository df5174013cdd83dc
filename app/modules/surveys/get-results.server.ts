// @messages-rendered-on-server: the organization types' names of the cross-tabs are resolved
// here, for the page and the downloads alike.
import { and, eq } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { protectGrid } from "../disclosure/protect-grid.ts";
import { protectCount, type Protected } from "../disclosure/protected.ts";
import { organizationTypes } from "../governance/tables.ts";
import { translator, type MessageKey } from "../../i18n/catalog.ts";
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
  /**
   * Single-choice and scale questions of a survey that asks for the organization type: choice ×
   * type, protected as one grid with its totals (complementary suppression), so no suppressed
   * cell comes back by subtraction from the totals or from the question's figures.
   */
  crossTab: CrossTab | null;
  /** Single choice and scale: how many answered the question, as its protected grid published it. */
  answered?: Protected;
  /** The survey asks for the type, but too few answered per type for any cross-tab to show. */
  crossTabWithheld?: boolean;
}

export interface CrossTab {
  /** Column labels: the organization types that answered (the fewest merged into "other milieux"). */
  types: string[];
  /** One row per choice (same order as `figures`), one cell per type. */
  cells: Protected[][];
  /** Per type: how many answered the question. */
  typeTotals: Protected[];
  total: Protected;
  suppressed: number;
}

export type SurveyResults = { shown: false; responses: Protected; threshold: number } | { shown: true; responses: number; threshold: number; questions: QuestionResult[] };

/**
 * The results of a survey for the coordinator and the evaluator. Every figure goes through the
 * disclosure control with the Table's threshold: nothing at all while fewer responses than the
 * threshold, and each count below it suppressed (its percentage with it). Each question is
 * protected on its own, so `only` (one question's key, for its chart) gives that question's
 * figures exactly as the whole page has them, without solving every other grid.
 */
export async function getSurveyResults(db: Database, row: SurveyRow, locale: "fr" | "en", only?: string): Promise<SurveyResults> {
  const { suppressionThreshold: threshold } = await readEvaluationSettings(db, row.partnershipId);
  const responses = await db
    .select({ answers: surveyResponse.answers, organizationType: surveyResponse.organizationType })
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
  const t = translator(locale);
  const typeOf = (r: (typeof responses)[number]): string => r.organizationType ?? "none";
  // Columns: the types present, in the vocabulary's order (a type nobody answered from is no column).
  const present = new Set<string>(responses.map(typeOf));
  const types: string[] = [...organizationTypes, "none"].filter((k) => present.has(k));
  const typeLabel = (k: string) => (k === "none" ? t("surveys.results.noType") : t(`orgType.${k}` as MessageKey));
  const respondents = (k: string) => responses.filter((r) => typeOf(r) === k).length;
  /**
   * Choice × organization type as one protected grid with its totals. With few answers per type
   * the complements would hide the question's own figures: the smallest types are merged into
   * "other milieux" until the grid shows every figure the question shows alone; down to one
   * column, no cross-tab (withheld).
   */
  async function crossTabOf(
    values: { value: string | number }[],
    rows: string[],
    countIn: (group: ReadonlySet<string> | null, v: string | number) => number,
    alone: Protected[],
  ): Promise<{ rowTotals: Protected[]; table: CrossTab } | null> {
    const singles = [...types].sort((a, b) => respondents(b) - respondents(a) || types.indexOf(a) - types.indexOf(b));
    const merged: string[] = [];
    while (singles.length + (merged.length ? 1 : 0) >= 2) {
      const groups = [...singles.map((k) => [k]), ...(merged.length ? [merged] : [])];
      const cells = values.map((v) => groups.map((g) => countIn(new Set(g), v.value)));
      const grid = await protectGrid({ rows, cols: groups.map((g) => g.join("+")), cells, rowTotals: true, colTotals: true }, { threshold });
      if (grid.rowTotals!.every((p, i) => p.kind === "value" || alone[i]!.kind === "suppressed")) {
        const label = (g: string[]) => (g.length > 1 ? t("surveys.results.otherTypes") : typeLabel(g[0]!));
        return { rowTotals: grid.rowTotals!, table: { types: groups.map(label), cells: grid.cells, typeTotals: grid.colTotals!, total: grid.grandTotal!, suppressed: grid.suppressedCount } };
      }
      merged.unshift(singles.pop()!);
    }
    return null;
  }
  for (const q of allQuestions(version?.sections ?? []).filter((x) => only === undefined || x.key === only)) {
    const result: QuestionResult = { key: q.key, label: questionText(q, locale), kind: q.kind, figures: [], texts: [], crossTab: null };
    // One answer per respondent (single choice, scale): the figures and their cross-tab are one grid.
    const values: { value: string | number; label: string }[] | null =
      q.kind === "single" || (q.kind === "scale" && q.options?.length)
        ? (q.options ?? []).map((o) => ({ value: o.value, label: choiceLabel(o, locale) }))
        : q.kind === "scale"
          ? Array.from({ length: (q.max ?? 5) - (q.min ?? 1) + 1 }, (_, i) => ({ value: (q.min ?? 1) + i, label: String((q.min ?? 1) + i) }))
          : null;
    if (values) {
      const matches = (r: (typeof responses)[number], v: string | number) => r.answers[q.key] === v || (typeof v === "string" && answerTokens(r.answers[q.key]).includes(v));
      const countIn = (group: ReadonlySet<string> | null, v: string | number) => responses.filter((r) => (!group || group.has(typeOf(r))) && matches(r, v)).length;
      const rows = values.map((v) => String(v.value));
      // The question's figures alone: one column and its total (so no choice comes back by subtraction).
      const alone = await protectGrid({ rows, cols: ["all"], cells: values.map((v) => [countIn(null, v.value)]), rowTotals: false, colTotals: true }, { threshold });
      let counts = alone.cells.map((r) => r[0]!);
      result.answered = alone.colTotals![0]!;
      if (row.asksOrganizationType) {
        const cross = await crossTabOf(values, rows, countIn, alone.cells.map((r) => r[0]!));
        if (cross) {
          // The grid is published whole: its row totals are the question's figures.
          counts = cross.rowTotals;
          result.crossTab = cross.table;
          result.answered = cross.table.total;
        } else result.crossTabWithheld = true;
      }
      values.forEach((v, i) => {
        const count = counts[i]!;
        result.figures.push({ label: v.label, count, percent: count.kind === "value" ? Math.round((count.value / total) * 1000) / 10 : null });
      });
    } else if (q.kind === "multiple") {
      for (const o of q.options ?? []) result.figures.push(figure(choiceLabel(o, locale), responses.filter((r) => answerTokens(r.answers[q.key]).includes(o.value)).length));
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
export function resultsTables(title: string, results: SurveyResults, labels: { question: string; choice: string; count: string; percent: string; answer: string; mark: string; footnote: string; total: string; byType: string }): ExportTable[] {
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
  const cell = (p: Protected) => (p.kind === "value" ? p.value : { suppressed: true as const });
  // One table per cross-tab: choice × organization type, the totals as the grid published them.
  const crossTabs: ExportTable[] = results.questions.flatMap((q) =>
    q.crossTab
      ? [
          {
            title: `${labels.byType} — ${q.label}`,
            columns: [{ label: labels.choice }, ...q.crossTab.types.map((label) => ({ label, kind: "number" as const })), { label: labels.total, kind: "number" as const }],
            rows: [
              ...q.figures.map((f, i) => [f.label, ...q.crossTab!.cells[i]!.map(cell), cell(f.count)]),
              [labels.total, ...q.crossTab.typeTotals.map(cell), cell(q.crossTab.total)],
            ],
            footnotes: [labels.footnote],
            suppressedMark: labels.mark,
          },
        ]
      : [],
  );
  return [counts, ...crossTabs, texts];
}
