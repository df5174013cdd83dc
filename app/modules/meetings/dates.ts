import { fromWallClock, QUEBEC_TIME_ZONE, wallClock } from "../jobs/wall-clock.ts";

/** Meetings are planned on Québec's wall clock; stored as instants. Plain code (server and browser). */
export const MEETING_TIME_ZONE = QUEBEC_TIME_ZONE;

const pad = (n: number) => String(n).padStart(2, "0");

/** "2026-03-12" on the Québec calendar. */
export function localDay(date: Date): string {
  const w = wallClock(date, MEETING_TIME_ZONE);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}`;
}

/** "09:30" on the Québec clock. */
export function localTime(date: Date): string {
  const w = wallClock(date, MEETING_TIME_ZONE);
  return `${pad(w.hour)}:${pad(w.minute)}`;
}

/** The instant Québec's clock shows `day` `time` (daylight saving included). */
export function fromLocal(day: string, time: string): Date {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const [hh, mm] = time.split(":").map(Number) as [number, number];
  return fromWallClock(y, m, d, hh, mm, MEETING_TIME_ZONE);
}

/** Whole days from `from` to `to` (calendar days, "YYYY-MM-DD"). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}
