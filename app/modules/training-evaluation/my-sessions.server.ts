import { and, eq, inArray, or } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { trainerProfile, trainingRegistration, trainingSession } from "../training/tables.ts";
import { trainingEvaluationMarker } from "./tables.ts";

export interface MySession {
  id: string;
  dates: string[];
  place: string;
  online: boolean;
  status: (typeof trainingSession.$inferSelect)["status"];
  as: "participant" | "trainer" | "observer";
  completed: boolean;
  /** Participant of a given session who has not answered the evaluation yet. */
  evaluationPending: boolean;
}

/** The sessions the person takes part in: as a participant (with a seat), a trainer or the observer. */
export async function listMySessions(db: Database, partnershipId: string, personId: string): Promise<MySession[]> {
  const regs = await db
    .select({ id: trainingRegistration.id, sessionId: trainingRegistration.sessionId, completedAt: trainingRegistration.completedAt, answered: trainingEvaluationMarker.registrationId })
    .from(trainingRegistration)
    .leftJoin(trainingEvaluationMarker, eq(trainingEvaluationMarker.registrationId, trainingRegistration.id))
    .where(and(eq(trainingRegistration.partnershipId, partnershipId), eq(trainingRegistration.personId, personId), eq(trainingRegistration.status, "registered")));
  const profiles = await db
    .select({ id: trainerProfile.id })
    .from(trainerProfile)
    .where(and(eq(trainerProfile.partnershipId, partnershipId), eq(trainerProfile.personId, personId)));
  const profileIds = profiles.map((p) => p.id);
  const conditions = [eq(trainingSession.observerPersonId, personId)];
  if (regs.length) conditions.push(inArray(trainingSession.id, regs.map((r) => r.sessionId)));
  if (profileIds.length) conditions.push(inArray(trainingSession.trainerAId, profileIds), inArray(trainingSession.trainerBId, profileIds));
  const sessions = await db
    .select()
    .from(trainingSession)
    .where(and(eq(trainingSession.partnershipId, partnershipId), or(...conditions)));
  return sessions
    .map((s): MySession => {
      const reg = regs.find((r) => r.sessionId === s.id);
      const as = reg ? "participant" : profileIds.includes(s.trainerAId ?? "") || profileIds.includes(s.trainerBId ?? "") ? "trainer" : "observer";
      return {
        id: s.id,
        dates: s.dates,
        place: s.place,
        online: s.online,
        status: s.status,
        as,
        completed: !!reg?.completedAt,
        evaluationPending: !!reg && s.status === "given" && !reg.answered,
      };
    })
    .sort((a, b) => (b.dates[0] ?? "").localeCompare(a.dates[0] ?? ""));
}
