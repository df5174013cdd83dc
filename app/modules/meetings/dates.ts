import { fromWallClock, QUEBEC_TIME_ZONE, wallClock } from "../time/wall-clock.ts";

/** Meetings are planned on Québec's wall clock; stored as instants. Plain code (server and browser); the day is `quebecDay` (time/days.ts). */
export const MEETING_TIME_ZONE = QUEBEC_TIME_ZONE;

const pad = (n: number) => String(n).padStart(2, "0");

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
