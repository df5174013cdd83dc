import PDFDocument from "pdfkit";
import type { translator } from "../../i18n/catalog.ts";
import { localeTag } from "../../i18n/format.ts";
import type { Locale } from "../../i18n/types.ts";
import type { Inline } from "../rich-text/parse-rich-text.ts";
import { QUEBEC_TIME_ZONE } from "../time/wall-clock.ts";
import { PDF_COLORS, registerPdfFonts, type PdfFont } from "./pdf-style.server.ts";
import { drawTable, type PdfColumn } from "./pdf-table.server.ts";

/** What every PDF of a Table needs besides its content: who it comes from, in which language. */
export interface PdfContext {
  /** The Table the document comes from: running header and the PDF's author. */
  tableName: string;
  locale: Locale;
  t: ReturnType<typeof translator>;
  /** When it was generated (the footer's date); now by default. */
  generatedAt?: Date;
}

export interface PdfDocumentOptions extends PdfContext {
  /** The document's title: PDF metadata (readers show it instead of the file name) and running header. */
  title: string;
  subject?: string;
  layout?: "portrait" | "landscape";
}

const MARGINS = { top: 78, bottom: 72, left: 64, right: 64 };
const BODY_SIZE = 10.5;
const HEADING_SIZES = { 1: 20, 2: 15, 3: 12.5, 4: 11 } as const;
export type HeadingLevel = keyof typeof HEADING_SIZES;

export interface TextStyle {
  font?: PdfFont;
  size?: number;
  color?: string;
  align?: "left" | "center" | "right";
  indent?: number;
}

/** A run of text in one face, as a Markdown inline or a "Label : value" line gives them. */
export interface TextRun {
  text: string;
  font?: PdfFont;
  link?: string;
}

/**
 * One PDF of the platform (guide, year-end report, minutes, certificate): letter size, the
 * embedded Source Sans 3, the Table's name and the title at the top of every page, the
 * generation date and "Page 2 sur 5" at the bottom, metadata (title, author, language) and a
 * tagged structure (headings, paragraphs, lists, tables) that screen readers and reflow use.
 * Draw with the methods below; `doc` stays available for drawings of one document's own.
 */
export class PdfWriter {
  readonly doc: PDFKit.PDFDocument;
  private readonly root: PDFKit.PDFStructureElement;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<Buffer>;

  constructor(private readonly options: PdfDocumentOptions) {
    const lang = localeTag(options.locale);
    this.doc = new PDFDocument({
      size: "LETTER",
      layout: options.layout ?? "portrait",
      margins: MARGINS,
      bufferPages: true,
      pdfVersion: "1.7",
      tagged: true,
      lang,
      displayTitle: true,
      info: {
        Title: options.title,
        Author: options.tableName,
        ...(options.subject ? { Subject: options.subject } : {}),
        Creator: "Filet",
        Producer: "Filet",
      },
    });
    registerPdfFonts(this.doc);
    this.doc.fontSize(BODY_SIZE).fillColor(PDF_COLORS.ink).lineGap(1.5);
    this.root = this.doc.struct("Document");
    this.doc.addStructure(this.root);
    this.doc.on("data", (chunk: Buffer) => this.chunks.push(chunk));
    this.done = new Promise<Buffer>((resolve, reject) => {
      this.doc.on("end", () => resolve(Buffer.concat(this.chunks)));
      this.doc.on("error", reject);
    });
  }

  get contentWidth(): number {
    return this.doc.page.width - MARGINS.left - MARGINS.right;
  }

  /** A structure element of the document's tree, drawn by `draw` (its content is tagged `type`). */
  tagged(type: string, draw: () => void, options: Record<string, unknown> = {}): void {
    this.attach(this.doc.struct(type, options, draw));
  }

  /** Adds an element built by the caller (a list, a table) to the document's tree. */
  attach(element: PDFKit.PDFStructureElement): void {
    this.root.add(element);
  }

  /** Starts a new page when less than `height` points remain (keeps a heading with what follows). */
  keepSpace(height: number): void {
    if (this.doc.y + height > this.doc.page.height - MARGINS.bottom) this.doc.addPage();
  }

  newPage(): void {
    this.doc.addPage();
  }

  space(lines = 0.5): void {
    this.doc.moveDown(lines);
  }

