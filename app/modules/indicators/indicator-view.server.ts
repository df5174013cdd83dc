// @messages-rendered-on-server: an indicator page's words, tables and chart orders are written here.
import type { Locale } from "../../i18n/types.ts";
import type { ChartSpec } from "../charts/chart-spec.ts";
import type { Figure } from "./disclose.server.ts";
import type { IndicatorPage } from "./get-indicator-page.server.ts";
import { indicatorWords } from "./words.server.ts";

/** A table as the page and the downloads draw it: headers and cells already written. */
export interface WrittenTable {
  caption: string;
  head: string[];
  rows: { header: string; cells: string[]; total?: boolean }[];
}

export interface IndicatorView {
  code: string;
  name: string;
  definition: string;
  source: string;
  lowerIsBetter: boolean;
  periodKey: string;
  periodLabel: string;
  rangeLabel: string;
  by: string;
  breakdownLabel: string;
  /** Period keys only: the page names them (period-name.ts), so 31 labels do not travel twice. */
  choices: string[];
  breakdowns: { value: string; label: string }[];
  value: string;
  target: string | null;
  progress: string;
  table: WrittenTable;
  chartTitle: string;
  trendTable: WrittenTable;
  trendTitle: string;
  targets: { id: string; version: number; scope: string; value: string; rawValue: string; note: string }[];
  scopeOptions: { value: string; label: string }[];
  footnote: string;
  exact: boolean;
}

/** The last figure of a row: the value for one column, the total for categories, the rate for a ratio. */
const lastCell = (cells: Figure[]): Figure => cells[cells.length - 1] ?? { empty: true };
const chartValue = (f: Figure) => ("value" in f ? f.value : null);

export function breakdownTable(page: IndicatorPage, locale: Locale): WrittenTable {
  const w = indicatorWords(locale);
  const { definition: d, figures: f, by } = page;
  const fig = (x: Figure | undefined, type = d.type) => (x ? w.figure(x, type, type === "count" ? 0 : d.decimals) : "");
  const head = [w.t("evaluation.col.group")];
  if (f.shape === "count" && f.categories) head.push(...f.categories.map((c) => w.category(d, c)), w.t("evaluation.col.total"));
  else if (f.shape === "ratio") head.push(w.t("evaluation.col.numerator"), w.t("evaluation.col.denominator"), w.t("evaluation.col.value"));
  else if (f.shape === "median") head.push(w.t("evaluation.col.value"), w.t("evaluation.col.observations"));
  else head.push(w.t("evaluation.col.value"));
  const rowOf = (r: IndicatorPage["figures"]["rows"][number], total = false) => {
    const cells =
      f.shape === "ratio" ? [fig(r.numerator, "count"), fig(r.denominator, "count"), fig(r.cells[0])] : f.shape === "median" ? [fig(r.cells[0]), fig(r.observations, "count")] : r.cells.map((c) => fig(c));
    return { header: w.group(by, r), cells, ...(total ? { total } : {}) };
  };
  return {
    caption: `${w.name(d.code)} · ${w.period(page.period)} · ${w.breakdown(by)}`,
    head,
    rows: [...f.rows.map((r) => rowOf(r)), ...(f.total ? [rowOf(f.total, true)] : [])],
  };
}

