import * as Plot from "@observablehq/plot";
import type { ChartSpec } from "./chart-spec.ts";
import { valueFormatter } from "./format-value.ts";
import { legendMarks, TICK_SYMBOL } from "./legend.server.ts";
import { BAR, INK } from "./palette.ts";
import { charsIn, LINE_HEIGHT, textWidth, wrapText } from "./text-layout.ts";

interface Point { label: string; value: number | null; target: number | null }

/**
 * Horizontal bars, one per category in the caller's order; the labels wrap so that the longest
 * never takes more than 40 % of the width and never gets cut. A suppressed category keeps its
 * row and shows the mark; a target is a thick tick across the bar's row.
 */
export function barPlot(spec: ChartSpec & { points: Point[] }, width: number): Plot.PlotOptions {
  const format = valueFormatter(spec.locale, spec.unit);
  const rows = firstOfEach(spec.points);
  const maxChars = Math.min(32, Math.max(8, charsIn(width * 0.4 - 14)));
  const wrapped = new Map(rows.map((p) => [p.label, wrapText(p.label, maxChars)]));
  const lines = Math.max(...Array.from(wrapped.values(), (l) => l.length));
  const marginLeft = Math.max(...Array.from(wrapped.values(), (l) => Math.max(...l.map(textWidth)))) + 14;
  const drawn = rows.filter((p): p is Point & { value: number } => p.value !== null);
  const hidden = rows.filter((p) => p.value === null);
  const targets = spec.kind === "target" ? drawn.filter((p) => p.target !== null) : [];
  const labels = [...drawn.map((p) => format(p.value)), spec.suppressedMark];
  const marginRight = Math.max(...labels.map(textWidth)) + 16;
  const all = [...drawn.map((p) => p.value), ...targets.map((p) => p.target as number)];
  const max = Math.max(spec.unit === "percent" ? 100 : 1, ...all);
  const min = Math.min(0, ...all);
  const legend = spec.kind === "target" && spec.legend
    ? legendMarks([
        { text: spec.legend.value, symbol: "square", fill: BAR },
        { text: spec.legend.target, symbol: TICK_SYMBOL, stroke: INK },
      ], width, marginLeft)
    : { marks: [], marginTop: 8 };
  const x = Plot.scale({ x: { domain: [min, max], nice: true, range: [marginLeft, width - marginRight] } });
  const at = (value: number) => x.apply(value) as number;
  // A value's words go after its bar, or after the target tick when the tick would cross them.
  const end = (p: Point & { value: number }) => {
    if (p.target === null || spec.kind !== "target") return p.value;
    const start = at(p.value);
    return at(p.target) >= start - 3 && at(p.target) <= start + 8 + textWidth(format(p.value)) ? Math.max(p.value, p.target) : p.value;
  };
  const rowHeight = Math.max(28, lines * LINE_HEIGHT + 14);
  const marginBottom = 30;
  return {
    marginLeft, marginRight, marginTop: legend.marginTop, marginBottom,
    height: legend.marginTop + marginBottom + rows.length * rowHeight,
    x: { domain: [min, max], nice: true, grid: true, label: null, tickFormat: format, ticks: Math.max(2, Math.floor((width - marginLeft - marginRight) / 90)) },
    y: { domain: rows.map((p) => p.label), label: null, tickSize: 0, padding: 0.2, tickFormat: (label: string) => (wrapped.get(label) ?? [label]).join("\n") },
    marks: [
      ...legend.marks,
      Plot.barX(drawn, { x: "value", y: "label", fill: BAR, insetTop: spec.kind === "target" ? 4 : 0, insetBottom: spec.kind === "target" ? 4 : 0 }),
      Plot.tickX(targets, { x: "target", y: "label", stroke: INK, strokeWidth: 3 }),
      Plot.ruleX([0], { stroke: INK }),
      Plot.text(drawn, { x: end, y: "label", text: (p: Point & { value: number }) => format(p.value), dx: 5, textAnchor: "start", fill: INK }),
      Plot.text(hidden, { x: () => 0, y: "label", text: () => spec.suppressedMark, dx: 5, textAnchor: "start", fill: INK }),
    ],
  };
}

/** One row per category: a repeated label would draw two bars on one row. */
function firstOfEach(points: Point[]): Point[] {
  const seen = new Set<string>();
  return points.filter((p) => !seen.has(p.label) && seen.add(p.label));
}
