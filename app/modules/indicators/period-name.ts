import { localeTag } from "../../i18n/format.ts";
import type { MessageKey } from "../../i18n/catalog.ts";
import type { MessageVars } from "../../i18n/format.ts";
import type { Locale } from "../../i18n/types.ts";
import type { Period } from "./periods.ts";

export type PeriodName = Pick<Period, "kind" | "year" | "part">;
type Translate = (key: MessageKey, vars?: MessageVars) => string;

/**
 * A period's name in words ("Exercice 2026-27", "3e trimestre 2026", "novembre 2026"), plain so
 * that the server's words and a page's period choices (sent as keys only) name it alike.
 */
export function periodName(p: PeriodName, t: Translate, locale: Locale): string {
  switch (p.kind) {
    case "fiscal_year":
      return t("evaluation.period.fiscal_year", { start: String(p.year), end: String(p.year + 1).slice(2) });
    case "year":
      return t("evaluation.period.year", { year: String(p.year) });
    case "ytd":
      return t("evaluation.period.ytd", { year: String(p.year) });
    case "quarter": {
      // 1er, 2e… / 1st, 2nd…: ordinal plural rules, the suffixes being each language's own.
      const suffixes: Record<string, string> = locale === "fr" ? { one: "er", other: "e" } : { one: "st", two: "nd", few: "rd", other: "th" };
      const n = p.part ?? 1;
      const ordinal = `${n}${suffixes[new Intl.PluralRules(localeTag(locale), { type: "ordinal" }).select(n)] ?? suffixes.other}`;
      return t("evaluation.period.quarter", { ordinal, year: String(p.year) });
    }
    case "month": {
      const m = new Intl.DateTimeFormat(localeTag(locale), { month: "long", timeZone: "UTC" }).format(new Date(Date.UTC(p.year, (p.part ?? 1) - 1, 1)));
      return t("evaluation.period.month", { month: locale === "fr" ? m : m.charAt(0).toUpperCase() + m.slice(1), year: String(p.year) });
    }
  }
}

/** The kind, year and part a period key names (the dashboard's own keys; null for anything else). */
export function periodNameOfKey(key: string): PeriodName | null {
  const m = /^(fy|ytd)?(\d{4})(?:-(Q[1-4]|\d{2}))?$/.exec(key);
  if (!m) return null;
  const [, prefix, yearText, partText] = m;
  const year = Number(yearText);
  if (prefix === "fy") return partText ? null : { kind: "fiscal_year", year };
  if (prefix === "ytd") return partText ? null : { kind: "ytd", year };
  if (!partText) return { kind: "year", year };
  if (partText.startsWith("Q")) return { kind: "quarter", year, part: Number(partText.slice(1)) };
  const month = Number(partText);
  return month >= 1 && month <= 12 ? { kind: "month", year, part: month } : null;
}
