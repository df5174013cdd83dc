// Plain data, free of the ORM, so that route components may import it.
import type { SessionStatus } from "./vocabulary.ts";

/** Sessions still to give (or to close: dates past, status not yet "given"). */
export const currentStatuses: readonly SessionStatus[] = ["planned", "open", "full"];

interface Dated {
  status: SessionStatus;
  dates: string[];
}

export interface SessionGroups<S extends Dated> {
  /** Planned, open or full, oldest first (the next one on top). */
  current: S[];
  /** Given or cancelled, by year of the first day, newest year first, newest session first. */
  past: { year: string; sessions: S[] }[];
}

/** The overview's two sections: what is coming (or left to close) and the archive by year. */
export function groupSessions<S extends Dated>(sessions: readonly S[]): SessionGroups<S> {
  const first = (s: S) => s.dates[0] ?? "";
  const current = sessions.filter((s) => currentStatuses.includes(s.status)).sort((a, b) => first(a).localeCompare(first(b)));
  const byYear = new Map<string, S[]>();
  for (const s of sessions) {
    if (currentStatuses.includes(s.status)) continue;
    const year = first(s).slice(0, 4) || "—";
    byYear.set(year, [...(byYear.get(year) ?? []), s]);
  }
  const past = [...byYear]
    .sort(([a], [b]) => b.localeCompare(a))
    .map(([year, list]) => ({ year, sessions: list.sort((a, b) => first(b).localeCompare(first(a))) }));
  return { current, past };
}

/** A current session whose last day is over: attendance to record, then mark it given. */
export function isToClose(session: Dated, today: string): boolean {
  return currentStatuses.includes(session.status) && (session.dates.at(-1) ?? "9999") < today;
}

/**
 * Whether attendance may be recorded: not for a cancelled session, not before its first day
 * (the sheet can be printed ahead, but nobody is present yet). Afterwards there is no limit: the
 * coordinator (or a trainer) may still correct the sheet once the session is given.
 */
export type AttendanceWindow = "open" | "cancelled" | "not_yet";

export function attendanceWindow(session: Dated, today: string): AttendanceWindow {
  if (session.status === "cancelled") return "cancelled";
  if ((session.dates[0] ?? "9999") > today) return "not_yet";
  return "open";
}
