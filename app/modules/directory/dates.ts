import { addMonths } from "../time/days.ts";

/** True when an entry confirmed at `confirmedAt` is past the Table's freshness period at `now`. */
export function isStale(confirmedAt: Date, now: Date, freshnessMonths: number): boolean {
  return confirmedAt.getTime() < addMonths(now, -freshnessMonths).getTime();
}
