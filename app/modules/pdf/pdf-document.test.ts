import { describe, expect, it } from "vitest";
import { translator } from "../../i18n/catalog.ts";
import { pdfPageCount, pdfText } from "../../../tests/support/pdf-text.ts";
import { startPdfDocument } from "./pdf-document.server.ts";
import { writeRichText } from "./pdf-rich-text.server.ts";

const generatedAt = new Date("2026-12-03T15:00:00Z");
const context = (locale: "fr" | "en") => ({ locale, t: translator(locale), tableName: "Table de concertation de la Capitale-Nationale", generatedAt });

async function sample(locale: "fr" | "en", rows = 60) {
  const w = startPdfDocument({ ...context(locale), title: "Bilan de l'année — Œuvres" });
  w.heading("Bilan de l'année — Œuvres", 1);
  w.paragraph("Merci\u202f! Code\u00a0: AB « guillemets » — L'Haÿ-les-Roses, ŒUVRE, Ÿ.");
  writeRichText(w, "## Sous-titre\n\nUn **gras** et *italique* avec [un lien](https://example.org).\n\n- premier\n- second\n\n| Nom | Rôle |\n| --- | --- |\n| Annie | Pivot |");
  w.table(
    [{ header: "Action", width: 3 }, { header: "Statut" }, { header: "Avancement", align: "right" }],
    Array.from({ length: rows }, (_, i) => [`Action ${i + 1} dont le libellé est assez long pour passer à la ligne dans sa cellule`, "En cours", `${i} %`]),
  );
  return w.finish();
}

describe("startPdfDocument", () => {
  it("embeds Source Sans 3 (no standard font) and keeps French glyphs and spaces", async () => {
    const pdf = await sample("fr");
    const raw = pdf.toString("latin1");
    expect(raw).toContain("/FontFile2");
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+SourceSans3-Regular/);
    expect(raw).not.toMatch(/\/BaseFont \/Helvetica/);
    const text = pdfText(pdf);
    // The font draws U+00A0 with the space glyph, so text extraction reads it back as a space.
    expect(text).toMatch(/Merci\u202f! Code\s: AB « guillemets »/);
    expect(text).toContain("L'Haÿ-les-Roses, ŒUVRE, Ÿ.");
  });

  it("puts the Table, the title, the generation date and 'Page x sur y' on every page", async () => {
    const pdf = await sample("fr");
    const pages = pdfPageCount(pdf);
    expect(pages).toBeGreaterThan(1);
    const text = pdfText(pdf);
    for (let page = 1; page <= pages; page++) expect(text).toContain(`Page ${page} sur ${pages}`);
    expect(text.split("Table de concertation de la Capitale-Nationale").length - 1).toBe(pages);
    expect(text).toContain("Généré le 3 déc. 2026");
    expect(text).not.toMatch(/2026-12-03/);
  });

  it("writes the English footer, metadata and language", async () => {
    const pdf = await sample("en", 3);
    const text = pdfText(pdf);
    expect(text).toContain("Generated on Dec 3, 2026");
    expect(text).toContain("Page 1 of 1");
    const raw = pdf.toString("latin1");
    expect(raw).toContain("/Lang (en-CA)");
    expect(raw).toContain("/Author");
    expect(raw).toContain("/StructTreeRoot");
    expect(raw).toContain("/Marked true");
  });

  it("repeats a table's header row on each page it spans and tags it once", async () => {
    const pdf = await sample("fr", 80);
    const pages = pdfPageCount(pdf);
    const text = pdfText(pdf);
    expect(text.split("Avancement").length - 1).toBe(pages);
    expect(text).toContain("Action 80 dont");
    expect(pdf.toString("latin1").match(/\/S \/TH\b/g)?.length).toBe(3 + 2);
  });
});

describe("the PDF's text layer", () => {
  it("reads spaces as spaces even when the first one drawn was a no-break space", async () => {
    const w = startPdfDocument({ ...context("fr"), title: "Essai" });
    w.paragraph("9\u00a0h\u00a000, puis une phrase ordinaire");
    const text = pdfText(await w.finish());
    expect(text).toContain("9 h 00, puis une phrase ordinaire");
    expect(text).toContain("Table de concertation de la Capitale-Nationale");
  });
});
