// @messages-rendered-on-server: the indicators' words (names, periods, groups, figures) are
// resolved here, once, for the page and for the downloads alike; the page does not send the
// registry's whole vocabulary.
import { catalog, translator, type MessageKey } from "../../i18n/catalog.ts";
import { formatDay, formatDuration, localeTag } from "../../i18n/format.ts";
import type { Locale } from "../../i18n/types.ts";
import type { Figure, FigureRow } from "./disclose.server.ts";
import type { Disaggregation, IndicatorDefinition, IndicatorType } from "./figures.ts";
import type { Period } from "./periods.ts";
import { periodName, type PeriodName } from "./period-name.ts";


const has = (key: string): key is MessageKey => key in catalog.fr;

export function indicatorWords(locale: Locale) {
  const t = translator(locale);
  const number = new Intl.NumberFormat(localeTag(locale), { maximumFractionDigits: 1 });
  const words = {
    t,
    name: (code: string) => (has(`indicator.${code}.name`) ? t(`indicator.${code}.name` as MessageKey) : code),
    definition: (code: string) => (has(`indicator.${code}.definition`) ? t(`indicator.${code}.definition` as MessageKey) : ""),
    module: (module: string) => (has(`evaluation.module.${module}`) ? t(`evaluation.module.${module}` as MessageKey) : module),
    period: (p: PeriodName): string => periodName(p, t, locale),
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
