import PDFDocument from "pdfkit";
import type { Inline } from "../rich-text/parse-rich-text.ts";

export interface PdfDocumentOptions {
  /** The document's title (PDF metadata, shown by readers instead of the file name). */
  title: string;
  subject?: string;
  layout?: "portrait" | "landscape";
  /** Page margin in points (56 = about 2 cm). */
  margin?: number;
}

/**
 * A letter-size PDF with Filet's metadata, drawn with pdfkit's standard fonts (their WinAnsi
 * encoding covers French). Draw on `doc`, then `finish()` ends it and resolves to its bytes.
 * The one setup of every PDF the platform builds (guide, year-end report, minutes, certificate).
 */
export function startPdfDocument(options: PdfDocumentOptions): { doc: PDFKit.PDFDocument; finish: () => Promise<Buffer> } {
  const doc = new PDFDocument({
    size: "LETTER",
    layout: options.layout ?? "portrait",
    margin: options.margin ?? 56,
    info: { Title: options.title, ...(options.subject ? { Subject: options.subject } : {}), Producer: "Filet" },
    displayTitle: true,
  });
  // French punctuation puts a narrow no-break space (U+202F) before ? ! ; (app/i18n): WinAnsi has
  // no such character, so the PDF shows the no-break space it does have.
  const draw = doc.text.bind(doc) as (...args: unknown[]) => PDFKit.PDFDocument;
  doc.text = ((value: unknown, ...rest: unknown[]) => draw(typeof value === "string" ? toWinAnsi(value) : value, ...rest)) as PDFKit.PDFDocument["text"];
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  return {
    doc,
    finish: () => {
      doc.end();
      return done;
    },
  };
}

/** Text that pdfkit's standard fonts can show: U+202F becomes U+00A0. */
export function toWinAnsi(text: string): string {
  return text.replace(/\u202f/g, "\u00a0");
}

/** Rich-text inline nodes as plain text (links keep their text, line breaks stay). */
export function plainInlineText(nodes: Inline[]): string {
  return nodes.map((n) => (n.kind === "text" ? n.text : n.kind === "break" ? "\n" : plainInlineText(n.children))).join("");
}
