import * as Plot from "@observablehq/plot";
import type { ChartSpec } from "./chart-spec.ts";
import { valueFormatter } from "./format-value.ts";
import { legendMarks } from "./legend.server.ts";
import { INK, SERIES_COLOURS, SERIES_SYMBOLS } from "./palette.ts";
import { clamp, LINE_HEIGHT, textWidth } from "./text-layout.ts";

interface Point { label: string; series?: string; value: number | null }

/**
 * A trend: periods along the bottom in the caller's order, one line per series with its own
 * colour and marker, named in a legend. A suppressed value breaks its line and shows the mark.
 */
export function linePlot(spec: ChartSpec & { points: Point[] }, width: number): Plot.PlotOptions {
  const format = valueFormatter(spec.locale, spec.unit);
  const periods = unique(spec.points.map((p) => p.label));
  const seriesNames = unique(spec.points.map((p) => p.series ?? ""));
  const values = spec.points.flatMap((p) => (p.value === null ? [] : [p.value]));
  // Counts get whole-number ticks (a domain of at least 0–5); the widest tick label sets the left margin.
  const max = Math.max(spec.unit === "percent" ? 10 : 5, ...values);
  const min = Math.min(0, ...values);
  const tickWidth = Math.max(textWidth(format(max)), textWidth(format(min)), textWidth(format(max * 0.75)), textWidth(format(max * 0.25)));
  const marginRight = Math.max(24, Math.ceil(textWidth(periods.at(-1) ?? "") / 2) + 8);
  const longest = Math.max(...periods.map(textWidth));
  const rotate = periods.length > 1 && longest + 8 > (width - tickWidth - 16 - marginRight) / periods.length;
  // A label turned 45° reaches left of its tick by about 0.71 of its length: the first one must fit.
  const marginLeft = Math.max(tickWidth + 16, rotate ? Math.ceil(longest * 0.71) - 12 : 0);
  const marginBottom = rotate ? Math.min(160, Math.ceil(longest * 0.71) + LINE_HEIGHT + 8) : 30;
  const named = seriesNames.length > 1 || seriesNames[0] !== "";
  const legend = named
    ? legendMarks(seriesNames.map((name, i) => ({ text: name, symbol: SERIES_SYMBOLS[i % SERIES_SYMBOLS.length]!, fill: colour(i) })), width, marginLeft)
    : { marks: [], marginTop: 16 };
  const marks: Plot.Markish[] = [...legend.marks, Plot.ruleY([0], { stroke: INK })];
  seriesNames.forEach((name, i) => {
    const order = (p: Point) => periods.indexOf(p.label);
    const points = spec.points.filter((p) => (p.series ?? "") === name).sort((a, b) => order(a) - order(b));
    const drawn = points.filter((p) => p.value !== null);
    const hidden = points.filter((p) => p.value === null);
    const symbol = SERIES_SYMBOLS[i % SERIES_SYMBOLS.length]!;
    marks.push(
      Plot.line(points, { x: "label", y: (p: Point) => p.value ?? Number.NaN, stroke: colour(i), strokeWidth: 2.5 }),
      Plot.dot(drawn, { x: "label", y: "value", symbol, fill: colour(i), r: 4.5 }),
      Plot.text(hidden, { x: "label", y: () => 0, text: () => spec.suppressedMark, dy: -9 - 13 * i, fill: colour(i), fontWeight: "bold" }),
    );
    if (!named) marks.push(Plot.text(drawn, { x: "label", y: "value", text: (p: Point) => format(p.value as number), dy: -11, fill: INK }));
  });
  return {
    marginLeft, marginRight, marginTop: legend.marginTop, marginBottom,
    height: clamp(spec.height ?? 320, 160, 2000),
    x: { type: "point", domain: periods, label: null, padding: 0.3, tickRotate: rotate ? -45 : 0 },
    y: { domain: [min, max], nice: true, grid: true, label: null, tickFormat: format },
    marks,
  };
}

function colour(index: number): string {
  return SERIES_COLOURS[index % SERIES_COLOURS.length]!;
}

function unique(values: string[]): string[] {
  return Array.from(new Set(values));
}
