import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import { readTrainingSettings, type TrainingSettings } from "./training-settings.server.ts";
import { decideSeat, isRegistrationClosed, registrationClosesOn } from "./mix-rules.ts";
import { queueTrainingEmail } from "./registration-emails.server.ts";
import { emailSession, fillSeats, lockSession, personContact, readSession, seatCounts, type LockedSession } from "./seats.server.ts";
import { trainingRegistration, trainingSession } from "./tables.ts";
import type { RegistrationStatus, WaitReason } from "./vocabulary.ts";
import { missing, ok, refusal, type NotFound, type Ok, type Refused } from "../outcome/outcome.ts";
import { quebecDay } from "../time/days.ts";

/**
 * Who acts: the person themself, their pivot coordinator (nomination), or the training
 * coordinator. Only the coordinator may still act once registration has closed.
 */
export type RegistrationMode = "self" | "nomination" | "coordinator";

export interface RegistrationInput {
  partnershipId: string;
  sessionId: string;
  personId: string;
  mode?: RegistrationMode;
  /** The pivot coordinator's person id, for a nomination. */
  nominatedBy?: string | null;
  publicUrl?: string;
  now?: Date;
}

/** Where the person stands now: seated or waiting (with the reason). */
export type Placement = { status: "registered"; reason: null } | { status: "waitlisted"; reason: WaitReason | null };
/** Registration closed for this person (self-service after the closing day): 409. */
export const CLOSED = "training.register.outcome.closed";
export type RegistrationClosed = Refused<typeof CLOSED>;
export type RegisterResult = Ok<Placement> | RegistrationClosed | NotFound;

export function closesDaysOf(session: Pick<LockedSession, "registrationClosesDays">, settings: TrainingSettings): number {
  return session.registrationClosesDays ?? settings.registrationClosesDays;
}

function closedFor(mode: RegistrationMode, session: LockedSession, settings: TrainingSettings, now: Date): boolean {
  return mode !== "coordinator" && isRegistrationClosed(session.dates[0], closesDaysOf(session, settings), quebecDay(now));
}

/**
 * Registration (inscription) to an open session: a seat while there is one and the person's
 * organization holds less than its share, otherwise the waiting list with the reason. Registering
 * again keeps the current place (a double click is one registration). Confirmation email with the
 * calendar file when seated.
 */
export async function registerForSession(db: Database, actor: AuditActor, input: RegistrationInput): Promise<RegisterResult> {
  const mode = input.mode ?? "self";
  const now = input.now ?? new Date();
  return db.transaction(async (tx): Promise<RegisterResult> => {
    await lockSession(tx, input.sessionId);
    const session = await readSession(tx, input.partnershipId, input.sessionId);
    if (!session || (session.status !== "open" && session.status !== "full")) return missing();
    const contact = await personContact(tx, input.partnershipId, input.personId);
    if (!contact) return missing();
    const settings = await readTrainingSettings(tx, input.partnershipId);
    if (closedFor(mode, session, settings, now)) return refusal(CLOSED);
    const [mine] = await tx
      .select()
      .from(trainingRegistration)
      .where(and(eq(trainingRegistration.sessionId, input.sessionId), eq(trainingRegistration.personId, input.personId)));
    if (mine?.status === "registered") return ok({ status: "registered", reason: null });
    if (mine?.status === "waitlisted") return ok({ status: "waitlisted", reason: mine.waitReason });
    const counts = await seatCounts(tx, session.id);
    const decision = decideSeat({
      capacity: session.capacity,
      registered: counts.total,
      organizationRegistered: contact.organizationId ? (counts.byOrganization.get(contact.organizationId) ?? 0) : 0,
      hasOrganization: !!contact.organizationId,
      maxSharePercent: settings.maxOrganizationSharePercent,
    });
    const values = {
      status: decision.status,
      waitReason: decision.reason,
      organizationId: contact.organizationId,
      nominatedBy: mode === "nomination" ? (input.nominatedBy ?? null) : null,
      completedAt: null,
      completionMarkedBy: null,
      reminderSentAt: null,
    };
    if (mine) {
      // Coming back after cancelling: to the end of the line, like anyone new.
      await tx.update(trainingRegistration).set({ ...values, createdAt: now, updatedAt: now }).where(eq(trainingRegistration.id, mine.id));
    } else {
      await tx.insert(trainingRegistration).values({ partnershipId: input.partnershipId, sessionId: input.sessionId, personId: input.personId, ...values });
    }
    await recordAuditEvent(tx, actor, {
      action: `training_registration.${decision.status}`,
      targetType: "training_session",
      targetId: input.sessionId,
      partnershipId: input.partnershipId,
      details: { personId: input.personId, mode, reason: decision.reason },
    });
    await queueTrainingEmail(tx, {
      to: contact.email,
      kind: decision.status,
      session: emailSession(session),
      publicUrl: input.publicUrl ?? "",
      reason: decision.reason,
      nominated: mode === "nomination",
    });
    return ok(decision.status === "registered" ? { status: "registered", reason: null } : { status: "waitlisted", reason: decision.reason });
  });
}

