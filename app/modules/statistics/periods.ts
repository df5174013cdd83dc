import { addDays } from "../time/days.ts";
import type { PeriodType } from "./vocabulary.ts";

/**
 * Reporting periods (plain). Keys: a quarter "2026Q3", a month "2026-07", a year "2026".
 * Days are Québec's calendar days, inclusive.
 */
export interface Period {
  key: string;
  type: PeriodType;
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, "0");
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

function make(type: PeriodType, year: number, index: number): Period {
  if (type === "year") return { key: String(year), type, from: `${year}-01-01`, to: `${year}-12-31` };
  if (type === "month") return { key: `${year}-${pad(index)}`, type, from: `${year}-${pad(index)}-01`, to: `${year}-${pad(index)}-${pad(lastDay(year, index))}` };
  const first = (index - 1) * 3 + 1;
  return { key: `${year}Q${index}`, type, from: `${year}-${pad(first)}-01`, to: `${year}-${pad(first + 2)}-${pad(lastDay(year, first + 2))}` };
}

const PATTERNS: Record<PeriodType, RegExp> = { quarter: /^(\d{4})Q([1-4])$/, month: /^(\d{4})-(0[1-9]|1[0-2])$/, year: /^(\d{4})$/ };

/** The period a key names, or null when the key is not one of this type (or out of 2000–2100). */
export function parsePeriod(key: string, type: PeriodType): Period | null {
  const m = PATTERNS[type].exec(key);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 2000 || year > 2100) return null;
  return make(type, year, type === "year" ? 1 : Number(m[2]));
}

/** The period that contains a day. */
export function periodContaining(day: string, type: PeriodType): Period {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  return make(type, year, type === "year" ? 1 : type === "month" ? month : Math.floor((month - 1) / 3) + 1);
}

/** The period before (or after, with step 1). */
export function shiftPeriod(period: Period, step: number): Period {
  if (period.type === "year") return make("year", Number(period.key) + step, 1);
  const year = Number(period.key.slice(0, 4));
  const per = period.type === "month" ? 12 : 4;
  const index = period.type === "month" ? Number(period.key.slice(5)) : Number(period.key.slice(5));
  const n = year * per + (index - 1) + step;
  return make(period.type, Math.floor(n / per), (n % per) + 1);
}

/** The periods from `first` to `last`, inclusive, oldest first (at most `limit`). */
export function periodsBetween(first: Period, last: Period, limit = 200): Period[] {
  const out: Period[] = [];
  for (let p = first; p.from <= last.from && out.length < limit; p = shiftPeriod(p, 1)) out.push(p);
  return out;
}

/** A data set's calendar for one period: entry opens the day after it ends, closes after the window; on time up to the deadline. */
export function periodCalendar(period: Period, set: { entryWindowDays: number; timelinessDays: number }) {
  return { opensOn: addDays(period.to, 1), closesOn: addDays(period.to, set.entryWindowDays), dueOn: addDays(period.to, set.timelinessDays) };
}

/** Whether new figures may be entered today (a returned or reopened report may be corrected at any time). */
export function isOpenForEntry(period: Period, set: { entryWindowDays: number; timelinessDays: number }, today: string): boolean {
  const c = periodCalendar(period, set);
  return today >= c.opensOn && today <= c.closesOn;
}

/** The most recent periods that have ended by today (the newest first). */
export function recentPeriods(type: PeriodType, today: string, count: number): Period[] {
  const out: Period[] = [];
  let p = shiftPeriod(periodContaining(today, type), -1);
  for (let i = 0; i < count; i++, p = shiftPeriod(p, -1)) out.push(p);
  return out;
}
