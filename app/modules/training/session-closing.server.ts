import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import { trainingSession } from "./tables.ts";
import { conflict, missing, ok, type Conflict, type NotFound, type Ok } from "../outcome/outcome.ts";

/**
 * Overrides (or, with null, resets to the Table's setting) how many days before the first day
 * registration closes. An edit of the session: `version` is the one the form was drawn from;
 * a newer session answers "conflict" and nothing is written.
 */
export async function setRegistrationClosing(
  db: Database,
  actor: AuditActor,
  input: { partnershipId: string; sessionId: string; version: number; days: number | null },
): Promise<Ok | Conflict | NotFound> {
  return db.transaction(async (tx) => {
    const scope = and(eq(trainingSession.partnershipId, input.partnershipId), eq(trainingSession.id, input.sessionId));
    const updated = await tx
      .update(trainingSession)
      .set({ registrationClosesDays: input.days, version: sql`${trainingSession.version} + 1`, updatedAt: new Date() })
      .where(and(scope, eq(trainingSession.version, input.version)))
      .returning({ id: trainingSession.id });
    if (updated.length === 0) {
      const [exists] = await tx.select({ id: trainingSession.id }).from(trainingSession).where(scope);
      return exists ? conflict() : missing();
    }
    await recordAuditEvent(tx, actor, {
      action: "training_session.closing_set",
      targetType: "training_session",
      targetId: input.sessionId,
      partnershipId: input.partnershipId,
      details: { registrationClosesDays: input.days },
    });
    return ok();
  });
}
