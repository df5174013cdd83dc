import { describe, expect, it } from "vitest";
import { translator } from "../../i18n/catalog.ts";
import { pdfPageCount, pdfText } from "../../../tests/support/pdf-text.ts";
import { renderYearEndReportPdf } from "./report-pdf.server.ts";
import type { YearEndReport } from "./year-end-report.server.ts";

type Objective = YearEndReport["objectives"][number];

/** A large plan: 12 objectives of 25 actions, 6 indicators and 10 responsibilities each. */
function bigReport(): YearEndReport {
  const objectives = Array.from({ length: 12 }, (_, o): Objective => ({
    id: `o${o}`,
    title: `Objectif de la Table numéro ${o + 1} : consolider le réseau des pivots et la formation`,
    description: "Des pivots formés dans chaque organisation, joignables par les intervenant·es du territoire.",
    actions: Array.from({ length: 25 }, (_, a) => ({ title: `Action ${o + 1}.${a + 1} — offrir la formation de base aux nouvelles personnes pivots des écoles et des organismes communautaires`, status: a % 4 === 0 ? "done" : "in_progress", progress: (a * 7) % 101, startsOn: "2026-01-15", endsOn: "2026-12-15" }) as Objective["actions"][number]),
    indicators: Array.from({ length: 6 }, (_, i) => ({ label: `Personnes formées (lot ${i + 1})`, target: 40, unit: "personnes", actual: i % 2 ? null : 38, percent: null, met: i % 2 ? null : false }) as Objective["indicators"][number]),
    responsibilities: Array.from({ length: 10 }, (_, r) => ({ id: `r${r}`, what: `Préparer le bilan ${r + 1} pour le bailleur de fonds`, status: "todo" as const, dueOn: "2026-12-03", owner: "Annie Tremblay" })),
  }));
  return {
    plan: { year: 2026, title: "Plan d'action 2026", summary: "Le plan de l'année." } as YearEndReport["plan"],
    objectives,
    totals: { actions: 300, byStatus: { planned: 0, in_progress: 225, done: 75, dropped: 0 }, doneRate: 25, averageProgress: 50, indicators: 72, indicatorsMeasured: 36, indicatorsMet: 0, responsibilities: 120, responsibilitiesDone: 0 },
  } as YearEndReport;
}

describe("renderYearEndReportPdf", () => {
  it("draws a big report (300 actions) in a few seconds, every page numbered, no ISO date", async () => {
    const started = performance.now();
    const pdf = await renderYearEndReportPdf(bigReport(), { locale: "fr", t: translator("fr"), tableName: "Table de la Capitale-Nationale", generatedAt: new Date("2026-12-03T15:00:00Z") });
    const elapsed = performance.now() - started;
    // About 1.5 s on an idle 2-core machine, 6 s when other test runs share it: the bound catches a regression, not noise.
    expect(elapsed).toBeLessThan(15000);
    const pages = pdfPageCount(pdf);
    expect(pages).toBeGreaterThan(20);
    const text = pdfText(pdf);
    expect(text).toContain(`Page ${pages} sur ${pages}`);
    expect(text).toContain("Action 1.25 — offrir la formation");
    expect(text).toContain("15 janv. 2026 – 15 déc. 2026");
    expect(text).toContain("3 déc. 2026");
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    console.info(`year-end report: ${pages} pages, ${Math.round(pdf.length / 1024)} KB in ${Math.round(elapsed)} ms`);
  });

  it("writes the English report in English", async () => {
    const pdf = await renderYearEndReportPdf(bigReport(), { locale: "en", t: translator("en"), tableName: "Capitale-Nationale Table" });
    const text = pdfText(pdf);
    expect(text).toContain("Jan 15, 2026 – Dec 15, 2026");
    expect(text).toMatch(/Page 1 of \d+/);
    expect(pdf.toString("latin1")).toContain("/Lang (en-CA)");
  });
});
