import { startPdfDocument } from "../pdf/pdf-document.server.ts";
import type { YearEndReport } from "./year-end-report.server.ts";

export interface ReportPdfLabels {
  title: string;
  summary: string;
  totals: string[];
  actions: string;
  indicators: string;
  responsibilities: string;
  none: string;
  action: (a: YearEndReport["objectives"][number]["actions"][number]) => string;
  indicator: (i: YearEndReport["objectives"][number]["indicators"][number]) => string;
  responsibility: (r: YearEndReport["objectives"][number]["responsibilities"][number]) => string;
}

/**
 * The year-end report as a PDF (pdfkit's standard fonts, like the guide): the totals, then per
 * objective the actions done or not, the indicator results and the linked responsibilities.
 * Objectives also go in the PDF outline.
 */
export async function renderYearEndReportPdf(report: YearEndReport, labels: ReportPdfLabels): Promise<Buffer> {
  const { doc, finish } = startPdfDocument({ title: labels.title });
  doc.outline.addItem(labels.title);
  doc.font("Helvetica-Bold").fontSize(20).text(labels.title);
  doc.font("Helvetica").fontSize(11).moveDown(0.5);
  if (report.plan.summary) doc.text(report.plan.summary).moveDown(0.5);
  doc.font("Helvetica-Bold").fontSize(14).text(labels.summary).font("Helvetica").fontSize(11);
  for (const line of labels.totals) doc.text(`• ${line}`, { indent: 12 });
  for (const objective of report.objectives) {
    doc.outline.addItem(objective.title);
    doc.moveDown(0.8).font("Helvetica-Bold").fontSize(15).text(objective.title).font("Helvetica").fontSize(11);
    if (objective.description) doc.text(objective.description);
    const part = (heading: string, lines: string[]) => {
      doc.moveDown(0.3).font("Helvetica-Bold").fontSize(12).text(heading).font("Helvetica").fontSize(11);
      if (lines.length === 0) doc.text(labels.none, { indent: 12 });
      for (const line of lines) doc.text(`• ${line}`, { indent: 12 });
    };
    part(labels.actions, objective.actions.map(labels.action));
    part(labels.indicators, objective.indicators.map(labels.indicator));
    if (objective.responsibilities.length) part(labels.responsibilities, objective.responsibilities.map(labels.responsibility));
  }
  return finish();
}
