import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import { toCsvMany } from "../exports/csv.ts";
import { sha256Hex } from "../exports/download.server.ts";
import { toXlsx } from "../exports/xlsx.server.ts";
import { getSurveyResults, resultsTables } from "./get-results.server.ts";
import type { SurveyRow } from "./list-surveys.server.ts";

const LABELS = {
  fr: { question: "Question", choice: "Choix", count: "Nombre", percent: "Pourcentage", answer: "Réponse", mark: "x", footnote: "x\u00a0: masqué par le contrôle de la divulgation (sous le seuil, ou pour qu'un chiffre masqué ne se retrouve pas par soustraction).", total: "Total", byType: "Par type d'organisation" },
  en: { question: "Question", choice: "Choice", count: "Count", percent: "Percent", answer: "Answer", mark: "x", footnote: "x: suppressed by the disclosure control (below the threshold, or so that a suppressed figure cannot be found by subtraction).", total: "Total", byType: "By organization type" },
};

/** The results (already through the disclosure control) as CSV or XLSX, audited with the file's hash. */
export async function exportSurveyResults(db: Database, actor: AuditActor, row: SurveyRow, format: "csv" | "xlsx", locale: "fr" | "en"): Promise<string | Buffer> {
  const results = await getSurveyResults(db, row, locale);
  const tables = resultsTables(locale === "en" ? row.titleEn : row.titleFr, results, LABELS[locale]);
  const body = format === "csv" ? toCsvMany(tables) : await toXlsx(tables);
  await recordAuditEvent(db, actor, { action: "survey.results_exported", targetType: "survey", targetId: row.id, partnershipId: row.partnershipId, details: { format, sha256: sha256Hex(body), shown: results.shown } });
  return body;
}
