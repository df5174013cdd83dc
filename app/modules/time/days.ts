import { QUEBEC_TIME_ZONE, fromWallClock, wallClock } from "./wall-clock.ts";

/**
 * Calendar days ("YYYY-MM-DD") on Québec's calendar. Plain code (server and browser): every
 * "today" of the app is Québec's, whatever zone the server runs in, and day arithmetic is done on
 * UTC midnights so daylight saving never moves a day.
 */

const DAY_MS = 86_400_000;
const pad = (n: number) => String(n).padStart(2, "0");
const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Québec's calendar day at an instant: 23:30 in Québec is already the next day in UTC. */
export function quebecDay(at: Date = new Date()): string {
  const w = wallClock(at, QUEBEC_TIME_ZONE);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}`;
}

/** A real day: 2026-02-30 and 9999-99-99 are refused (an Invalid Date must never reach toISOString). */
export function isCalendarDate(v: string): boolean {
  if (!CALENDAR_DATE.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v);
}

const utcMidnight = (day: string) => Date.parse(`${day}T00:00:00Z`);

/** The day `n` days after `day` (before when `n` is negative). */
export function addDays(day: string, n: number): string {
  return new Date(utcMidnight(day) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `today` to `day`: 0 on the day itself, negative once it is past. */
export function daysUntil(day: string, today: string): number {
  return Math.round((utcMidnight(day) - utcMidnight(today)) / DAY_MS);
}

/**
 * `n` calendar months after a day or an instant (before when `n` is negative), the day of the
 * month clamped to the month's end: 31 August − 6 months is 28 February. An instant keeps its
 * UTC time of day.
 */
export function addMonths(day: string, n: number): string;
export function addMonths(at: Date, n: number): Date;
export function addMonths(value: string | Date, n: number): string | Date {
  const d = typeof value === "string" ? new Date(utcMidnight(value)) : new Date(value.getTime());
  const dayOfMonth = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + n);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(dayOfMonth, last));
  return typeof value === "string" ? d.toISOString().slice(0, 10) : d;
}

/** The instant Québec's day begins (midnight there): bounds for timestamps compared with days. */
export function startOfQuebecDay(day: string): Date {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return fromWallClock(y, m, d, 0, 0);
}
