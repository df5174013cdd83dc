import { and, eq } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import { trainingSession } from "./tables.ts";

/** Overrides (or, with null, resets to the Table's setting) how many days before the first day registration closes. */
export async function setRegistrationClosing(
  db: Database,
  actor: AuditActor,
  input: { partnershipId: string; sessionId: string; days: number | null },
): Promise<"ok" | "not_found"> {
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(trainingSession)
      .set({ registrationClosesDays: input.days, updatedAt: new Date() })
      .where(and(eq(trainingSession.partnershipId, input.partnershipId), eq(trainingSession.id, input.sessionId)))
      .returning({ id: trainingSession.id });
    if (updated.length === 0) return "not_found";
    await recordAuditEvent(tx, actor, {
      action: "training_session.closing_set",
      targetType: "training_session",
      targetId: input.sessionId,
      partnershipId: input.partnershipId,
      details: { registrationClosesDays: input.days },
    });
    return "ok";
  });
}
