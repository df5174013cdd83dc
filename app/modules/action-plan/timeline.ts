// Plain computation (no ORM), shared by the timeline page and its tests.

/**
 * Months (1-12) of `year` an action covers, from its start and end dates. An action with one
 * date covers that month; with none, no month (shown as "no dates").
 */
export function monthsCovered(year: number, startsOn: string | null, endsOn: string | null): boolean[] {
  const months = Array.from({ length: 12 }, () => false);
  const start = startsOn ?? endsOn;
  const end = endsOn ?? startsOn;
  if (!start || !end) return months;
  const index = (iso: string) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
  const from = index(start);
  const to = index(end);
  for (let m = 0; m < 12; m++) {
    const here = year * 12 + m;
    months[m] = here >= from && here <= to;
  }
  return months;
}
