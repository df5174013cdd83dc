import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import { toCsvMany } from "../exports/csv.ts";
import { sha256Hex } from "../exports/download.server.ts";
import type { ExportCell, ExportTable } from "../exports/export-table.ts";
import { toXlsx } from "../exports/xlsx.server.ts";
import { translator } from "../../i18n/catalog.ts";
import { getStatisticsResults, type ResultsQuery } from "./get-results.server.ts";
import type { Figure, ResultsTable } from "./results.ts";

const cell = (p: Figure): ExportCell => (p.kind === "value" ? p.value : { suppressed: true });

function exportTable(title: string, table: ResultsTable, words: { total: string; mark: string; footnote: string }): ExportTable {
  const rows: ExportCell[][] = table.rows.map((r, i) => [r.label, ...table.cells[i]!.map(cell), cell(table.rowTotals[i]!)]);
  if (table.colTotals) rows.push([words.total, ...table.colTotals.map(cell), cell(table.grandTotal)]);
  return {
    title,
    columns: [{ label: table.rowHeader, kind: "text" }, ...table.cols.map((c) => ({ label: c.label, kind: "number" as const })), { label: words.total, kind: "number" }],
    rows,
    footnotes: [words.footnote],
    suppressedMark: words.mark,
  };
}

/**
 * A data set's results as CSV or XLSX: always the protected figures (never the coordinator's
 * exact view), every breakdown of every element and its trend, audited with the file's hash.
 * Another Table's data set is `null`.
 */
export async function exportStatisticsResults(db: Database, actor: AuditActor, query: Omit<ResultsQuery, "exact" | "rowsBy" | "elementCode">, format: "csv" | "xlsx"): Promise<string | Buffer | null> {
  const t = translator(query.locale);
  const first = await getStatisticsResults(db, { ...query, exact: false, rowsBy: () => null });
  if (!first) return null;
  const range = first.from ? t("statistics.results.range", { from: first.choices.find((c) => c.key === first.from)!.label, to: first.choices.find((c) => c.key === first.to)!.label }) : "";
  const words = { total: t("statistics.results.total"), mark: t("statistics.results.mark"), footnote: t("statistics.results.footnote", { max: String(first.threshold - 1) }) };
  const tables: ExportTable[] = [];
  for (const element of first.elements) {
    // Each category of a crossed element gives its rows in turn; the figures come from one protected model.
    const views = element.categories.length > 1 ? await Promise.all(element.categories.slice(1).map((c) => getStatisticsResults(db, { ...query, exact: false, elementCode: element.code, rowsBy: () => c.code }))) : [];
    const breakdowns = [element.breakdown, ...views.map((v) => v!.elements[0]!.breakdown)];
    for (const b of breakdowns) tables.push(exportTable(`${element.name} — ${b.rowHeader} — ${range}`, b, words));
    tables.push(exportTable(`${element.name} — ${t("statistics.period")} — ${range}`, element.trend, words));
  }
  const body = format === "csv" ? toCsvMany(tables) : await toXlsx(tables);
  await recordAuditEvent(db, actor, {
    action: "statistics_data_set.results_exported",
    targetType: "statistics_data_set",
    targetId: first.set.id,
    partnershipId: query.partnershipId,
    details: { format, sha256: sha256Hex(body), from: first.from, to: first.to },
  });
  return body;
}
