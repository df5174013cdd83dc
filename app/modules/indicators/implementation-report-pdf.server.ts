// @messages-rendered-on-server: the implementation report's words are written here, in the reader's language.
import { formatDay } from "../../i18n/format.ts";
import type { Locale } from "../../i18n/types.ts";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import type { Database } from "../db/client.server.ts";
import { recommendationsOf, listReports } from "../evaluation-reports/list-reports.server.ts";
import { sha256Hex } from "../exports/download.server.ts";
import { pdfContext } from "../pdf/pdf-context.server.ts";
import { startPdfDocument, type PdfWriter } from "../pdf/pdf-document.server.ts";
import { quebecDay } from "../time/days.ts";
import { dashboardView } from "./dashboard-view.server.ts";
import { getDashboard } from "./get-dashboard.server.ts";
import { indicatorWords } from "./words.server.ts";
import { drawTrendCharts } from "./implementation-trend-pdf.server.ts";

const BAR = { height: 10, gap: 7, labelWidth: 200, fill: "#1d5fa8", track: "#e4e8ee", ink: "#1b1f24" };

/** Share of each target reached, as bars with the 100 % mark: the dashboard's chart, drawn in the PDF itself. */
function progressBars(w: PdfWriter, rows: { name: string; progress: number; text: string }[], title: string): void {
  const { doc } = w;
  const left = doc.page.margins.left;
  const width = w.contentWidth - BAR.labelWidth - 60;
  w.keepSpace(rows.length * (BAR.height + BAR.gap) + 30);
  w.tagged("Figure", () => {
    let y = doc.y + 4;
    doc.fontSize(8.5).fillColor(BAR.ink);
    for (const r of rows) {
      doc.text(r.name, left, y - 1, { width: BAR.labelWidth - 8, align: "right", lineBreak: false, ellipsis: true });
      const x = left + BAR.labelWidth;
      doc.rect(x, y, width, BAR.height).fill(BAR.track);
      doc.rect(x, y, (width * Math.min(r.progress, 150)) / 150, BAR.height).fill(BAR.fill);
      // The target (100 %) as a dark tick across the bar: shape, not colour alone.
      doc.rect(x + (width * 100) / 150 - 1, y - 2, 2, BAR.height + 4).fill(BAR.ink);
      doc.fillColor(BAR.ink).text(r.text, x + width + 6, y - 1, { width: 60, lineBreak: false });
      y += BAR.height + BAR.gap;
    }
    doc.x = left;
    doc.y = y + 4;
  }, { alt: title });
}

/**
 * A year's (or any period's) implementation report as a PDF: every indicator against its target
 * and the previous period, the progress towards targets, and where each evaluation
 * recommendation stands. Protected figures only, whoever asks (an export); audited with its hash.
 */
