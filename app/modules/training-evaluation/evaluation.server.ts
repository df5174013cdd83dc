import { and, eq } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent } from "../audit/record-audit-event.server.ts";
import { trainingEvaluationMarker, trainingEvaluationResponse } from "./tables.ts";
import type { Answers } from "./vocabulary.ts";

/** True when this registration already answered the end-of-training questionnaire. */
export async function hasAnswered(db: Database, partnershipId: string, registrationId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: trainingEvaluationMarker.registrationId })
    .from(trainingEvaluationMarker)
    .where(and(eq(trainingEvaluationMarker.partnershipId, partnershipId), eq(trainingEvaluationMarker.registrationId, registrationId)));
  return !!row;
}

/**
 * Stores one anonymous answer. In one transaction: the marker (its primary key refuses a second
 * answer from the same registration) and the response, which carries no link to the person.
 * The audit event names the session only, not the person's answers.
 */
export async function submitEvaluation(
  db: Database,
  input: { partnershipId: string; sessionId: string; programId: string; registrationId: string; questionnaireId: string; answers: Answers },
): Promise<{ status: "answered" } | { status: "already_answered" }> {
  return db.transaction(async (tx) => {
    const marked = await tx
      .insert(trainingEvaluationMarker)
      .values({ registrationId: input.registrationId, partnershipId: input.partnershipId })
      .onConflictDoNothing()
      .returning({ id: trainingEvaluationMarker.registrationId });
    if (marked.length === 0) return { status: "already_answered" as const };
    await tx.insert(trainingEvaluationResponse).values({
      partnershipId: input.partnershipId,
      sessionId: input.sessionId,
      programId: input.programId,
      questionnaireId: input.questionnaireId,
      answers: input.answers,
    });
    // The event carries no account, role, address or request id: with its time, they would tell
    // who gave the answer stored in this transaction. The marker alone says who answered.
    await recordAuditEvent(tx, { accountId: null, role: "participant", organizationId: null, partnershipId: input.partnershipId, requestId: "", ip: "" }, {
      action: "training_evaluation.answered",
      targetType: "training_session",
      targetId: input.sessionId,
      partnershipId: input.partnershipId,
    });
    return { status: "answered" as const };
  });
}
