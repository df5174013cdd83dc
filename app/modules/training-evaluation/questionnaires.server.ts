import { and, desc, eq } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import { trainingQuestionnaire } from "./tables.ts";
import type { Question, QuestionnaireKind } from "./vocabulary.ts";
import { conflict, ok, type Conflict, type Ok } from "../outcome/outcome.ts";

export type QuestionnaireRow = typeof trainingQuestionnaire.$inferSelect;

/** The current (latest) version of one of the Table's questionnaires, or null when none yet. */
export async function loadQuestionnaire(db: Database, partnershipId: string, kind: QuestionnaireKind): Promise<QuestionnaireRow | null> {
  const [row] = await db
    .select()
    .from(trainingQuestionnaire)
    .where(and(eq(trainingQuestionnaire.partnershipId, partnershipId), eq(trainingQuestionnaire.kind, kind)))
    .orderBy(desc(trainingQuestionnaire.version))
    .limit(1);
  return row ?? null;
}

/** One version by id, only inside the Table. */
export async function loadQuestionnaireVersion(db: Database, partnershipId: string, id: string): Promise<QuestionnaireRow | null> {
  const [row] = await db
    .select()
    .from(trainingQuestionnaire)
    .where(and(eq(trainingQuestionnaire.partnershipId, partnershipId), eq(trainingQuestionnaire.id, id)));
  return row ?? null;
}

/**
 * Saves the questions as a new version. `expectedVersion` is the version the editor started from
 * (0 when there was none): a concurrent edit answers "conflict" instead of overwriting.
 */
export async function saveQuestionnaire(
  db: Database,
  actor: AuditActor,
  input: { partnershipId: string; kind: QuestionnaireKind; questions: Question[]; expectedVersion: number; personId: string | null },
): Promise<Ok<number> | Conflict> {
  return db.transaction(async (tx) => {
    const current = await loadQuestionnaire(tx, input.partnershipId, input.kind);
    if ((current?.version ?? 0) !== input.expectedVersion) return conflict();
    const version = input.expectedVersion + 1;
    const [row] = await tx
      .insert(trainingQuestionnaire)
      .values({ partnershipId: input.partnershipId, kind: input.kind, version, questions: input.questions, createdBy: input.personId })
      .onConflictDoNothing()
      .returning({ id: trainingQuestionnaire.id });
    if (!row) return conflict();
    await recordAuditEvent(tx, actor, {
      action: `training_questionnaire.saved`,
      targetType: "training_questionnaire",
      targetId: row.id,
      partnershipId: input.partnershipId,
      details: { kind: input.kind, version, questions: input.questions.length },
    });
    return ok(version);
  });
}