export function indicatorView(page: IndicatorPage, locale: Locale): IndicatorView {
  const w = indicatorWords(locale);
  const { definition: d } = page;
  const name = w.name(d.code);
  const periodLabel = w.period(page.period);
  const valueText = (f: Figure) => w.figure(f, d.type, d.decimals);
  const table = breakdownTable(page, locale);
  const chartTitle = w.t("evaluation.chart.breakdown.title", { indicator: name, period: periodLabel });
  const trendTitle = w.t("evaluation.chart.trend.title", { indicator: name });
  const scopeLabel = (kind: string, key: string) => {
    if (kind === "table") return w.t("evaluation.target.scope.table");
    const by = kind as Exclude<IndicatorPage["by"], null>;
    const row = page.figures.rows.find((r) => r.key === key);
    return `${w.breakdown(by)} : ${w.group(by, row ?? { key })}`.replace(" : ", locale === "fr" ? "\u00a0: " : ": ");
  };
  const scopable = page.by === "organization" || page.by === "organization_type" || page.by === "territory";
  const progress =
    page.met === null ? "" : page.progress !== null ? `${w.t("evaluation.progressOf", { progress: w.value(page.progress, "percent", 1) })} · ${w.t(page.met ? "evaluation.met" : "evaluation.notMet")}` : w.t(page.met ? "evaluation.met" : "evaluation.notMet");
  return {
    code: d.code,
    name,
    definition: w.definition(d.code),
    source: w.module(d.module),
    lowerIsBetter: d.better === "lower",
    periodKey: page.period.key,
    periodLabel,
    rangeLabel: w.range(page.period),
    by: page.by ?? "",
    breakdownLabel: w.breakdown(page.by),
    choices: page.choices.map((c) => c.key),
    breakdowns: [{ value: "all", label: w.breakdown(null) }, ...d.disaggregations.map((b) => ({ value: b, label: w.breakdown(b) }))],
    value: valueText(page.value),
    target: page.target === null ? null : w.value(page.target, d.type, d.decimals),
    progress,
    table,
    chartTitle,
    trendTable: {
      caption: trendTitle,
      head: [w.t("evaluation.col.period"), w.t("evaluation.col.value"), w.t("evaluation.col.target")],
      rows: page.trend.map((p) => ({ header: w.period(p), cells: [valueText(p.value), p.target === null ? "" : w.value(p.target, d.type, d.decimals)] })),
    },
    trendTitle,
    targets: page.targets.map((t) => ({ id: t.id, version: t.version, scope: scopeLabel(t.scopeKind, t.scopeKey), value: w.value(t.target, d.type, d.decimals), rawValue: String(t.target), note: t.note })),
    scopeOptions: [
      { value: "table", label: w.t("evaluation.target.scope.table") },
      ...(scopable && page.by ? page.figures.rows.map((r) => ({ value: `${page.by}:${r.key}`, label: scopeLabel(page.by as string, r.key) })) : []),
    ],
    footnote: w.t(page.exact ? "evaluation.footnote.exact" : "evaluation.footnote.suppressed", { max: String(page.threshold - 1) }),
    exact: page.exact,
  };
}

/** The drawing orders of an indicator's two charts (its breakdown, its trend), drawn by the chart.svg route. */
export function indicatorChartSpecs(page: IndicatorPage, locale: Locale): { breakdown: ChartSpec; trend: ChartSpec } {
  const w = indicatorWords(locale);
  const { definition: d } = page;
  const name = w.name(d.code);
  const mark = w.t("evaluation.suppressedMark");
  const unit = d.type === "percent" ? ("percent" as const) : ("count" as const);
  const common = { locale, unit, suppressedMark: mark, emptyText: w.t("evaluation.chart.empty") };
  return {
    breakdown: {
      ...common,
      kind: "bar",
      title: w.t("evaluation.chart.breakdown.title", { indicator: name, period: w.period(page.period) }),
      desc: w.t("evaluation.chart.breakdown.desc", { indicator: name }),
      points: page.figures.rows.map((r) => ({ label: w.group(page.by, r), value: chartValue(lastCell(r.cells)) })),
    },
    trend: {
      ...common,
      kind: "line",
      title: w.t("evaluation.chart.trend.title", { indicator: name }),
      desc: w.t("evaluation.chart.trend.desc", { indicator: name, count: page.trend.length }),
      legend: { value: w.t("evaluation.chart.legend.value"), target: w.t("evaluation.chart.legend.target") },
      points: page.trend.map((p) => ({ label: w.period(p), value: chartValue(p.value), target: p.target })),
    },
  };
}
