import { parseRichText } from "../rich-text/parse-rich-text.ts";
import { plainInlineText as inlineText, startPdfDocument } from "../pdf/pdf-document.server.ts";

export interface MinutesPdfInput {
  title: string;
  when: string;
  place: string;
  objectives: string;
  attendance: { name: string; status: string }[];
  guests: string[];
  items: {
    title: string;
    presenter: string;
    minutes: string;
    decisions: string[];
    responsibilities: string[];
  }[];
  otherDecisions: string[];
  otherResponsibilities: string[];
}

export interface MinutesPdfLabels {
  heading: string;
  objectives: string;
  attendance: string;
  guests: string;
  agenda: string;
  presenter: string;
  decisions: string;
  responsibilities: string;
  noMinutes: string;
  other: string;
}

function writeRichText(doc: PDFKit.PDFDocument, source: string): void {
  for (const block of parseRichText(source)) {
    if (block.kind === "heading") doc.font("Helvetica-Bold").text(inlineText(block.children)).font("Helvetica");
    else if (block.kind === "paragraph") doc.text(inlineText(block.children)).moveDown(0.3);
    else if (block.kind === "list") {
      block.items.forEach((item, i) => doc.text(`${block.ordered ? `${i + 1}.` : "•"} ${inlineText(item)}`, { indent: 12 }));
      doc.moveDown(0.3);
    } else for (const row of [block.header, ...block.rows]) doc.text(row.map(inlineText).join(" | "));
  }
}

function bullets(doc: PDFKit.PDFDocument, label: string, lines: string[]) {
  if (lines.length === 0) return;
  doc.font("Helvetica-Bold").text(label).font("Helvetica");
  for (const line of lines) doc.text(`• ${line}`, { indent: 12 });
  doc.moveDown(0.3);
}

/** The minutes as a PDF: attendance, each agenda item's minutes, decisions and responsibilities. */
export async function renderMinutesPdf(input: MinutesPdfInput, labels: MinutesPdfLabels): Promise<Buffer> {
  const { doc, finish } = startPdfDocument({ title: `${labels.heading} — ${input.title}` });
  doc.font("Helvetica-Bold").fontSize(18).text(`${labels.heading} — ${input.title}`);
  doc.font("Helvetica").fontSize(11).text(input.when).text(input.place).moveDown();
  if (input.objectives.trim()) {
    doc.font("Helvetica-Bold").fontSize(13).text(labels.objectives).font("Helvetica").fontSize(11);
    writeRichText(doc, input.objectives);
    doc.moveDown(0.5);
  }
  doc.font("Helvetica-Bold").fontSize(13).text(labels.attendance).font("Helvetica").fontSize(11);
  for (const a of input.attendance) doc.text(`• ${a.name} — ${a.status}`, { indent: 12 });
  if (input.guests.length) doc.text(`${labels.guests} : ${input.guests.join(", ")}`);
  doc.moveDown();
  doc.font("Helvetica-Bold").fontSize(13).text(labels.agenda).font("Helvetica").fontSize(11).moveDown(0.3);
  input.items.forEach((item, i) => {
    doc.font("Helvetica-Bold").fontSize(12).text(`${i + 1}. ${item.title}`).font("Helvetica").fontSize(11);
    if (item.presenter) doc.text(`${labels.presenter} : ${item.presenter}`);
    if (item.minutes.trim()) writeRichText(doc, item.minutes);
    else doc.text(labels.noMinutes);
    bullets(doc, labels.decisions, item.decisions);
    bullets(doc, labels.responsibilities, item.responsibilities);
    doc.moveDown(0.5);
  });
  if (input.otherDecisions.length || input.otherResponsibilities.length) {
    doc.font("Helvetica-Bold").fontSize(12).text(labels.other).font("Helvetica").fontSize(11);
    bullets(doc, labels.decisions, input.otherDecisions);
    bullets(doc, labels.responsibilities, input.otherResponsibilities);
  }
  return finish();
}