export async function implementationReportPdf(
  db: Database,
  actor: AuditActor,
  input: { partnershipId: string; periodKey: string | null; locale: Locale },
): Promise<{ pdf: Buffer; fileName: string }> {
  const dashboard = await getDashboard(db, { partnershipId: input.partnershipId, periodKey: input.periodKey, by: null, foundedYear: null, exact: false });
  const view = dashboardView(dashboard, input.locale);
  const words = indicatorWords(input.locale);
  const ctx = await pdfContext(db, input.partnershipId, input.locale);
  const { t } = ctx;
  const today = quebecDay();
  const title = t("evaluation.report.title", { period: view.periodLabel });
  const w = startPdfDocument({ ...ctx, title });
  w.heading(title, 1, w.doc.outline);
  const range = view.rangeLabel.charAt(0).toLocaleUpperCase(input.locale) + view.rangeLabel.slice(1);
  w.paragraph(`${range} · ${t("evaluation.footnote.source", { table: ctx.tableName, day: formatDay(input.locale, today) })}`);
  w.paragraph(view.footnote, { color: "#444444" });

  const withTargets = view.themes.flatMap((th) => th.rows).filter((r) => r.met !== null);
  w.heading(t("evaluation.chart.progress.title", { period: view.periodLabel }), 2, w.doc.outline);
  const progressRows = dashboard.themes
    .flatMap((th) => th.indicators)
    .filter((i) => i.progress !== null)
    .map((i) => ({ name: words.name(i.code), progress: i.progress as number, text: words.value(i.progress as number, "percent", 0) }));
  if (progressRows.length) progressBars(w, progressRows, t("evaluation.chart.progress.desc"));
  else w.paragraph(t("evaluation.chart.noTargets"));
  if (withTargets.length)
    w.table(
      [
        { header: t("evaluation.col.indicator"), width: 3.4 },
        { header: t("evaluation.col.value"), width: 1.2, align: "right" },
        { header: t("evaluation.col.target"), width: 1.2, align: "right" },
        { header: t("evaluation.col.progress"), width: 2.4 },
      ],
      withTargets.map((r) => [r.name, r.value, r.target, r.progress]),
    );

  // How each targeted indicator moved over the last periods of its kind.
  const targeted = dashboard.themes.flatMap((th) => th.indicators).filter((i) => i.progress !== null).map((i) => i.code);
  if (targeted.length) {
    w.heading(t("evaluation.report.trends"), 2, w.doc.outline);
    w.paragraph(t("evaluation.report.trendLegend"), { color: "#444444" });
    await drawTrendCharts(db, w, words, { partnershipId: input.partnershipId, periodKey: dashboard.period.key, codes: targeted });
  }

  for (const theme of view.themes) {
    w.heading(theme.title, 2, w.doc.outline);
    w.table(
      [
        { header: t("evaluation.col.indicator"), width: 3.4 },
        { header: view.periodLabel, width: 1.2, align: "right" },
        { header: view.previousLabel, width: 1.2, align: "right" },
        { header: t("evaluation.col.target"), width: 1.1, align: "right" },
        { header: t("evaluation.col.progress"), width: 1.8 },
      ],
      theme.rows.map((r) => [r.name, r.value, r.previous, r.target, r.progress]),
    );
  }

  // Where each evaluation recommendation stands (the evaluation reports' own words).
  const [reports, { recommendations }] = await Promise.all([listReports(db, input.partnershipId, today), recommendationsOf(db, input.partnershipId, today)]);
  w.heading(t("evaluation.report.recommendations"), 2, w.doc.outline);
  if (!recommendations.length) w.paragraph(t("evaluation.report.noRecommendations"));
  for (const report of [...reports].reverse()) {
    const mine = recommendations.filter((r) => r.reportId === report.id);
    if (!mine.length) continue;
    w.heading(report.title, 3);
    w.table(
      [
        { header: "#", width: 0.4 },
        { header: t("evaluation.report.recommendation"), width: 4.6 },
        { header: t("evaluation.report.status"), width: 1.6 },
        { header: t("evaluation.report.progress"), width: 1.1, align: "right" },
      ],
      mine.map((r) => [
        String(r.number),
        r.text,
        `${t(`evalReports.status.${r.status}`)}${r.overdue ? ` · ${t("evaluation.report.overdue")}` : ""}`,
        r.progress === null ? "—" : words.value(r.progress, "percent", 0),
      ]),
    );
  }
  const pdf = await w.finish();
  await db.transaction((tx) =>
    recordAuditEvent(tx, actor, {
      action: "evaluation.exported",
      targetType: "indicator",
      targetId: "implementation_report",
      partnershipId: input.partnershipId,
      details: { format: "pdf", indicator: "implementation_report", count: dashboard.themes.flatMap((x) => x.indicators).length, period: dashboard.period.key, sha256: sha256Hex(pdf) },
    }),
  );
  return { pdf, fileName: `filet-rapport-implantation-${dashboard.period.key}.pdf` };
}
