import { and, eq, inArray, or } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import { trainerProfile, trainingAttendance, trainingRegistration, trainingSession } from "./tables.ts";
import { contentVersion } from "../forms/content-version.server.ts";
import { lockSession } from "./seats.server.ts";
import { attendanceWindow } from "./session-groups.ts";
import type { AttendanceStatus } from "./vocabulary.ts";
import { quebecDay } from "../time/days.ts";

/** True when the person is one of the two trainers of the session (the sheet is theirs to fill). */
export async function isTrainerOfSession(db: Database, partnershipId: string, sessionId: string, personId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: trainingSession.id })
    .from(trainingSession)
    .innerJoin(trainerProfile, or(eq(trainerProfile.id, trainingSession.trainerAId), eq(trainerProfile.id, trainingSession.trainerBId)))
    .where(and(eq(trainingSession.partnershipId, partnershipId), eq(trainingSession.id, sessionId), eq(trainerProfile.personId, personId)));
  return !!row;
}

/** Sessions the person gives as a trainer (newest first), for their links to the sign-in sheets. */
export async function listSessionsGivenBy(db: Database, partnershipId: string, personId: string) {
  const rows = await db
    .select({ id: trainingSession.id, dates: trainingSession.dates, place: trainingSession.place, online: trainingSession.online, status: trainingSession.status })
    .from(trainingSession)
    .innerJoin(trainerProfile, or(eq(trainerProfile.id, trainingSession.trainerAId), eq(trainerProfile.id, trainingSession.trainerBId)))
    .where(and(eq(trainingSession.partnershipId, partnershipId), eq(trainerProfile.personId, personId), inArray(trainingSession.status, ["open", "full", "given"])));
  return rows.sort((a, b) => (b.dates[0] ?? "").localeCompare(a.dates[0] ?? ""));
}

export interface AttendanceMark {
  registrationId: string;
  dayIndex: number;
  status: AttendanceStatus;
}

/** One row of the sign-in sheet as the form shows it: the marks per day and the coordinator's completion decision. */
export interface SheetRow {
  registrationId: string;
  days: readonly (AttendanceStatus | null)[];
  completionMarked: boolean;
}

/**
 * The version the sign-in sheet carries. Attendance has no version column: the number is drawn
 * from the sheet's rows (who is registered, every mark, every completion decision), so a save
 * from a sheet someone else changed since is refused instead of overwriting their marks.
 */
export function attendanceSheetVersion(rows: readonly SheetRow[]): number {
  const sorted = [...rows].sort((a, b) => (a.registrationId < b.registrationId ? -1 : a.registrationId > b.registrationId ? 1 : 0));
  return contentVersion(["training_attendance", ...sorted.map((r) => [r.registrationId, [...r.days], r.completionMarked])]);
}

/**
 * Completion (formation complétée) = present on every day. A partial day does not complete the
 * training unless the coordinator marks it completed (kept over later attendance edits until they
 * unmark it). Certificates are issued for registrations with completedAt set.
 */
export function isCompleted(days: readonly (AttendanceStatus | null)[], markedByCoordinator: boolean): boolean {
  return markedByCoordinator || (days.length > 0 && days.every((d) => d === "present"));
}

/**
 * Saves the sign-in sheet of a session in one transaction (refused for a cancelled session or
 * before its first day): attendance marks of registered
 * participants, the coordinator's completion decisions (only when `completions` is given), then
 * completion of each participant, audited.
 */
