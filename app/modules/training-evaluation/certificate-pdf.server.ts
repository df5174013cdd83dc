import { startPdfDocument, type PdfContext } from "../pdf/pdf-document.server.ts";
import { PDF_COLORS } from "../pdf/pdf-style.server.ts";

export interface CertificatePdfContent {
  title: string;
  intro: string;
  holderName: string;
  completed: string;
  programName: string;
  dates: string;
  trainers: string;
  codeLine: string;
  verifyLine: string;
}

/**
 * The certificate of completion, one landscape page in a frame, in the shared layout (the
 * Table's name, the date it was generated). Everything printed here is what the public
 * verification page shows, no more.
 */
export async function renderCertificatePdf(c: CertificatePdfContent, ctx: PdfContext): Promise<Buffer> {
  const w = startPdfDocument({ ...ctx, title: `${c.title} — ${c.holderName}`, subject: c.codeLine, layout: "landscape" });
  const { doc } = w;
  w.artifact(() => {
    // Outside the running header and footer, which sit in the page's margins.
    doc.rect(12, 12, doc.page.width - 24, doc.page.height - 24).lineWidth(2).stroke(PDF_COLORS.brand);
    doc.rect(17, 17, doc.page.width - 34, doc.page.height - 34).lineWidth(0.5).stroke(PDF_COLORS.rule);
  });
  doc.y = 112;
  w.tagged("H1", () => {
    doc.font("bold").fontSize(30).fillColor(PDF_COLORS.brand).text(c.title, doc.page.margins.left, doc.y, { align: "center", width: w.contentWidth });
  });
  const line = (text: string, font: "regular" | "semibold" | "bold", size: number, gap: number) => {
    if (!text) return;
    doc.moveDown(gap);
    w.paragraph(text, { font, size, align: "center" });
  };
  line(c.intro, "regular", 14, 0.8);
  line(c.holderName, "bold", 26, 0.3);
  line(c.completed, "regular", 14, 0.3);
  line(c.programName, "semibold", 19, 0.2);
  line(c.dates, "regular", 13, 0.6);
  line(c.trainers, "regular", 13, 0);
  doc.y = Math.max(doc.y, doc.page.height - 170);
  line(c.codeLine, "semibold", 12, 0);
  w.paragraph(c.verifyLine, { size: 10, align: "center", color: PDF_COLORS.muted });
  return w.finish();
}

/** "12 mai 2026 et 13 mai 2026": calendar days (stored as plain dates) in words. */
export function formatDays(days: readonly string[], locale: "fr" | "en"): string {
  const f = new Intl.DateTimeFormat(locale === "en" ? "en-CA" : "fr-CA", { dateStyle: "long", timeZone: "UTC" });
  return days.map((d) => f.format(new Date(`${d}T12:00:00Z`))).join(locale === "en" ? " and " : " et ");
}
