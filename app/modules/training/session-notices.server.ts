import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, systemActor, type AuditActor } from "../audit/record-audit-event.server.ts";
import { readTrainingSettings } from "./training-settings.server.ts";
import { partnership } from "../governance/tables.ts";
import { queueTrainingEmail, type TrainingEmailKind } from "./registration-emails.server.ts";
import { emailSession, fillSeats, lockSession, personContact, readSession, type LockedSession } from "./seats.server.ts";
import { trainingRegistration, trainingSession } from "./tables.ts";
import type { JobHandler } from "../jobs/runner.server.ts";
import { addDays, quebecDay } from "../time/days.ts";

export const TRAINING_REMINDERS_JOB = "training.reminders";

const sameWhenAndWhere = (a: LockedSession, b: LockedSession) =>
  a.dates.join(",") === b.dates.join(",") && a.place === b.place && a.online === b.online;

async function tellParticipants(tx: Database, session: LockedSession, kind: TrainingEmailKind, publicUrl: string, datesBefore?: string[]): Promise<number> {
  const rows = await tx
    .select({ personId: trainingRegistration.personId, status: trainingRegistration.status })
    .from(trainingRegistration)
    .where(and(eq(trainingRegistration.sessionId, session.id), inArray(trainingRegistration.status, ["registered", "waitlisted"])));
  for (const r of rows) {
    const contact = await personContact(tx, session.partnershipId, r.personId);
    if (contact) await queueTrainingEmail(tx, { to: contact.email, kind, session: emailSession(session), publicUrl, seat: r.status === "registered", datesBefore });
  }
  return rows.length;
}

/** Locks the session's registrations before a save, and returns the session as it was. */
export async function sessionBeforeSave(tx: Database, partnershipId: string, sessionId: string): Promise<LockedSession | null> {
  await lockSession(tx, sessionId);
  return readSession(tx, partnershipId, sessionId);
}

/**
 * After a session is saved (same transaction): cancelled → a CANCEL to everyone registered;
 * dates or place changed → SEQUENCE raised and an updated invitation (same UIDs), plus a CANCEL for
 * any day the session no longer has, reminder re-armed;
 * capacity or status changed → free seats go to the waiting list.
 */
export async function afterSessionSaved(tx: Database, actor: AuditActor, before: LockedSession, publicUrl: string): Promise<void> {
  const after = await readSession(tx, before.partnershipId, before.id);
  if (!after) return;
  const cancelled = after.status === "cancelled" && before.status !== "cancelled";
  const moved = !sameWhenAndWhere(before, after);
  if (!cancelled && !moved && after.capacity === before.capacity && after.status === before.status) return;
  let current = after;
  if (cancelled || moved) {
    const [raised] = await tx
      .update(trainingSession)
      .set({ calendarSequence: sql`${trainingSession.calendarSequence} + 1` })
      .where(eq(trainingSession.id, after.id))
      .returning();
    current = raised!;
  }
  let notified = 0;
  if (cancelled) {
    notified = await tellParticipants(tx, current, "session_cancelled", publicUrl);
  } else {
    if (moved) {
      // A day removed (2 → 1) also gets a CANCEL for its own event, or it would stay in calendars.
      notified = await tellParticipants(tx, current, "changed", publicUrl, before.dates);
      await tx.update(trainingRegistration).set({ reminderSentAt: null }).where(eq(trainingRegistration.sessionId, current.id));
    }
    const settings = await readTrainingSettings(tx, current.partnershipId);
    await fillSeats(tx, current, { maxOrganizationSharePercent: settings.maxOrganizationSharePercent, publicUrl });
  }
  if (notified > 0) {
    await recordAuditEvent(tx, actor, {
      action: cancelled ? "training_session.cancellation_sent" : "training_session.change_sent",
      targetType: "training_session",
      targetId: current.id,
      partnershipId: current.partnershipId,
      details: { recipients: notified, sequence: current.calendarSequence },
    });
  }
}

/**
 * The daily job: each registered participant of an open session starting within the Table's
 * reminder period gets one reminder (with the calendar file), marked so a second run sends nothing.
 */
export async function sendTrainingReminders(db: Database, input: { now: Date; publicUrl: string }): Promise<number> {
  const today = quebecDay(input.now);
  const tables = await db.select({ id: partnership.id }).from(partnership);
  let sent = 0;
  for (const table of tables) {
    const { reminderDays } = await readTrainingSettings(db, table.id);
    const horizon = addDays(today, reminderDays);
    const due = await db
      .select({ id: trainingRegistration.id, personId: trainingRegistration.personId, sessionId: trainingRegistration.sessionId })
      .from(trainingRegistration)
      .innerJoin(trainingSession, eq(trainingSession.id, trainingRegistration.sessionId))
      .where(
        and(
          eq(trainingRegistration.partnershipId, table.id),
          eq(trainingRegistration.status, "registered"),
          isNull(trainingRegistration.reminderSentAt),
          inArray(trainingSession.status, ["open", "full"]),
          sql`${trainingSession.dates}[1] >= ${today}::date and ${trainingSession.dates}[1] <= ${horizon}::date`,
        ),
      );
    for (const r of due) {
      const done = await db.transaction(async (tx) => {
        const marked = await tx
          .update(trainingRegistration)
          .set({ reminderSentAt: input.now })
          .where(and(eq(trainingRegistration.id, r.id), isNull(trainingRegistration.reminderSentAt), eq(trainingRegistration.status, "registered")))
          .returning({ id: trainingRegistration.id });
        if (marked.length === 0) return false; // another process got it, or it was cancelled
        const session = await readSession(tx, table.id, r.sessionId);
        const contact = await personContact(tx, table.id, r.personId);
        if (session && contact) await queueTrainingEmail(tx, { to: contact.email, kind: "reminder", session: emailSession(session), publicUrl: input.publicUrl });
        await recordAuditEvent(tx, systemActor(TRAINING_REMINDERS_JOB, table.id), {
          action: "training_registration.reminded",
          targetType: "training_session",
          targetId: r.sessionId,
          partnershipId: table.id,
          details: { personId: r.personId },
        });
        return true;
      });
      if (done) sent++;
    }
  }
  return sent;
}

/** The daily job: one reminder per registered participant, N days before the first day. */
export const trainingRemindersJob: JobHandler = async (_payload, ctx) => {
  await sendTrainingReminders(ctx.db, { now: ctx.now, publicUrl: ctx.config.publicUrl });
};
