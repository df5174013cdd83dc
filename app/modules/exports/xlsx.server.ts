import ExcelJS from "exceljs";
import { plainCell, type ExportTable } from "./export-table.ts";
import { sheetNames } from "./sheet-names.ts";

const TITLE_ROW = 1;
const HEADER_ROW = 3;
const MIN_WIDTH = 8;
const MAX_WIDTH = 60;

/**
 * The tables as one workbook, a worksheet each: the title above, a bold header row frozen in
 * place, the rows (numbers as numbers, text always as a text cell: a workbook we write never
 * holds a formula, whatever a label starts with), the footnotes below.
 */
export async function toXlsx(sheets: ExportTable[], options: { created?: Date } = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Filet";
  // The file's only varying part: with a given date, the same tables give the same bytes.
  workbook.created = workbook.modified = options.created ?? new Date();
  const names = sheetNames(sheets.map((s) => s.title));
  sheets.forEach((table, index) => writeSheet(workbook.addWorksheet(names[index], { views: [{ state: "frozen", ySplit: HEADER_ROW }] }), table));
  const buffer = await workbook.xlsx.writeBuffer();
  return Buffer.from(buffer);
}

function writeSheet(sheet: ExcelJS.Worksheet, table: ExportTable): void {
  const title = sheet.getCell(TITLE_ROW, 1);
  title.value = text(table.title);
  title.font = { bold: true, size: 13 };
  const header = sheet.getRow(HEADER_ROW);
  table.columns.forEach((column, i) => {
    const cell = header.getCell(i + 1);
    cell.value = text(column.label);
    cell.font = { bold: true };
    cell.alignment = { wrapText: true, vertical: "top", horizontal: column.kind === "number" || column.kind === "percent" ? "right" : "left" };
  });
  table.rows.forEach((row, r) => {
    const line = sheet.getRow(HEADER_ROW + 1 + r);
    table.columns.forEach((column, i) => {
      const value = plainCell(row[i], table.suppressedMark);
      if (value === null) return;
      const cell = line.getCell(i + 1);
      cell.value = typeof value === "number" ? value : text(value);
      if (typeof value === "number" && column.kind === "percent") cell.numFmt = '0.0" %"';
      if (typeof value !== "number" && column.kind && column.kind !== "text") cell.alignment = { horizontal: "right" };
    });
  });
  const notesFrom = HEADER_ROW + table.rows.length + 2;
  table.footnotes.forEach((note, i) => {
    const cell = sheet.getCell(notesFrom + i, 1);
    cell.value = text(note);
    cell.font = { italic: true };
  });
  table.columns.forEach((column, i) => {
    const lengths = [column.label, ...table.rows.map((row) => String(plainCell(row[i], table.suppressedMark) ?? ""))].map((t) => Array.from(t).length);
    sheet.getColumn(i + 1).width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, ...lengths) + 2);
  });
}

/** XML 1.0 has no place for most control characters: a workbook holding one does not open. */
function text(value: string): string {
  return Array.from(value, (c) => {
    const code = c.codePointAt(0) ?? 0;
    return (code < 32 && code !== 9 && code !== 10 && code !== 13) || (code >= 0xd800 && code <= 0xdfff) || code === 0xfffe || code === 0xffff ? "\uFFFD" : c;
  }).join("");
}
