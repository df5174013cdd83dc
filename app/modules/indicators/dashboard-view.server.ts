// @messages-rendered-on-server: the dashboard's words are written here, for the page and its chart.
import type { Locale } from "../../i18n/types.ts";
import type { ChartSpec } from "../charts/chart-spec.ts";
import type { Dashboard } from "./get-dashboard.server.ts";
import { indicatorWords } from "./words.server.ts";

/** The dashboard as the page draws it: every word and figure already written, the chart already drawn. */
export interface DashboardView {
  periodKey: string;
  by: string;
  breakdownLabel: string;
  periodLabel: string;
  rangeLabel: string;
  previousLabel: string;
  /** Period keys only: the page names them (period-name.ts), so 31 labels do not travel twice. */
  choices: string[];
  themes: {
    theme: string;
    title: string;
    rows: {
      code: string;
      name: string;
      value: string;
      previous: string;
      target: string;
      progress: string;
      met: boolean | null;
      lowerIsBetter: boolean;
      breakdown: { key: string; label: string; value: string }[] | null;
    }[];
  }[];
  /** The chart is an image of its own (chart.svg): its words and figures stay out of the page's data. */
  chart: { title: string } | null;
  footnote: string;
  exact: boolean;
}

/** The progress chart's drawing orders (null without any target): drawn by the chart.svg route. */
export function progressChartSpec(d: Dashboard, locale: Locale): ChartSpec | null {
  const w = indicatorWords(locale);
  const withTargets = d.themes.flatMap((t) => t.indicators).filter((i) => i.target !== null && i.progress !== null);
  if (!withTargets.length) return null;
  const title = w.t("evaluation.chart.progress.title", { period: w.period(d.period) });
  return {
    kind: "target",
    title,
    desc: w.t("evaluation.chart.progress.desc"),
    locale,
    unit: "percent",
    suppressedMark: w.t("evaluation.suppressedMark"),
    emptyText: w.t("evaluation.chart.empty"),
    legend: { value: w.t("evaluation.chart.legend.progress"), target: w.t("evaluation.chart.legend.target") },
    points: withTargets.map((i) => ({ label: w.name(i.code), value: i.progress, target: 100 })),
  };
}

export function dashboardView(d: Dashboard, locale: Locale): DashboardView {
  const w = indicatorWords(locale);
  const all = d.themes.flatMap((t) => t.indicators);
  const withTargets = all.filter((i) => i.target !== null && i.progress !== null);
  const periodLabel = w.period(d.period);
  const chartTitle = w.t("evaluation.chart.progress.title", { period: periodLabel });
  const targetText = (i: (typeof all)[number]) => (i.target === null ? w.t("evaluation.noTarget") : w.value(i.target, i.type, i.decimals));
  const progressText = (i: (typeof all)[number]) =>
    i.met === null ? "" : i.progress !== null ? `${w.t("evaluation.progressOf", { progress: w.value(i.progress, "percent", 1) })} · ${w.t(i.met ? "evaluation.met" : "evaluation.notMet")}` : w.t(i.met ? "evaluation.met" : "evaluation.notMet");
  return {
    periodKey: d.period.key,
    by: d.by ?? "",
    breakdownLabel: w.breakdown(d.by),
    periodLabel,
    rangeLabel: w.range(d.period),
    previousLabel: w.period(d.previous),
    choices: d.choices.map((c) => c.key),
    themes: d.themes.map((t) => ({
      theme: t.theme,
      title: w.t(`evaluation.theme.${t.theme}`),
      rows: t.indicators.map((i) => ({
        code: i.code,
        name: w.name(i.code),
        value: w.figure(i.value, i.type, i.decimals),
        previous: w.figure(i.previous, i.type, i.decimals),
        target: targetText(i),
        progress: progressText(i),
        met: i.met,
        lowerIsBetter: i.better === "lower",
        breakdown: i.breakdown ? i.breakdown.map((b) => ({ key: b.key, label: w.group(d.by, b), value: w.figure(b.value, i.type, i.decimals) })) : null,
      })),
    })),
    chart: withTargets.length ? { title: chartTitle } : null,
    footnote: w.t(d.exact ? "evaluation.footnote.exact" : "evaluation.footnote.suppressed", { max: String(d.threshold - 1) }),
    exact: d.exact,
  };
}
