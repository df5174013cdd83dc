import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import { trainingObservation } from "./tables.ts";
import type { Answers } from "./vocabulary.ts";
import { conflict, ok, refusal, type Conflict, type Ok, type Refused } from "../outcome/outcome.ts";

export type ObservationRow = typeof trainingObservation.$inferSelect;

export async function loadObservation(db: Database, partnershipId: string, sessionId: string): Promise<ObservationRow | null> {
  const [row] = await db
    .select()
    .from(trainingObservation)
    .where(and(eq(trainingObservation.partnershipId, partnershipId), eq(trainingObservation.sessionId, sessionId)));
  return row ?? null;
}

/** Saved as a draft or submitted; a submitted grid is frozen (409, trainingEval.observation.locked). */
export type SaveObservationResult = Ok<"saved" | "submitted"> | Refused<"trainingEval.observation.locked"> | Conflict;

/**
 * The observer saves their grid (a draft) or submits it; once submitted it no longer changes.
 * The first save fixes the questionnaire version the grid is filled on.
 */
export async function saveObservation(
  db: Database,
  actor: AuditActor,
  input: {
    partnershipId: string;
    sessionId: string;
    observerPersonId: string;
    questionnaireId: string;
    answers: Answers;
    submit: boolean;
    /** The version the form was loaded at (0 when there was no grid yet). */
    expectedVersion: number;
  },
): Promise<SaveObservationResult> {
  return db.transaction(async (tx): Promise<SaveObservationResult> => {
    const existing = await loadObservation(tx, input.partnershipId, input.sessionId);
    if (existing?.submittedAt) return refusal("trainingEval.observation.locked");
    if ((existing?.version ?? 0) !== input.expectedVersion) return conflict();
    const submittedAt = input.submit ? new Date() : null;
    let id: string;
    if (existing) {
      const rows = await tx
        .update(trainingObservation)
        .set({ answers: input.answers, submittedAt, observerPersonId: input.observerPersonId, version: existing.version + 1, updatedAt: new Date() })
        .where(and(eq(trainingObservation.id, existing.id), eq(trainingObservation.version, existing.version), isNull(trainingObservation.submittedAt)))
        .returning({ id: trainingObservation.id });
      if (!rows[0]) return conflict();
      id = rows[0].id;
    } else {
      const rows = await tx
        .insert(trainingObservation)
        .values({
          partnershipId: input.partnershipId,
          sessionId: input.sessionId,
          questionnaireId: input.questionnaireId,
          observerPersonId: input.observerPersonId,
          answers: input.answers,
          submittedAt,
        })
        .onConflictDoNothing()
        .returning({ id: trainingObservation.id });
      if (!rows[0]) return conflict();
      id = rows[0].id;
    }
    await recordAuditEvent(tx, actor, {
      action: input.submit ? "training_observation.submitted" : "training_observation.saved",
      targetType: "training_session",
      targetId: input.sessionId,
      partnershipId: input.partnershipId,
      details: { observationId: id },
    });
    return ok(input.submit ? "submitted" : "saved");
  });
}