  heading(text: string, level: HeadingLevel, outline?: PDFKit.PDFOutline): PDFKit.PDFOutline | undefined {
    const size = HEADING_SIZES[level];
    this.keepSpace(size * 1.6 + BODY_SIZE * 4);
    if (level > 1 && this.doc.y > MARGINS.top + 1) this.doc.moveDown(level === 2 ? 0.9 : level === 3 ? 0.6 : 0.3);
    const item = outline?.addItem(text);
    this.tagged(`H${level}`, () => {
      this.doc
        .font(level >= 3 ? "semibold" : "bold")
        .fontSize(size)
        .fillColor(level >= 3 ? PDF_COLORS.ink : PDF_COLORS.brand)
        .text(text, MARGINS.left, this.doc.y, { width: this.contentWidth });
    });
    if (level === 1) {
      const y = this.doc.y + 4;
      this.artifact(() => this.doc.moveTo(MARGINS.left, y).lineTo(MARGINS.left + this.contentWidth, y).lineWidth(1.2).stroke(PDF_COLORS.brand));
      this.doc.y = y + 10;
    } else this.doc.moveDown(0.25);
    this.body();
    return item;
  }

  paragraph(text: string | TextRun[], style: TextStyle = {}): void {
    const runs = typeof text === "string" ? [{ text }] : text;
    if (runs.every((r) => !r.text.trim())) return;
    this.tagged("P", () => this.writeRuns(runs, style));
    this.doc.moveDown(0.35);
  }

  /** "Label : value" with the label in semibold (the colon follows the locale's typography). */
  labelled(label: string, value: string): void {
    if (!value.trim()) return;
    const colon = this.options.locale === "fr" ? "\u00a0: " : ": ";
    this.tagged("P", () => this.writeRuns([{ text: `${label}${colon}`, font: "semibold" }, { text: value }], {}));
    this.doc.moveDown(0.15);
  }

  bullets(items: Array<string | TextRun[]>, ordered = false): void {
    if (items.length === 0) return;
    const list = this.doc.struct("L");
    this.attach(list);
    items.forEach((item, i) => {
      const runs = typeof item === "string" ? [{ text: item }] : item;
      const marker = ordered ? `${i + 1}.` : "•";
      // The marker stays with its item: no "2." alone at the foot of a page.
      this.keepSpace(Math.min(this.doc.font("regular").fontSize(BODY_SIZE).heightOfString(runs.map((r) => r.text).join(""), { width: this.contentWidth - 18 }), BODY_SIZE * 4));
      const y = this.doc.y;
      const li = this.doc.struct("LI");
      list.add(li);
      li.add(this.doc.struct("Lbl", {}, () => {
        this.doc.font("regular").fontSize(BODY_SIZE).fillColor(PDF_COLORS.muted).text(marker, MARGINS.left + 4, y, { lineBreak: false });
      }));
      li.add(this.doc.struct("LBody", {}, () => this.writeRuns(runs, { indent: 18 }, y)));
      li.end();
      this.doc.moveDown(0.15);
    });
    list.end();
    this.doc.x = MARGINS.left;
    this.doc.moveDown(0.3);
  }

  /** A table with a header row repeated on every page it spans; cells wrap. */
  table(columns: PdfColumn[], rows: string[][]): void {
    if (rows.length === 0) return;
    drawTable(this, columns, rows);
    this.body();
    this.doc.moveDown(0.6);
  }

  /** Drawn content that is not part of the text (rules, frames, running header and footer). */
  artifact(draw: () => void, type: "Pagination" | "Layout" = "Layout"): void {
    this.doc.markContent("Artifact", { type });
    draw();
    this.doc.endMarkedContent();
  }

  /** Inline Markdown nodes as runs: bold and italic faces, links kept clickable. */
  runsOf(nodes: Inline[], font: PdfFont = "regular"): TextRun[] {
    return nodes.flatMap((n): TextRun[] => {
      if (n.kind === "text") return [{ text: n.text, font }];
      if (n.kind === "break") return [{ text: "\n", font }];
      if (n.kind === "strong") return this.runsOf(n.children, "semibold");
      if (n.kind === "em") return this.runsOf(n.children, font === "regular" ? "italic" : font);
      return this.runsOf(n.children, font).map((r) => ({ ...r, link: n.href }));
    });
  }

