import { describe, expect, it } from "vitest";
import { csvCell, toCsv, toCsvMany } from "./csv.ts";
import { TABLE } from "./exports.fixture.ts";

/** RFC 4180 read back: quoted fields may hold commas, quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i += 1;
    } else if (c === '"') quoted = !quoted;
    else if (quoted || (c !== "," && c !== "\r")) field += c;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i += 1; // the \n of CRLF
    }
  }
  return rows;
}

describe("CSV exports", () => {
  it("starts with a BOM, ends lines with CRLF and quotes what needs it", () => {
    const csv = toCsv(TABLE, { notes: "Notes" });
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(csv.replace(/\r\n/g, "").replace(/"[^"]*"/g, "")).not.toMatch(/[\r\n]/);
    expect(parseCsv(csv.slice(1))).toEqual([
      ["Signalements par organisation — 2026"],
      ["Organisation", "Nombre", "Part (%)"],
      ["Centre intégré de santé et de services sociaux", "1234.5", "45.2"],
      ["'=HYPERLINK(\"http://evil\")", "-3", "0"],
      ["Maison « Le Phare », Longueuil\nsecteur sud", "x", "x"],
      ["'@SUM(A1)", "", "12"],
      [""],
      ["Notes"],
      ["x : donnée supprimée pour protéger les petits nombres."],
      ["Source : Filet."],
    ]);
  });

  it("turns text a spreadsheet would run into text, and leaves real numbers numbers", () => {
    for (const start of ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1"]) expect(csvCell(start).replace(/^"/, "").startsWith("'")).toBe(true);
    expect(csvCell(-1)).toBe("-1");
    expect(csvCell(0.5)).toBe("0.5");
    expect(csvCell(Number.NaN)).toBe("");
    expect(csvCell(null)).toBe("");
    expect(csvCell('a,"b"')).toBe('"a,""b"""');
  });

  it("puts several tables in one file, a blank line between them", () => {
    const rows = parseCsv(toCsvMany([TABLE, { ...TABLE, title: "Deuxième", footnotes: [] }]).slice(1));
    expect(rows.filter((r) => r[0] === "Organisation")).toHaveLength(2);
    expect(rows.at(-6)).toEqual(["Deuxième"]);
    expect(rows.at(-7)).toEqual([""]);
  });
});
