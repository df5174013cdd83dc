// @messages-rendered-on-server: the trend charts' words are written here, in the reader's language.
import type { Database } from "../db/client.server.ts";
import type { PdfWriter } from "../pdf/pdf-document.server.ts";
import { getIndicatorPage, type IndicatorPage } from "./get-indicator-page.server.ts";
import type { indicatorWords } from "./words.server.ts";

const CHART = { height: 70, barGap: 14, fill: "#1d5fa8", suppressed: "#9aa4b1", ink: "#1b1f24", target: "#b3261e" };

type Words = ReturnType<typeof indicatorWords>;

/**
 * The trend of each indicator that has a target, over the same kind of period (five, oldest
 * first), drawn in the PDF itself: one bar per period, its value written above it, a suppressed
 * value marked and left without a bar, the period's target as a dashed line. Protected figures
 * only: the same disclosure as the indicator page an evaluator sees.
 */
export async function drawTrendCharts(db: Database, w: PdfWriter, words: Words, input: { partnershipId: string; periodKey: string; codes: readonly string[] }): Promise<void> {
  for (const code of input.codes) {
    const page = await getIndicatorPage(db, { partnershipId: input.partnershipId, code, periodKey: input.periodKey, by: null, foundedYear: null, exact: false });
    if (page.kind !== "ok") continue;
    trendChart(w, words, page.value);
  }
}

function trendChart(w: PdfWriter, words: Words, page: IndicatorPage): void {
  const { doc } = w;
  const d = page.definition;
  const title = words.t("evaluation.chart.trend.title", { indicator: words.name(d.code) });
  const points = page.trend.map((p) => ({ label: words.period(p), value: "value" in p.value ? p.value.value : null, text: words.figure(p.value, d.type, d.decimals), target: p.target }));
  const top = Math.max(1, ...points.map((p) => Math.max(p.value ?? 0, p.target ?? 0))) * 1.15;
  const alt = `${title}. ${points.map((p) => `${p.label} — ${p.text}${p.target === null ? "" : ` (${words.t("evaluation.col.target")} ${words.value(p.target, d.type, d.decimals)})`}`).join(", ")}.`;
  w.keepSpace(CHART.height + 60);
  doc.fontSize(9.5).fillColor(CHART.ink).text(title, doc.page.margins.left, doc.y, { width: w.contentWidth });
  w.tagged(
    "Figure",
    () => {
      const left = doc.page.margins.left;
      const base = doc.y + 14 + CHART.height;
      const slot = w.contentWidth / points.length;
      const barWidth = Math.min(60, slot - CHART.barGap);
      doc.fontSize(8);
      points.forEach((p, i) => {
        const x = left + i * slot + (slot - barWidth) / 2;
        const h = p.value === null ? 0 : (CHART.height * p.value) / top;
        if (p.value !== null) doc.rect(x, base - h, barWidth, Math.max(h, 0.5)).fill(CHART.fill);
        doc.fillColor(p.value === null ? CHART.suppressed : CHART.ink).text(p.text, x - 10, base - h - 11, { width: barWidth + 20, align: "center", lineBreak: false });
        if (p.target !== null) {
          const y = base - (CHART.height * p.target) / top;
          doc.save().moveTo(x - 4, y).lineTo(x + barWidth + 4, y).dash(3, { space: 2 }).lineWidth(1.5).stroke(CHART.target).restore();
        }
        doc.fillColor(CHART.ink).text(p.label, left + i * slot, base + 4, { width: slot, align: "center", lineBreak: false, ellipsis: true });
      });
      doc.save().moveTo(left, base).lineTo(left + w.contentWidth, base).lineWidth(0.6).stroke(CHART.ink).restore();
      doc.x = left;
      doc.y = base + 22;
    },
    { alt },
  );
}
