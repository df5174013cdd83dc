import { plainCell, type ExportTable } from "./export-table.ts";

/**
 * One CSV cell (RFC 4180). A spreadsheet runs a text cell that starts with = + - @ (or a tab or
 * CR before one) as a formula: such a cell gets a leading apostrophe, so it stays text. A real
 * number is written as a number (so -3 stays -3).
 */
export function csvCell(value: string | number | null | undefined): string {
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  let text = value ?? "";
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Lines as a CSV file: UTF-8 with BOM (spreadsheets read the accents), CRLF, a final CRLF. */
export function csvFile(lines: (string | number | null | undefined)[][]): string {
  return `\uFEFF${lines.map((line) => line.map(csvCell).join(",")).join("\r\n")}\r\n`;
}

export interface CsvLabels {
  /** The word before the footnotes, e.g. "Notes"; without it, the footnotes follow a blank line alone. */
  notes?: string;
}

/** The table's lines: its title, the header, the rows, then a blank line and the footnotes. */
export function csvLines(table: ExportTable, labels: CsvLabels = {}): (string | number | null)[][] {
  const lines: (string | number | null)[][] = [[table.title], table.columns.map((c) => c.label)];
  for (const row of table.rows) lines.push(table.columns.map((_, i) => plainCell(row[i], table.suppressedMark)));
  if (table.footnotes.length) {
    lines.push([]);
    if (labels.notes) lines.push([labels.notes]);
    for (const note of table.footnotes) lines.push([note]);
  }
  return lines;
}

export function toCsv(table: ExportTable, labels: CsvLabels = {}): string {
  return csvFile(csvLines(table, labels));
}

/** Several tables in one file (the whole dashboard), a blank line between them. */
export function toCsvMany(tables: ExportTable[], labels: CsvLabels = {}): string {
  return csvFile(tables.flatMap((table, i) => [...(i ? [[]] : []), ...csvLines(table, labels)]));
}
