// @messages-rendered-on-server: the indicators' words (names, periods, groups, figures) are
// resolved here, once, for the page and for the downloads alike; the page does not send the
// registry's whole vocabulary.
import { catalog, translator, type MessageKey } from "../../i18n/catalog.ts";
import { formatDay, formatDuration, localeTag } from "../../i18n/format.ts";
import type { Locale } from "../../i18n/types.ts";
import type { Figure, FigureRow } from "./disclose.server.ts";
import type { Disaggregation, IndicatorDefinition, IndicatorType } from "./figures.ts";
import type { Period } from "./periods.ts";

type PeriodName = Pick<Period, "kind" | "year" | "part">;

const has = (key: string): key is MessageKey => key in catalog.fr;

export function indicatorWords(locale: Locale) {
  const t = translator(locale);
  const number = new Intl.NumberFormat(localeTag(locale), { maximumFractionDigits: 1 });
  const monthName = new Intl.DateTimeFormat(localeTag(locale), { month: "long", timeZone: "UTC" });
  const fiscalStart = (year: number) => String(year);
  // 1er, 2e… / 1st, 2nd…: ordinal plural rules, the suffixes being each language's own.
  const ordinalRules = new Intl.PluralRules(localeTag(locale), { type: "ordinal" });
  const suffixes: Record<string, string> = locale === "fr" ? { one: "er", other: "e" } : { one: "st", two: "nd", few: "rd", other: "th" };
  const ordinal = (n: number) => `${n}${suffixes[ordinalRules.select(n)] ?? suffixes.other}`;
  const words = {
    t,
    name: (code: string) => (has(`indicator.${code}.name`) ? t(`indicator.${code}.name` as MessageKey) : code),
    definition: (code: string) => (has(`indicator.${code}.definition`) ? t(`indicator.${code}.definition` as MessageKey) : ""),
    module: (module: string) => (has(`evaluation.module.${module}`) ? t(`evaluation.module.${module}` as MessageKey) : module),
    period(p: PeriodName): string {
      switch (p.kind) {
        case "fiscal_year":
          return t("evaluation.period.fiscal_year", { start: fiscalStart(p.year), end: String(p.year + 1).slice(2) });
        case "year":
          return t("evaluation.period.year", { year: String(p.year) });
        case "ytd":
          return t("evaluation.period.ytd", { year: String(p.year) });
        case "quarter":
          return t("evaluation.period.quarter", { ordinal: ordinal(p.part ?? 1), year: String(p.year) });
        case "month": {
          const m = monthName.format(new Date(Date.UTC(p.year, (p.part ?? 1) - 1, 1)));
          return t("evaluation.period.month", { month: locale === "fr" ? m : m.charAt(0).toUpperCase() + m.slice(1), year: String(p.year) });
        }
      }
    },
    range: (p: Pick<Period, "from" | "to">) => t("evaluation.period.range", { from: formatDay(locale, p.from), to: formatDay(locale, p.to) }),
    breakdown: (by: Disaggregation | null) => t(by ? (`evaluation.by.${by}` as MessageKey) : "evaluation.by.none"),
    group(by: Disaggregation | null, row: Pick<FigureRow, "key" | "name">): string {
      if (row.key === "total") return t("evaluation.group.total");
      if (row.key === "all" || by === null) return t("evaluation.group.all");
      if (row.name) return (locale === "en" ? row.name.en : row.name.fr) || t("evaluation.group.unspecified");
      const key = by === "organization_type" ? `orgType.${row.key}` : by === "language" ? `directory.language.${row.key}` : "";
      return key && has(key) ? t(key as MessageKey) : row.key || t("evaluation.group.unspecified");
    },
    category: (definition: Pick<IndicatorDefinition, "categoryLabels">, key: string) => {
      const k = definition.categoryLabels ? `${definition.categoryLabels}.${key}` : "";
      return k && has(k) ? t(k as MessageKey) : key;
    },
    /** A figure as text: the mark when suppressed, a dash when there is nothing to compute. */
    figure(f: Figure, type: IndicatorType, decimals: number): string {
      if ("suppressed" in f) return t("evaluation.suppressedMark");
      if ("empty" in f) return t("evaluation.emptyMark");
      return words.value(f.value, type, decimals);
    },
    value(v: number, type: IndicatorType, decimals: number): string {
      const n = new Intl.NumberFormat(localeTag(locale), { maximumFractionDigits: decimals, minimumFractionDigits: 0 }).format(v);
      if (type === "percent") return t("evaluation.unit.percent", { value: n });
      if (type === "median_duration") return formatDuration(locale, v);
      return n;
    },
    number: (v: number) => number.format(v),
  };
  return words;
}

export type IndicatorWords = ReturnType<typeof indicatorWords>;
