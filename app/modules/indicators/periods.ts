import { addDays, addMonths, isCalendarDate } from "../time/days.ts";
import type { DayRange } from "./figures.ts";

/**
 * Reporting periods (plain). A period is named by a key that travels in URLs and exports:
 * "2026" (calendar year), "2026-Q3", "2026-11", "fy2026" (the Table's fiscal year that starts in
 * 2026, April–March by default), "ytd2026" (1 January 2026 to today).
 */
export const periodKinds = ["fiscal_year", "year", "quarter", "month", "ytd"] as const;
export type PeriodKind = (typeof periodKinds)[number];

export interface Period extends DayRange {
  kind: PeriodKind;
  key: string;
  year: number;
  /** Quarter 1–4 or month 1–12; absent otherwise. */
  part?: number;
}

const pad = (n: number) => String(n).padStart(2, "0");
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const YEARS = { min: 1990, max: 2200 };

/** The period a key names, or null for anything else (a key read from a URL is untrusted). */
export function parsePeriod(key: string, fiscalStartMonth: number, today: string): Period | null {
  const m = /^(fy|ytd)?(\d{4})(?:-(Q[1-4]|\d{2}))?$/.exec(key);
  if (!m) return null;
  const [, prefix, yearText, partText] = m;
  const year = Number(yearText);
  if (year < YEARS.min || year > YEARS.max) return null;
  if (prefix === "fy" && !partText) {
    const from = `${year}-${pad(fiscalStartMonth)}-01`;
    return { kind: "fiscal_year", key, year, from, to: addDays(addMonths(from, 12), -1) };
  }
  if (prefix === "ytd" && !partText) {
    const from = `${year}-01-01`;
    const end = `${year}-12-31`;
    const to = today < from ? from : today > end ? end : today;
    return { kind: "ytd", key, year, from, to };
  }
  if (prefix) return null;
  if (!partText) return { kind: "year", key, year, from: `${year}-01-01`, to: `${year}-12-31` };
  if (partText.startsWith("Q")) {
    const q = Number(partText.slice(1));
    const first = (q - 1) * 3 + 1;
    return { kind: "quarter", key, year, part: q, from: `${year}-${pad(first)}-01`, to: `${year}-${pad(first + 2)}-${lastDay(year, first + 2)}` };
  }
  const month = Number(partText);
  if (month < 1 || month > 12) return null;
  const from = `${year}-${pad(month)}-01`;
  if (!isCalendarDate(from)) return null;
  return { kind: "month", key, year, part: month, from, to: `${year}-${pad(month)}-${lastDay(year, month)}` };
}

/** The period of the same kind just before (the comparison shown beside each value). */
export function previousPeriod(p: Period, fiscalStartMonth: number, today: string): Period {
  const key = (() => {
    switch (p.kind) {
      case "fiscal_year":
        return `fy${p.year - 1}`;
      case "year":
        return `${p.year - 1}`;
      case "ytd":
        return `ytd${p.year - 1}`;
      case "quarter":
        return p.part === 1 ? `${p.year - 1}-Q4` : `${p.year}-Q${(p.part ?? 1) - 1}`;
      case "month":
        return p.part === 1 ? `${p.year - 1}-12` : `${p.year}-${pad((p.part ?? 1) - 1)}`;
    }
  })();
  const previous = parsePeriod(key, fiscalStartMonth, today);
  if (!previous) throw new Error(`no period before ${p.key}`);
  // Year to date compares with the same stretch of last year, not the whole year.
  if (p.kind === "ytd") return { ...previous, to: `${p.year - 1}${p.to.slice(4)}`.replace(/-02-29$/, "-02-28") };
  return previous;
}

/** The fiscal year holding a day (its key). */
export function fiscalYearOf(day: string, fiscalStartMonth: number): string {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  return `fy${month >= fiscalStartMonth ? year : year - 1}`;
}

/** The periods a dashboard offers around today: fiscal years, years, quarters and months, newest first. */
export function periodChoices(today: string, fiscalStartMonth: number, firstYear: number): Period[] {
  const out: Period[] = [];
  const year = Number(today.slice(0, 4));
  const currentFy = Number(fiscalYearOf(today, fiscalStartMonth).slice(2));
  const push = (key: string) => {
    const p = parsePeriod(key, fiscalStartMonth, today);
    if (p && p.from <= today) out.push(p);
  };
  for (let y = currentFy; y >= firstYear; y--) push(`fy${y}`);
  push(`ytd${year}`);
  for (let y = year; y >= firstYear; y--) push(`${y}`);
  for (let y = year; y >= Math.max(firstYear, year - 1); y--) for (let q = 4; q >= 1; q--) push(`${y}-Q${q}`);
  for (let i = 0; i < 12; i++) push(addMonths(`${today.slice(0, 7)}-01`, -i).slice(0, 7));
  return out;
}
