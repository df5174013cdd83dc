import { startPdfDocument } from "../pdf/pdf-document.server.ts";

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
 * The certificate of completion, one landscape page, pdfkit's standard fonts (WinAnsi covers
 * French). Everything printed here is what the public verification page shows, no more.
 */
export async function renderCertificatePdf(c: CertificatePdfContent): Promise<Buffer> {
  const { doc, finish } = startPdfDocument({ title: `${c.title} — ${c.holderName}`, subject: c.codeLine, layout: "landscape", margin: 64 });
  const width = doc.page.width - 128;
  doc.rect(32, 32, doc.page.width - 64, doc.page.height - 64).lineWidth(2).stroke("#1d4f6e");
  doc.moveDown(4);
  doc.font("Helvetica-Bold").fontSize(28).fillColor("#1d4f6e").text(c.title, { align: "center", width });
  doc.moveDown(1).font("Helvetica").fontSize(14).fillColor("black").text(c.intro, { align: "center", width });
  doc.moveDown(0.8).font("Helvetica-Bold").fontSize(26).text(c.holderName, { align: "center", width });
  doc.moveDown(0.6).font("Helvetica").fontSize(14).text(c.completed, { align: "center", width });
  doc.moveDown(0.4).font("Helvetica-Bold").fontSize(18).text(c.programName, { align: "center", width });
  doc.moveDown(1).font("Helvetica").fontSize(13).text(c.dates, { align: "center", width });
  doc.moveDown(0.3).text(c.trainers, { align: "center", width });
  doc.moveDown(4).font("Helvetica-Bold").fontSize(12).text(c.codeLine, { align: "center", width });
  doc.font("Helvetica").fontSize(10).text(c.verifyLine, { align: "center", width });
  return finish();
}

/** "12 mai 2026 et 13 mai 2026": calendar days (stored as plain dates) in words. */
export function formatDays(days: readonly string[], locale: "fr" | "en"): string {
  const f = new Intl.DateTimeFormat(locale === "en" ? "en-CA" : "fr-CA", { dateStyle: "long", timeZone: "UTC" });
  return days.map((d) => f.format(new Date(`${d}T12:00:00Z`))).join(locale === "en" ? " and " : " et ");
}
