import type { ChartSpec } from "./chart-spec.ts";

const NARROW_NBSP = "\u202F";

/**
 * Figures as the reader writes them: French groups thousands with a narrow no-break space and
 * puts one before "%"; English writes "1,234.5" and "45%".
 */
export function valueFormatter(locale: ChartSpec["locale"], unit: ChartSpec["unit"] = "count"): (value: number) => string {
  const number = new Intl.NumberFormat(locale === "fr" ? "fr-FR" : "en-CA", { maximumFractionDigits: 1 });
  if (unit !== "percent") return (value) => number.format(value);
  return (value) => `${number.format(value)}${locale === "fr" ? NARROW_NBSP : ""}%`;
}