export async function saveAttendance(
  db: Database,
  actor: AuditActor,
  input: {
    partnershipId: string;
    sessionId: string;
    dayCount: number;
    recordedBy: string;
    marks: AttendanceMark[];
    completions?: Map<string, boolean>;
    /** The sheet's version when it was drawn (attendanceSheetVersion). */
    version: number;
    now?: Date;
  },
): Promise<{ status: "ok"; completed: number } | { status: "invalid" } | { status: "cancelled" } | { status: "not_yet" } | { status: "conflict" }> {
  const now = input.now ?? new Date();
  return db.transaction(async (tx) => {
    // One save of a sheet at a time: the second one sees the first one's marks (and its version).
    await lockSession(tx, input.sessionId);
    // Only a session that is not cancelled and whose first day has come (Québec time) takes attendance.
    const [session] = await tx
      .select({ status: trainingSession.status, dates: trainingSession.dates })
      .from(trainingSession)
      .where(and(eq(trainingSession.partnershipId, input.partnershipId), eq(trainingSession.id, input.sessionId)));
    if (!session) return { status: "invalid" as const };
    const window = attendanceWindow(session, quebecDay(now));
    if (window !== "open") return { status: window };
    const registered = await tx
      .select({ id: trainingRegistration.id, completedAt: trainingRegistration.completedAt, completionMarkedBy: trainingRegistration.completionMarkedBy })
      .from(trainingRegistration)
      .where(
        and(
          eq(trainingRegistration.partnershipId, input.partnershipId),
          eq(trainingRegistration.sessionId, input.sessionId),
          eq(trainingRegistration.status, "registered"),
        ),
      );
    const known = new Set(registered.map((r) => r.id));
    const ids = [...known];
    const all = ids.length
      ? await tx.select().from(trainingAttendance).where(and(eq(trainingAttendance.partnershipId, input.partnershipId), inArray(trainingAttendance.registrationId, ids)))
      : [];
    const daysOf = (registrationId: string, marks: typeof all) => {
      const days: (AttendanceStatus | null)[] = Array.from({ length: input.dayCount }, () => null);
      for (const a of marks) if (a.registrationId === registrationId && a.dayIndex >= 0 && a.dayIndex < input.dayCount) days[a.dayIndex] = a.status;
      return days;
    };
    const current = attendanceSheetVersion(registered.map((r) => ({ registrationId: r.id, days: daysOf(r.id, all), completionMarked: !!r.completionMarkedBy })));
    if (current !== input.version) return { status: "conflict" as const };
    if (input.marks.some((m) => !known.has(m.registrationId) || m.dayIndex < 0 || m.dayIndex >= input.dayCount)) return { status: "invalid" as const };
    if (input.completions && [...input.completions.keys()].some((id) => !known.has(id))) return { status: "invalid" as const };
    for (const m of input.marks) {
      await tx
        .insert(trainingAttendance)
        .values({ partnershipId: input.partnershipId, registrationId: m.registrationId, dayIndex: m.dayIndex, status: m.status, recordedBy: input.recordedBy, updatedAt: now })
        .onConflictDoUpdate({
          target: [trainingAttendance.registrationId, trainingAttendance.dayIndex],
          set: { status: m.status, recordedBy: input.recordedBy, updatedAt: now },
        });
    }
    const after = ids.length
      ? await tx.select().from(trainingAttendance).where(and(eq(trainingAttendance.partnershipId, input.partnershipId), inArray(trainingAttendance.registrationId, ids)))
      : [];
    let completed = 0;
    for (const r of registered) {
      const days = daysOf(r.id, after);
      const decided = input.completions?.get(r.id);
      const markedBy = decided === undefined ? r.completionMarkedBy : decided && !days.every((d) => d === "present") ? input.recordedBy : null;
      const done = isCompleted(days, !!markedBy);
      if (done) completed++;
      const completedAt = done ? (r.completedAt ?? now) : null;
      if ((completedAt?.getTime() ?? null) !== (r.completedAt?.getTime() ?? null) || markedBy !== r.completionMarkedBy) {
        await tx.update(trainingRegistration).set({ completedAt, completionMarkedBy: markedBy, updatedAt: now }).where(eq(trainingRegistration.id, r.id));
      }
    }
    await recordAuditEvent(tx, actor, {
      action: "training_attendance.recorded",
      targetType: "training_session",
      targetId: input.sessionId,
      partnershipId: input.partnershipId,
      details: { marks: input.marks.length, completed, coordinatorDecisions: input.completions?.size ?? 0 },
    });
    return { status: "ok" as const, completed };
  });
}
