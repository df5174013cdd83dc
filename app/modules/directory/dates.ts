/** Québec's calendar date (YYYY-MM-DD) at an instant: designations start and end on local dates. */
export function localDate(at: Date = new Date(), timeZone = "America/Toronto"): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}

/** The instant `months` calendar months before `at` (day clamped to the month's end). */
export function monthsBefore(at: Date, months: number): Date {
  const d = new Date(at.getTime());
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}

/** True when an entry confirmed at `confirmedAt` is past the Table's freshness period at `now`. */
export function isStale(confirmedAt: Date, now: Date, freshnessMonths: number): boolean {
  return confirmedAt.getTime() < monthsBefore(now, freshnessMonths).getTime();
}
