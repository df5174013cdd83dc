import { and, eq } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import { trainerAvailability, trainingSession } from "./tables.ts";

/**
 * A trainer answers for themself only: the profile comes from the signed-in person, never from
 * the form. Sessions outside the Table or already given/cancelled are not found.
 */
export async function setOwnAvailability(
  db: Database,
  actor: AuditActor,
  input: { partnershipId: string; trainerId: string; sessionId: string; available: boolean },
): Promise<"ok" | "not_found"> {
  return db.transaction(async (tx) => {
    const [session] = await tx
      .select({ id: trainingSession.id, status: trainingSession.status })
      .from(trainingSession)
      .where(and(eq(trainingSession.partnershipId, input.partnershipId), eq(trainingSession.id, input.sessionId)));
    if (!session || session.status === "given" || session.status === "cancelled") return "not_found" as const;
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
    return "ok" as const;
  });
}
