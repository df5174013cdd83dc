import type { Route } from "./+types/action-plan.$year.report.pdf";
import { translator } from "../../i18n/catalog.ts";
import { resolveLocale } from "../../i18n/locale.server.ts";
import { renderYearEndReportPdf } from "../../modules/action-plan/report-pdf.server.ts";
import { buildYearEndReport } from "../../modules/action-plan/year-end-report.server.ts";
import { guard, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";

/** Resource route: the year-end report as a PDF, in the reader's language. */
export const policy = needs("actionplan.view");

export async function loader(args: Route.LoaderArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId || !/^\d{4}$/.test(args.params.year ?? "")) notFound();
  const report = await buildYearEndReport(args.context.db, user.partnershipId, Number(args.params.year));
  if (!report) notFound();
  const locale = resolveLocale(args.request, user.locale);
  const t = translator(locale);
  const fmtDay = (d: string | null) => (d ? new Intl.DateTimeFormat(locale === "fr" ? "fr-CA" : "en-CA", { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${d}T12:00:00Z`)) : "…");
  const { totals } = report;
  const pdf = await renderYearEndReportPdf(report, {
    title: `${t("actionPlan.report.title", { year: report.plan.year })} — ${report.plan.title}`,
    summary: t("actionPlan.report.summary"),
    totals: [
      `${t("actionPlan.report.actionsDone")} : ${t("actionPlan.report.actionsDoneValue", { done: totals.byStatus.done, total: totals.actions, rate: totals.doneRate })}`,
      `${t("actionPlan.status.in_progress")} : ${totals.byStatus.in_progress} · ${t("actionPlan.status.planned")} : ${totals.byStatus.planned} · ${t("actionPlan.status.dropped")} : ${totals.byStatus.dropped}`,
      `${t("actionPlan.report.averageProgress")} : ${totals.averageProgress} %`,
      `${t("actionPlan.report.indicatorsMet")} : ${t("actionPlan.report.indicatorsMetValue", { met: totals.indicatorsMet, measured: totals.indicatorsMeasured, total: totals.indicators })}`,
      ...(totals.responsibilities
        ? [`${t("actionPlan.report.responsibilities")} : ${t("actionPlan.report.responsibilitiesValue", { done: totals.responsibilitiesDone, total: totals.responsibilities })}`]
        : []),
    ],
    actions: t("actionPlan.actions"),
    indicators: t("actionPlan.indicators"),
    responsibilities: t("actionPlan.report.responsibilities"),
    none: t("actionPlan.action.none"),
    action: (a) => `${a.title} — ${t(`actionPlan.status.${a.status}`)}, ${a.progress} % (${fmtDay(a.startsOn)} – ${fmtDay(a.endsOn)})`,
    indicator: (i) =>
      `${i.label} — ${t("actionPlan.indicator.target")} : ${i.target} ${i.unit}, ${t("actionPlan.indicator.actual")} : ${i.actual === null ? t("actionPlan.indicator.notMeasured") : `${i.actual} ${i.unit}`}${i.met === null ? "" : ` (${i.met ? t("actionPlan.indicator.met") : t("actionPlan.indicator.notMet")})`}`,
    responsibility: (r) => t("actionPlan.report.responsibilityLine", { what: r.what, owner: r.owner, due: fmtDay(r.dueOn), status: t(`actionPlan.responsibilityStatus.${r.status}`) }),
  });
  return new Response(new Uint8Array(pdf), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="bilan-plan-action-${report.plan.year}.pdf"`,
      "cache-control": "private, no-store",
    },
  });
}
