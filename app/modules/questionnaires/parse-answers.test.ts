import { describe, expect, it } from "vitest";
import { parseAnswers } from "./parse-answers.ts";
import type { QuestionBase } from "./questions.ts";

const yesNo = [
  { value: "yes", labelFr: "Oui", labelEn: "Yes" },
  { value: "no", labelFr: "Non", labelEn: "No" },
];
const questions: QuestionBase[] = [
  { key: "knows", kind: "single", labelFr: "Connaissez-vous ?", labelEn: "Do you know?", required: true, options: yesNo },
  { key: "how", kind: "multiple", labelFr: "Comment ?", labelEn: "How?", required: true, options: yesNo, showIf: { question: "knows", anyOf: ["yes"] } },
  { key: "grid", kind: "matrix", labelFr: "Grille", labelEn: "Grid", rows: [{ value: "a", labelFr: "A", labelEn: "A" }], options: yesNo },
  { key: "n", kind: "number", labelFr: "Nombre", labelEn: "Number", min: 0, max: 100 },
  { key: "d", kind: "date", labelFr: "Date", labelEn: "Date" },
  { key: "s", kind: "scale", labelFr: "Échelle", labelEn: "Scale", min: 1, max: 4 },
];

describe("parseAnswers (shared questionnaire engine)", () => {
  it("does not require a question its condition hides, and drops its answer", () => {
    const r = parseAnswers(questions, { "a_knows": "no", "a_how": "yes", "a_s": "2" }, true);
    expect(r).toEqual({ ok: true, answers: { knows: "no", s: 2 } });
  });
  it("requires a shown conditional question", () => {
    const r = parseAnswers(questions, { "a_knows": "yes", "a_s": "2" }, true);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors["a_how"]).toEqual(["form.required"]);
  });
  it("reads multiple choices, matrix rows, numbers and dates, and refuses unknown values", () => {
    const r = parseAnswers(questions, { "a_knows": "yes", "a_how": ["yes", "no"], "a_grid.a": "no", "a_n": "12", "a_d": "2026-05-01", "a_s": "4" }, true);
    expect(r).toEqual({ ok: true, answers: { knows: "yes", how: ["yes", "no"], grid: { a: "no" }, n: 12, d: "2026-05-01", s: 4 } });
    const bad = parseAnswers(questions, { "a_knows": "maybe", "a_n": "1e9", "a_d": "2026-02-30", "a_s": "5", "a_grid.a": "x" }, false);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(Object.keys(bad.errors).sort()).toEqual(["a_d", "a_grid", "a_knows", "a_n", "a_s"]);
  });
  it("uses earlier sections' answers for conditions", () => {
    const r = parseAnswers([questions[1]!], {}, true, { knows: "yes" });
    expect(r.ok).toBe(false);
    expect(parseAnswers([questions[1]!], {}, true, { knows: "no" }).ok).toBe(true);
  });
});
