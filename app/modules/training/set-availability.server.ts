import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import { trainerAvailability, trainerProfile, trainingSession } from "./tables.ts";
import { conflict, missing, ok, type Conflict, type NotFound, type Ok } from "../outcome/outcome.ts";

/**
 * A trainer answers for themself only: the profile comes from the signed-in person, never from
 * the form. Sessions outside the Table or already given/cancelled are not found.
 *
 * The availability rows carry no version of their own: every save bumps the trainer profile's
 * version in the same transaction, and the form sends the version it was drawn with. A save
 * from a stale page (another tab, the coordinator editing the profile) answers "conflict" and
 * writes nothing. Without a version (seeds, tests) the profile version is bumped unchecked.
 */
export async function setOwnAvailability(
  db: Database,
  actor: AuditActor,
  input: { partnershipId: string; trainerId: string; sessionId: string; available: boolean; version?: number },
): Promise<Ok | NotFound | Conflict> {
  return db.transaction(async (tx) => {
    const [session] = await tx
      .select({ id: trainingSession.id, status: trainingSession.status })
      .from(trainingSession)
      .where(and(eq(trainingSession.partnershipId, input.partnershipId), eq(trainingSession.id, input.sessionId)));
    if (!session || session.status === "given" || session.status === "cancelled") return missing();
    const where = [eq(trainerProfile.partnershipId, input.partnershipId), eq(trainerProfile.id, input.trainerId)];
    if (input.version !== undefined) where.push(eq(trainerProfile.version, input.version));
    const bumped = await tx
      .update(trainerProfile)
      .set({ version: sql`${trainerProfile.version} + 1` })
      .where(and(...where))
      .returning({ id: trainerProfile.id });
    if (bumped.length === 0) return input.version === undefined ? missing() : conflict();
    await tx
      .insert(trainerAvailability)
      .values({ partnershipId: input.partnershipId, sessionId: input.sessionId, trainerId: input.trainerId, available: input.available })
      .onConflictDoUpdate({
        target: [trainerAvailability.sessionId, trainerAvailability.trainerId],
        set: { available: input.available, updatedAt: new Date() },
      });
    await recordAuditEvent(tx, actor, {
      action: "trainer_availability.set",
      targetType: "training_session",
      targetId: input.sessionId,
      partnershipId: input.partnershipId,
      details: { trainerId: input.trainerId, available: input.available },
    });
    return ok();
  });
}