/** Cancels a registration (or a place in line); a freed seat goes to the first person waiting who fits the mix. */
export async function cancelRegistration(
  db: Database,
  actor: AuditActor,
  input: RegistrationInput,
): Promise<Ok<{ promotedPersonIds: string[] }> | RegistrationClosed | NotFound> {
  const mode = input.mode ?? "self";
  const now = input.now ?? new Date();
  return db.transaction(async (tx) => {
    await lockSession(tx, input.sessionId);
    const session = await readSession(tx, input.partnershipId, input.sessionId);
    if (!session) return missing();
    const settings = await readTrainingSettings(tx, input.partnershipId);
    if (closedFor(mode, session, settings, now)) return refusal(CLOSED);
    const [cancelled] = await tx
      .select({ id: trainingRegistration.id, status: trainingRegistration.status })
      .from(trainingRegistration)
      .where(
        and(
          eq(trainingRegistration.sessionId, input.sessionId),
          eq(trainingRegistration.personId, input.personId),
          inArray(trainingRegistration.status, ["registered", "waitlisted"]),
        ),
      );
    if (!cancelled) return missing();
    await tx
      .update(trainingRegistration)
      .set({ status: "cancelled", waitReason: null, completedAt: null, completionMarkedBy: null, updatedAt: now })
      .where(eq(trainingRegistration.id, cancelled.id));
    const contact = await personContact(tx, input.partnershipId, input.personId);
    if (contact) {
      await queueTrainingEmail(tx, {
        to: contact.email,
        kind: "registration_cancelled",
        session: emailSession(session),
        publicUrl: input.publicUrl ?? "",
        seat: cancelled.status === "registered",
      });
    }
    const promotedPersonIds = await fillSeats(tx, session, { maxOrganizationSharePercent: settings.maxOrganizationSharePercent, publicUrl: input.publicUrl ?? "" });
    await recordAuditEvent(tx, actor, {
      action: "training_registration.cancelled",
      targetType: "training_session",
      targetId: input.sessionId,
      partnershipId: input.partnershipId,
      details: { personId: input.personId, mode, promotedPersonIds },
    });
    return ok({ promotedPersonIds });
  });
}

export interface OpenSessionForPerson {
  id: string;
  dates: string[];
  place: string;
  online: boolean;
  language: "fr" | "en";
  capacity: number;
  taken: number;
  waiting: number;
  closesOn: string;
  closed: boolean;
  mine: RegistrationStatus | null;
  mineReason: WaitReason | null;
}

/** Open sessions of the Table with seats taken, the closing date and the person's own status. */
export async function listOpenSessionsFor(db: Database, partnershipId: string, personId: string, now: Date = new Date()): Promise<OpenSessionForPerson[]> {
  const settings = await readTrainingSettings(db, partnershipId);
  const sessions = await db
    .select()
    .from(trainingSession)
    .where(and(eq(trainingSession.partnershipId, partnershipId), inArray(trainingSession.status, ["open", "full"])));
  const ids = sessions.map((s) => s.id);
  const registrations = ids.length
    ? await db.select().from(trainingRegistration).where(and(eq(trainingRegistration.partnershipId, partnershipId), inArray(trainingRegistration.sessionId, ids)))
    : [];
  const today = quebecDay(now);
  return sessions
    .sort((a, b) => (a.dates[0] ?? "").localeCompare(b.dates[0] ?? ""))
    .map((s) => {
      const here = registrations.filter((r) => r.sessionId === s.id);
      const mine = here.find((r) => r.personId === personId && r.status !== "cancelled");
      const closesDays = closesDaysOf(s, settings);
      return {
        id: s.id,
        dates: s.dates,
        place: s.place,
        online: s.online,
        language: s.language,
        capacity: s.capacity,
        taken: here.filter((r) => r.status === "registered").length,
        waiting: here.filter((r) => r.status === "waitlisted").length,
        closesOn: s.dates[0] ? registrationClosesOn(s.dates[0], closesDays) : "",
        closed: isRegistrationClosed(s.dates[0], closesDays, today),
        mine: (mine?.status ?? null) as RegistrationStatus | null,
        mineReason: mine?.waitReason ?? null,
      };
    });
}