  /** Header (Table, title) and footer (date, page x of y) on every page, then the bytes. */
  finish(): Promise<Buffer> {
    const { t } = this.options;
    const date = new Intl.DateTimeFormat(localeTag(this.options.locale), { dateStyle: "medium", timeZone: QUEBEC_TIME_ZONE }).format(this.options.generatedAt ?? new Date());
    const { start, count } = this.doc.bufferedPageRange();
    for (let i = start; i < start + count; i++) {
      this.doc.switchToPage(i);
      this.runningHeader(t("pdf.generatedOn", { date }), t("pdf.page", { page: i - start + 1, pages: count }));
    }
    spacesReadAsSpaces(this.doc);
    this.doc.end();
    return this.done;
  }

  body(): void {
    this.doc.font("regular").fontSize(BODY_SIZE).fillColor(PDF_COLORS.ink);
  }

  private writeRuns(runs: TextRun[], style: TextStyle, y = this.doc.y): void {
    const indent = style.indent ?? 0;
    runs.forEach((run, i) => {
      this.doc
        .font(run.font ?? style.font ?? "regular")
        .fontSize(style.size ?? BODY_SIZE)
        .fillColor(run.link ? PDF_COLORS.brand : (style.color ?? PDF_COLORS.ink));
      const options = { width: this.contentWidth - indent, align: style.align ?? "left", continued: i < runs.length - 1, link: run.link ?? null, underline: Boolean(run.link) };
      if (i === 0) this.doc.text(run.text, MARGINS.left + indent, y, options);
      else this.doc.text(run.text, options);
    });
    this.doc.x = MARGINS.left;
    this.body();
  }

  private runningHeader(generated: string, pageLabel: string): void {
    const doc = this.doc;
    const { width, height } = doc.page;
    const left = MARGINS.left;
    const right = width - MARGINS.right;
    // Written in the margins: pdfkit would start a new page for text below the bottom margin.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    this.artifact(() => {
      // Two lines, so a long Table name ("Table régionale de concertation…") is never cut.
      doc.font("semibold").fontSize(8.5).fillColor(PDF_COLORS.brand);
      doc.text(fit(doc, this.options.tableName, right - left), left, 28, { lineBreak: false });
      doc.font("regular").fillColor(PDF_COLORS.muted);
      doc.text(fit(doc, this.options.title, right - left), left, 40, { lineBreak: false });
      doc.moveTo(left, 55).lineTo(right, 55).lineWidth(0.5).stroke(PDF_COLORS.rule);
      doc.moveTo(left, height - 50).lineTo(right, height - 50).lineWidth(0.5).stroke(PDF_COLORS.rule);
      doc.text(generated, left, height - 42, { lineBreak: false });
      doc.font("semibold").fillColor(PDF_COLORS.ink);
      doc.text(pageLabel, right - doc.widthOfString(pageLabel), height - 42, { lineBreak: false });
    }, "Pagination");
    doc.page.margins.bottom = bottom;
  }
}

/**
 * The font draws U+0020 and U+00A0 with one glyph, and pdfkit maps each glyph back to the first
 * character it drew: a document whose first space was a no-break one ("09 h 00", "Date : ")
 * would copy, search and read every space as U+00A0. Mapped back to a plain space instead.
 */
function spacesReadAsSpaces(doc: PDFKit.PDFDocument): void {
  const families = (doc as unknown as { _fontFamilies?: Record<string, { unicode?: number[][] }> })._fontFamilies ?? {};
  for (const font of Object.values(families)) {
    font.unicode?.forEach((codePoints, gid, all) => {
      if (codePoints.length === 1 && codePoints[0] === 0xa0) all[gid] = [0x20];
    });
  }
}

/** The text cut with an ellipsis to fit `width` in the current font. */
function fit(doc: PDFKit.PDFDocument, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  let cut = text;
  while (cut.length > 1 && doc.widthOfString(`${cut}…`) > width) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

export function startPdfDocument(options: PdfDocumentOptions): PdfWriter {
  return new PdfWriter(options);
}

/** Rich-text inline nodes as plain text (links keep their text, line breaks stay). */
export function plainInlineText(nodes: Inline[]): string {
  return nodes.map((n) => (n.kind === "text" ? n.text : n.kind === "break" ? "\n" : plainInlineText(n.children))).join("");
}
