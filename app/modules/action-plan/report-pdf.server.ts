import { formatDay, localeTag } from "../../i18n/format.ts";
import { startPdfDocument, type PdfContext } from "../pdf/pdf-document.server.ts";
import type { YearEndReport } from "./year-end-report.server.ts";

/**
 * The year-end report as a PDF a Table can send its funders: the totals, then per objective
 * tables of its actions, indicator results and linked responsibilities. Objectives also go in
 * the PDF outline.
 */
export async function renderYearEndReportPdf(report: YearEndReport, ctx: PdfContext): Promise<Buffer> {
  const { t, locale } = ctx;
  const title = `${t("actionPlan.report.title", { year: report.plan.year })} — ${report.plan.title}`;
  const w = startPdfDocument({ ...ctx, title });
  const percent = new Intl.NumberFormat(localeTag(locale), { style: "percent", maximumFractionDigits: 0 });
  const pct = (n: number) => percent.format(n / 100);
  const day = (d: string | null) => formatDay(locale, d) || "…";
  const { totals } = report;

  w.heading(title, 1, w.doc.outline);
  if (report.plan.summary) w.paragraph(report.plan.summary);
  w.heading(t("actionPlan.report.summary"), 2);
  w.labelled(t("actionPlan.report.actionsDone"), t("actionPlan.report.actionsDoneValue", { done: totals.byStatus.done, total: totals.actions, rate: totals.doneRate }));
  w.labelled(t("actionPlan.status.in_progress"), String(totals.byStatus.in_progress));
  w.labelled(t("actionPlan.status.planned"), String(totals.byStatus.planned));
  w.labelled(t("actionPlan.status.dropped"), String(totals.byStatus.dropped));
  w.labelled(t("actionPlan.report.averageProgress"), pct(totals.averageProgress));
  w.labelled(t("actionPlan.report.indicatorsMet"), t("actionPlan.report.indicatorsMetValue", { met: totals.indicatorsMet, measured: totals.indicatorsMeasured, total: totals.indicators }));
  if (totals.responsibilities) w.labelled(t("actionPlan.report.responsibilities"), t("actionPlan.report.responsibilitiesValue", { done: totals.responsibilitiesDone, total: totals.responsibilities }));

  report.objectives.forEach((objective, i) => {
    w.heading(`${t("actionPlan.objectiveNumber", { n: i + 1 })} ${objective.title}`, 2, w.doc.outline);
    if (objective.description) w.paragraph(objective.description);
    w.heading(t("actionPlan.actions"), 3);
    if (objective.actions.length === 0) w.paragraph(t("actionPlan.action.none"), { color: "#555555" });
    w.table(
      [
        { header: t("actionPlan.action.title"), width: 3.2 },
        { header: t("actionPlan.action.status"), width: 1.2 },
        { header: t("actionPlan.action.progress"), width: 1.1, align: "right" },
        { header: t("actionPlan.action.dates"), width: 2 },
      ],
      objective.actions.map((a) => [a.title, t(`actionPlan.status.${a.status}`), pct(a.progress), `${day(a.startsOn)} – ${day(a.endsOn)}`]),
    );
    w.heading(t("actionPlan.indicators"), 3);
    if (objective.indicators.length === 0) w.paragraph(t("actionPlan.indicator.none"), { color: "#555555" });
    w.table(
      [
        { header: t("actionPlan.indicator.label"), width: 3.2 },
        { header: t("actionPlan.indicator.target"), width: 1.3, align: "right" },
        { header: t("actionPlan.indicator.actual"), width: 1.5, align: "right" },
        { header: t("actionPlan.indicator.result"), width: 1.3 },
      ],
      objective.indicators.map((ind) => [
        ind.label,
        `${ind.target} ${ind.unit}`.trim(),
        ind.live === "suppressed" ? t("evaluation.suppressedMark") : ind.actual === null ? t("actionPlan.indicator.notMeasured") : `${ind.actual} ${ind.unit}`.trim(),
        ind.met === null ? "—" : ind.met ? t("actionPlan.indicator.met") : t("actionPlan.indicator.notMet"),
      ]),
    );
    if (objective.responsibilities.length) {
      w.heading(t("actionPlan.report.responsibilities"), 3);
      w.table(
        [
          { header: t("responsibilities.what"), width: 3.2 },
          { header: t("responsibilities.owner"), width: 1.8 },
          { header: t("responsibilities.dueOn"), width: 1.3 },
          { header: t("responsibilities.statusLabel"), width: 1.1 },
        ],
        objective.responsibilities.map((r) => [r.what, r.owner, day(r.dueOn), t(`responsibilities.status.${r.status}`)]),
      );
    }
  });
  return w.finish();
}
