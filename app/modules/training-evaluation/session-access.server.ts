import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { can } from "../authz/decide.ts";
import type { CurrentUser } from "../identity/current-user.server.ts";
import { trainerProfile, trainingRegistration, trainingSession } from "../training/tables.ts";

export type SessionRow = typeof trainingSession.$inferSelect;
export type RegistrationRow = typeof trainingRegistration.$inferSelect;

/** How the signed-in person relates to one session of their Table. */
export interface SessionAccess {
  session: SessionRow;
  /** The training coordinator (training.manage). */
  coordinator: boolean;
  /** One of the session's two trainers. */
  trainer: boolean;
  /** The session's observer. */
  observer: boolean;
  /** Their own registration with a seat (not waiting, not cancelled), if any. */
  participant: RegistrationRow | null;
  /** May read evaluation results of every session (coordinator, evaluator). */
  results: boolean;
}

/**
 * The session and the person's relation to it, or null when the session is not in their Table
 * (callers answer 404, exactly like for a missing session).
 */
export async function sessionAccess(db: Database, user: CurrentUser, sessionId: string): Promise<SessionAccess | null> {
  if (!user.partnershipId) return null;
  const partnershipId = user.partnershipId;
  const [session] = await db
    .select()
    .from(trainingSession)
    .where(and(eq(trainingSession.partnershipId, partnershipId), eq(trainingSession.id, sessionId)));
  if (!session) return null;
  const pair = [session.trainerAId, session.trainerBId].filter((x): x is string => !!x);
  const trainers = pair.length
    ? await db
        .select({ personId: trainerProfile.personId })
        .from(trainerProfile)
        .where(and(eq(trainerProfile.partnershipId, partnershipId), inArray(trainerProfile.id, pair)))
    : [];
  const [registration] = await db
    .select()
    .from(trainingRegistration)
    .where(
      and(
        eq(trainingRegistration.partnershipId, partnershipId),
        eq(trainingRegistration.sessionId, session.id),
        eq(trainingRegistration.personId, user.personId),
        eq(trainingRegistration.status, "registered"),
      ),
    );
  const target = { partnershipId, organizationId: null };
  return {
    session,
    coordinator: can(user.roles, "training.manage", target),
    trainer: trainers.some((t) => t.personId === user.personId),
    observer: session.observerPersonId === user.personId,
    participant: registration ?? null,
    results: can(user.roles, "training.results", target),
  };
}

/** Who may see the session's shared space (documents, exercises): its people and the coordinator. */
export function seesSessionSpace(a: SessionAccess): boolean {
  return a.coordinator || a.trainer || a.observer || !!a.participant;
}
