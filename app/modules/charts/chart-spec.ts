/**
 * What a caller asks the chart renderer to draw. Plain types, safe for any bundle; the renderer
 * itself is `render-chart.server.ts` (Plot and linkedom stay on the server).
 */

/**
 * bar: one value per category (horizontal bars, long labels wrap);
 * line: a value per period for one or more series (trend);
 * target: value vs target per category (bar and a target tick).
 */
export type ChartKind = "bar" | "line" | "target";

export interface ChartPoint {
  /** The category (bar, target) or the period (line), already translated. */
  label: string;
  /** The series of a line chart; ignored by the other kinds. */
  series?: string;
  /** null = suppressed: not drawn, but its category still shows, with the mark. */
  value: number | null;
  target?: number | null;
}

export interface ChartSpec {
  kind: ChartKind;
  /** Translated; become the SVG's <title> and <desc>. */
  title: string;
  desc: string;
  /** Number formatting: fr "1 234,5" and "45 %" (narrow no-break spaces), en "1,234.5" and "45%". */
  locale: "fr" | "en";
  points: ChartPoint[];
  /** percent: values are percentage points (45 means 45 %). */
  unit?: "count" | "percent";
  suppressedMark: string;
  /** The sentence drawn when no point has a value (e.g. "Aucune donnée à afficher"). */
  emptyText?: string;
  /** The words of the target chart's legend; without them, no legend is drawn. */
  legend?: { value: string; target: string };
  /** The base of the SVG's element ids; without it, a hash of the spec (unique per chart, stable). */
  id?: string;
  width?: number;
  height?: number;
}
