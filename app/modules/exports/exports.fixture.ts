import type { ExportTable } from "./export-table.ts";

/** A table with every kind of cell an export meets: text that looks like a formula, a suppressed cell, quotes, line breaks. */
export const TABLE: ExportTable = {
  title: "Signalements par organisation — 2026",
  columns: [{ label: "Organisation" }, { label: "Nombre", kind: "number" }, { label: "Part (%)", kind: "percent" }],
  rows: [
    ["Centre intégré de santé et de services sociaux", 1234.5, 45.2],
    ["=HYPERLINK(\"http://evil\")", -3, 0],
    ["Maison « Le Phare », Longueuil\nsecteur sud", { suppressed: true }, { suppressed: true }],
    ["@SUM(A1)", null, 12],
  ],
  footnotes: ["x : donnée supprimée pour protéger les petits nombres.", "Source : Filet."],
  suppressedMark: "x",
};
