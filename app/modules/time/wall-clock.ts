/**
 * Wall-clock time of a time zone (Québec's by default), daylight saving included. Plain code,
 * free of the ORM: the job schedule (server), the meeting dates and Québec's day (server and browser) share it.
 */

/** Québec's wall clock. */
export const QUEBEC_TIME_ZONE = "America/Toronto";

export interface WallClock {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** What the zone's clock shows at that instant. */
export function wallClock(date: Date, timeZone: string = QUEBEC_TIME_ZONE): WallClock {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get("year"), month: get("month"), day: get("day"), hour: get("hour"), minute: get("minute"), second: get("second") };
}

/** Milliseconds the zone is ahead of UTC at that instant. */
function zoneOffsetMs(date: Date, timeZone: string): number {
  const w = wallClock(date, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(date.getTime() / 1000) * 1000;
}

/** The instant the zone's clock shows that wall time (the later one when a DST change makes it ambiguous). */
export function fromWallClock(year: number, month: number, day: number, hour: number, minute: number, timeZone: string = QUEBEC_TIME_ZONE): Date {
  const naive = Date.UTC(year, month - 1, day, hour, minute);
  const first = naive - zoneOffsetMs(new Date(naive), timeZone);
  const second = naive - zoneOffsetMs(new Date(first), timeZone);
  return new Date(second);
}
