import { and, eq, gte, inArray, isNotNull, isNull, lte, ne, notExists, or, sql } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { trainingObservation } from "../training-evaluation/tables.ts";
import { trainerAvailability, trainerProfile, trainingSession } from "../training/tables.ts";
import type { Pointed } from "./table-needs.server.ts";

const firstDay = sql`${trainingSession.dates}[1]`;
const coming = (today: string) => and(inArray(trainingSession.status, ["planned", "open", "full"]), gte(firstDay, today));
const missingTrainer = or(isNull(trainingSession.trainerAId), isNull(trainingSession.trainerBId));

/**
 * Coming sessions this trainer has not said they can or cannot give: the coordinator proposes
 * pairs from these answers (a missing answer counts as unavailable), so each one is asked for.
 */
export async function sessionsAwaitingMyAvailability(db: Database, partnershipId: string, personId: string, today: string): Promise<number> {
  const profile = db.select({ id: trainerProfile.id }).from(trainerProfile).where(and(eq(trainerProfile.partnershipId, partnershipId), eq(trainerProfile.personId, personId)));
  const answered = db
    .select({ one: sql`1` })
    .from(trainerAvailability)
    .where(and(eq(trainerAvailability.partnershipId, partnershipId), eq(trainerAvailability.sessionId, trainingSession.id), inArray(trainerAvailability.trainerId, profile)));
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(trainingSession)
    .where(and(eq(trainingSession.partnershipId, partnershipId), coming(today), notExists(answered), sql`exists (${profile})`));
  return Number(row?.n ?? 0);
}

/** Coming sessions still short of a trainer: the training coordinator's pairs to make. */
export async function sessionsToStaff(db: Database, partnershipId: string, today: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(trainingSession)
    .where(and(eq(trainingSession.partnershipId, partnershipId), coming(today), missingTrainer));
  return Number(row?.n ?? 0);
}

/** Sessions the person observes that have begun and whose grid is not submitted yet. */
export async function gridsToFill(db: Database, partnershipId: string, personId: string, today: string): Promise<Pointed> {
  const submitted = db
    .select({ one: sql`1` })
    .from(trainingObservation)
    .where(and(eq(trainingObservation.partnershipId, partnershipId), eq(trainingObservation.sessionId, trainingSession.id), isNotNull(trainingObservation.submittedAt)));
  const rows = await db
    .select({ id: trainingSession.id })
    .from(trainingSession)
    .where(
      and(
        eq(trainingSession.partnershipId, partnershipId),
        eq(trainingSession.observerPersonId, personId),
        ne(trainingSession.status, "cancelled"),
        lte(firstDay, today),
        notExists(submitted),
      ),
    );
  return { count: rows.length, onlyId: rows.length === 1 ? rows[0]!.id : null };
}
