import { parseRichText } from "../rich-text/parse-rich-text.ts";
import { plainInlineText as inlineText, startPdfDocument } from "../pdf/pdf-document.server.ts";
import type { ReaderModule } from "./published-guide.server.ts";

export interface GuidePdfLabels {
  title: string;
  demoNotice: string;
  /** Shown under a section in French when the reader asked for English; null for French readers. */
  frenchNotice: string | null;
  exercise: string;
  objectives: string;
  duration: (minutes: number) => string;
  material: string;
  instructions: string;
  empty: string;
}

/** The Markdown subset as plain PDF text: headings bold, lists bulleted, table rows joined. */
function writeRichText(doc: PDFKit.PDFDocument, source: string): void {
  for (const block of parseRichText(source)) {
    if (block.kind === "heading") {
      doc.moveDown(0.3).font("Helvetica-Bold").fontSize(block.depth === 1 ? 13 : 12).text(inlineText(block.children));
      doc.font("Helvetica").fontSize(11);
    } else if (block.kind === "paragraph") {
      doc.text(inlineText(block.children)).moveDown(0.4);
    } else if (block.kind === "list") {
      block.items.forEach((item, i) => doc.text(`${block.ordered ? `${i + 1}.` : "•"} ${inlineText(item)}`, { indent: 12 }));
      doc.moveDown(0.4);
    } else {
      for (const row of [block.header, ...block.rows]) doc.text(row.map(inlineText).join(" | "));
      doc.moveDown(0.4);
    }
  }
}

/**
 * The published guide (or one module) as a PDF, built with pdfkit's standard fonts (their
 * WinAnsi encoding covers French). Section titles also go into the PDF outline, so readers
 * can jump between sections.
 */
export async function renderGuidePdf(modules: ReaderModule[], labels: GuidePdfLabels): Promise<Buffer> {
  const { doc, finish } = startPdfDocument({ title: labels.title });
  doc.font("Helvetica-Bold").fontSize(20).text(labels.title);
  doc.font("Helvetica").fontSize(11).moveDown();
  let first = true;
  for (const mod of modules) {
    if (!first) doc.addPage();
    first = false;
    const outline = doc.outline.addItem(mod.title);
    doc.font("Helvetica-Bold").fontSize(17).text(mod.title).font("Helvetica").fontSize(11).moveDown(0.5);
    if (mod.isDemo) doc.font("Helvetica-Oblique").text(labels.demoNotice).font("Helvetica").moveDown(0.5);
    if (mod.summary) writeRichText(doc, mod.summary);
    if (mod.sections.length === 0) doc.text(labels.empty);
    for (const section of mod.sections) {
      outline.addItem(section.title);
      doc.moveDown(0.5).font("Helvetica-Bold").fontSize(14).text(section.title).font("Helvetica").fontSize(11).moveDown(0.3);
      if (labels.frenchNotice && section.language === "fr") {
        doc.font("Helvetica-Oblique").text(labels.frenchNotice).font("Helvetica").moveDown(0.3);
      }
      writeRichText(doc, section.body);
      for (const exercise of section.exercises) {
        doc.moveDown(0.3).font("Helvetica-Bold").fontSize(12).text(`${labels.exercise} — ${exercise.title}`);
        doc.font("Helvetica").fontSize(11).text(labels.duration(exercise.durationMinutes));
        for (const [label, text] of [
          [labels.objectives, exercise.objectives],
          [labels.material, exercise.material],
          [labels.instructions, exercise.instructions],
        ] as const) {
          if (!text.trim()) continue;
          doc.font("Helvetica-Bold").text(label).font("Helvetica");
          writeRichText(doc, text);
        }
      }
    }
  }
  return finish();
}
