import { contentVersion } from "../forms/content-version.server.ts";

/**
 * Versions of what the meeting page's edit forms show, for rows without a version column of
 * their own (no migration): drawn from exactly the values the form shows, recomputed by the save
 * under the meeting's row lock. A save from a page drawn before someone else's save answers
 * "conflict" instead of overwriting it. Editing the meeting itself uses `meeting.version`.
 */

/** One agenda item's minutes. */
export function minutesVersion(itemId: string, minutes: string): number {
  return contentVersion(["minutes", itemId, minutes]);
}

/** The attendance table (each invited person's attendance) and the guests. */
export function attendanceVersion(invitations: readonly { personId: string; attendance: string | null }[], guests: readonly string[]): number {
  const rows = [...invitations].map((i) => [i.personId, i.attendance ?? ""]).sort((a, b) => (a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : 0));
  return contentVersion(["attendance", rows, [...guests].sort()]);
}
