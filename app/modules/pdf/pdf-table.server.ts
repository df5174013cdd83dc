import { PDF_COLORS } from "./pdf-style.server.ts";

export interface PdfColumn {
  header: string;
  /** Relative width (1 by default): 2 takes twice the room of 1. */
  width?: number;
  align?: "left" | "right" | "center";
}

const PAD_X = 5;
const PAD_TOP = 4;
// The last line's leading already leaves room under the text.
const PAD_BOTTOM = 1.5;
const SIZE = 9.5;

/**
 * Draws a table as a table: a shaded header row, borders, zebra rows, cells that wrap. A row
 * never splits; when it does not fit, it starts the next page under a repeat of the header row,
 * tagged as a pagination artifact so screen readers read the header once (Table › TR › TH/TD).
 */
/** What a table needs of the document writer (PdfWriter has it): named here so the writer can draw tables without an import cycle. */
export interface TableSurface {
  readonly doc: PDFKit.PDFDocument;
  readonly contentWidth: number;
  artifact(draw: () => void, type?: "Pagination" | "Layout"): void;
  attach(element: PDFKit.PDFStructureElement): void;
  keepSpace(height: number): void;
}

export function drawTable(w: TableSurface, columns: PdfColumn[], rows: string[][]): void {
  const doc = w.doc;
  const left = doc.page.margins.left;
  const total = columns.reduce((sum, c) => sum + (c.width ?? 1), 0);
  const widths = columns.map((c) => (w.contentWidth * (c.width ?? 1)) / total);
  const xs = widths.map((_, i) => left + widths.slice(0, i).reduce((a, b) => a + b, 0));
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  const usable = () => bottom() - doc.page.margins.top;
  const headers = columns.map((c) => c.header);

  const heightOf = (cells: string[], font: "semibold" | "regular") => {
    doc.font(font).fontSize(SIZE);
    return Math.max(...cells.map((text, i) => doc.heightOfString(text || " ", { width: widths[i]! - 2 * PAD_X }))) + PAD_TOP + PAD_BOTTOM;
  };
  const headerHeight = heightOf(headers, "semibold");

  const drawRow = (cells: string[], y: number, height: number, fill: string | null, parent: PDFKit.PDFStructureElement | null, header: boolean) => {
    w.artifact(() => {
      if (fill) doc.rect(left, y, w.contentWidth, height).fill(fill);
      doc.lineWidth(0.5).strokeColor(PDF_COLORS.rule);
      xs.forEach((x, i) => doc.rect(x, y, widths[i]!, height).stroke());
    });
    cells.forEach((text, i) => {
      const draw = () => {
        doc.font(header ? "semibold" : "regular").fontSize(SIZE).fillColor(PDF_COLORS.ink);
        // A cell taller than a page is cut with an ellipsis rather than running into the footer.
        doc.text(text, xs[i]! + PAD_X, y + PAD_TOP, { width: widths[i]! - 2 * PAD_X, height: height - PAD_TOP - PAD_BOTTOM, ellipsis: true, align: columns[i]?.align ?? "left" });
      };
      if (parent) parent.add(doc.struct(header ? "TH" : "TD", (header ? { scope: "Column" } : {}) as object, draw));
      else w.artifact(draw, "Pagination");
    });
  };

  const table = doc.struct("Table");
  w.attach(table);
  const row = (cells: string[], y: number, height: number, fill: string | null, header: boolean) => {
    const tr = doc.struct("TR");
    table.add(tr);
    drawRow(cells, y, height, fill, tr, header);
    tr.end();
  };

  const firstRow = rows[0] ? Math.min(heightOf(rows[0], "regular"), usable() - headerHeight) : 0;
  w.keepSpace(headerHeight + firstRow);
  let y = doc.y;
  row(headers, y, headerHeight, PDF_COLORS.header, true);
  y += headerHeight;
  rows.forEach((cells, index) => {
    const height = Math.min(heightOf(cells, "regular"), usable() - headerHeight);
    if (y + height > bottom()) {
      doc.addPage();
      y = doc.page.margins.top;
      drawRow(headers, y, headerHeight, PDF_COLORS.header, null, true);
      y += headerHeight;
    }
    row(cells, y, height, index % 2 === 1 ? PDF_COLORS.zebra : null, false);
    y += height;
  });
  table.end();
  doc.x = left;
  doc.y = y;
}
