import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { toXlsx } from "./xlsx.server.ts";
import { sheetNames } from "./sheet-names.ts";
import { TABLE } from "./exports.fixture.ts";

async function readBack(buffer: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

describe("XLSX exports", () => {
  it("writes the title, a bold frozen header, numbers as numbers, text as text, the footnotes below", async () => {
    const sheet = (await readBack(await toXlsx([TABLE]))).worksheets[0]!;
    expect(sheet.getCell("A1").value).toBe("Signalements par organisation — 2026");
    expect(sheet.getRow(3).values).toEqual([undefined, "Organisation", "Nombre", "Part (%)"]);
    expect(sheet.getCell("A3").font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 3 });
    expect(sheet.getCell("B4").value).toBe(1234.5);
    expect(sheet.getCell("B4").type).toBe(ExcelJS.ValueType.Number);
    expect(sheet.getCell("C4").value).toBe(45.2);
    expect(sheet.getCell("C4").numFmt).toBe('0.0" %"');
    expect(sheet.getCell("B5").value).toBe(-3);
    expect(sheet.getCell("A5").value).toBe('=HYPERLINK("http://evil")');
    expect(sheet.getCell("A5").type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell("B6").value).toBe("x");
    expect(sheet.getCell("A6").value).toBe("Maison « Le Phare », Longueuil\nsecteur sud");
    expect(sheet.getCell("B7").value).toBeNull();
    expect(sheet.getCell("A9").value).toBe("x : donnée supprimée pour protéger les petits nombres.");
    expect(sheet.getCell("A10").value).toBe("Source : Filet.");
    expect(sheet.getColumn(1).width).toBeGreaterThanOrEqual(40);
    expect(sheet.getColumn(2).width).toBeLessThan(20);
  });

  it("never writes a formula, whatever a cell starts with", async () => {
    const sheet = (await readBack(await toXlsx([TABLE]))).worksheets[0]!;
    const types: ExcelJS.ValueType[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => types.push(cell.type)));
    expect(types.length).toBeGreaterThan(15);
    expect(types).not.toContain(ExcelJS.ValueType.Formula);
  });

  it("names each sheet as Excel allows: short, unique, without forbidden characters", async () => {
    const titles = ["Taux [2026]: a/b\\c*d?", "Un titre bien trop long pour un onglet Excel, vraiment", "Un titre bien trop long pour un onglet Excel, encore", "'cité'", "", "history"];
    const names = sheetNames(titles);
    expect(names[0]).toBe("Taux 2026 a b c d");
    for (const name of names) {
      expect(Array.from(name).length).toBeLessThanOrEqual(31);
      expect(name).not.toMatch(/[[\]:*?/\\]|^'|'$/);
      expect(name).not.toBe("");
    }
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    expect(names[5]).not.toBe("history");
    const workbook = await readBack(await toXlsx(titles.map((title) => ({ ...TABLE, title }))));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(names);
  });

  it("gives the same file for the same tables on the same date", async () => {
    const created = new Date("2026-12-03T12:00:00Z");
    expect((await toXlsx([TABLE], { created })).equals(await toXlsx([TABLE], { created }))).toBe(true);
  });
});
