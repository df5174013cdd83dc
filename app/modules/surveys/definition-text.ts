import { surveyIndicatorCodes, surveyQuestionKinds, type SurveyIndicatorCode, type SurveyQuestion, type SurveySection } from "./vocabulary.ts";
import type { Choice, QuestionKind } from "../questionnaires/questions.ts";

/**
 * A survey's definition as plain text, edited in one textarea (works without JavaScript):
 *
 *   # Titre de la section | Section title
 *   ? key | single | required | Question en français | Question in English
 *   - value | Option en français | Option in English
 *   = row | Ligne en français | Row in English        (matrix rows)
 *   if other-key = value, value2                       (show only when an earlier answer matches)
 *   range 1-5                                          (scale and number bounds)
 *   indicator code = value, value2                     (single choice or scale: feeds a registry indicator,
 *                                                       the share of answers among the values)
 *
 * Kinds: single, multiple, scale, matrix, short, long, number, date. `required` or `optional`.
 */
export const DEFINITION_MAX = 40_000;

const KEY = /^[a-z0-9][a-z0-9-]{0,39}$/;

export type DefinitionResult = { ok: true; sections: SurveySection[] } | { ok: false; line: number; problem: string };

export function parseDefinition(text: string): DefinitionResult {
  const sections: SurveySection[] = [];
  const seen = new Set<string>();
  let question: SurveyQuestion | null = null;
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const fail = (i: number, problem: string): DefinitionResult => ({ ok: false, line: i + 1, problem });
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    const parts = (s: string) => s.split("|").map((p) => p.trim());
    if (line.startsWith("#")) {
      const [fr = "", en = ""] = parts(line.slice(1));
      if (!fr || !en) return fail(i, "surveys.definition.sectionTitles");
      sections.push({ key: `s${sections.length + 1}`, titleFr: fr, titleEn: en, questions: [] });
      question = null;
    } else if (line.startsWith("?")) {
      const [key = "", kind = "", req = "", fr = "", en = ""] = parts(line.slice(1));
      if (!KEY.test(key) || seen.has(key)) return fail(i, "surveys.definition.key");
      if (!(surveyQuestionKinds as readonly string[]).includes(kind)) return fail(i, "surveys.definition.kind");
      if (req !== "required" && req !== "optional") return fail(i, "surveys.definition.required");
      if (!fr || !en || fr.length > 500 || en.length > 500) return fail(i, "surveys.definition.labels");
      if (sections.length === 0) sections.push({ key: "s1", titleFr: "Questions", titleEn: "Questions", questions: [] });
      seen.add(key);
      question = { key, kind: kind as QuestionKind, required: req === "required", labelFr: fr, labelEn: en };
      sections[sections.length - 1]!.questions.push(question);
    } else if (line.startsWith("-") || line.startsWith("=")) {
      const [value = "", fr = "", en = ""] = parts(line.slice(1));
      if (!question || !KEY.test(value) || !fr || !en) return fail(i, "surveys.definition.option");
      const list: Choice[] = line.startsWith("-") ? (question.options ??= []) : (question.rows ??= []);
      if (list.some((c) => c.value === value)) return fail(i, "surveys.definition.option");
      list.push({ value, labelFr: fr, labelEn: en });
    } else if (line.startsWith("if ")) {
      const m = /^if\s+([a-z0-9-]+)\s*=\s*(.+)$/.exec(line);
      const target = m && [...sections.flatMap((s) => s.questions)].find((q) => q.key === m[1] && q !== question);
      if (!question || !m || !target) return fail(i, "surveys.definition.condition");
      const anyOf = m[2]!.split(",").map((v) => v.trim()).filter(Boolean);
      if (target.options && anyOf.some((v) => !target.options!.some((o) => o.value === v))) return fail(i, "surveys.definition.condition");
      question.showIf = { question: target.key, anyOf };
    } else if (line.startsWith("indicator ")) {
      const m = /^indicator\s+([a-z0-9_]+)\s*=\s*(.+)$/.exec(line);
      const code = m?.[1] as SurveyIndicatorCode | undefined;
      if (!question || !m || !code || !surveyIndicatorCodes.includes(code) || (question.kind !== "single" && question.kind !== "scale")) return fail(i, "surveys.definition.indicator");
      const anyOf = m[2]!.split(",").map((v) => v.trim()).filter(Boolean);
      if (anyOf.length === 0) return fail(i, "surveys.definition.indicator");
      if (question.options?.length ? anyOf.some((v) => !question!.options!.some((o) => o.value === v)) : anyOf.some((v) => !/^-?\d{1,6}$/.test(v))) return fail(i, "surveys.definition.indicator");
      const bound = sections.flatMap((s) => s.questions as SurveyQuestion[]).find((other) => other !== question && other.indicator?.code === code);
      if (bound) return fail(i, "surveys.definition.indicator");
      question.indicator = { code, anyOf };
    } else if (line.startsWith("range ")) {
      const m = /^range\s+(-?\d{1,6})\s*-\s*(-?\d{1,6})$/.exec(line);
      if (!question || !m || Number(m[1]) >= Number(m[2]) || (question.kind === "scale" && Number(m[2]) - Number(m[1]) > 10)) return fail(i, "surveys.definition.range");
      question.min = Number(m[1]);
      question.max = Number(m[2]);
    } else {
      return fail(i, "surveys.definition.unknownLine");
    }
  }
  for (const s of sections)
    for (const q of s.questions) {
      if ((q.kind === "single" || q.kind === "multiple" || q.kind === "matrix") && (q.options?.length ?? 0) < 2) return { ok: false, line: 0, problem: "surveys.definition.needsOptions" };
      if (q.kind === "matrix" && !q.rows?.length) return { ok: false, line: 0, problem: "surveys.definition.needsRows" };
    }
  if (!sections.some((s) => s.questions.length)) return { ok: false, line: 0, problem: "surveys.definition.empty" };
  return { ok: true, sections };
}

/** The text a definition is edited as (parseDefinition's inverse). */
export function definitionText(sections: readonly SurveySection[]): string {
  const out: string[] = [];
  for (const s of sections) {
    out.push(`# ${s.titleFr} | ${s.titleEn}`);
    for (const q of s.questions) {
      out.push(`? ${q.key} | ${q.kind} | ${q.required ? "required" : "optional"} | ${q.labelFr} | ${q.labelEn}`);
      if (q.min !== undefined && q.max !== undefined) out.push(`range ${q.min}-${q.max}`);
      for (const o of q.options ?? []) out.push(`- ${o.value} | ${o.labelFr} | ${o.labelEn}`);
      for (const r of q.rows ?? []) out.push(`= ${r.value} | ${r.labelFr} | ${r.labelEn}`);
      if (q.showIf) out.push(`if ${q.showIf.question} = ${q.showIf.anyOf.join(", ")}`);
      if (q.indicator) out.push(`indicator ${q.indicator.code} = ${q.indicator.anyOf.join(", ")}`);
    }
    out.push("");
  }
  return out.join("\n");
}
