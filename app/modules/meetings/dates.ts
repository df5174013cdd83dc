/** Meetings are planned on Québec's wall clock; stored as instants. Plain code (server and browser). */
export const MEETING_TIME_ZONE = "America/Toronto";

function parts(date: Date, timeZone = MEETING_TIME_ZONE) {
  const p = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes) => p.find((x) => x.type === type)?.value ?? "00";
  return { year: get("year"), month: get("month"), day: get("day"), hour: get("hour"), minute: get("minute"), second: get("second") };
}

/** "2026-03-12" on the Québec calendar. */
export function localDay(date: Date): string {
  const w = parts(date);
  return `${w.year}-${w.month}-${w.day}`;
}

/** "09:30" on the Québec clock. */
export function localTime(date: Date): string {
  const w = parts(date);
  return `${w.hour}:${w.minute}`;
}

/** The instant Québec's clock shows `day` `time` (daylight saving included). */
export function fromLocal(day: string, time: string): Date {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const [hh, mm] = time.split(":").map(Number) as [number, number];
  const naive = Date.UTC(y, m - 1, d, hh, mm);
  const offset = (at: number) => {
    const w = parts(new Date(at));
    return Date.UTC(+w.year, +w.month - 1, +w.day, +w.hour, +w.minute, +w.second) - Math.floor(at / 1000) * 1000;
  };
  const first = naive - offset(naive);
  return new Date(naive - offset(first));
}

/** Whole days from `from` to `to` (calendar days, "YYYY-MM-DD"). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}
