import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import { person } from "../people/tables.ts";
import { trainerProfile, trainingProgram, trainingSession } from "./tables.ts";
import type { SessionInput } from "./session-schema.ts";
import { afterSessionSaved, sessionBeforeSave } from "./session-notices.server.ts";
import { conflict, invalid, missing, ok, type Conflict, type Invalid, type NotFound, type Ok } from "../outcome/outcome.ts";

export type PairProblem = "training.pair.sameOrganization" | "training.pair.sameTrainer" | "training.pair.unknownTrainer";

/**
 * THE hard rule (duo de formateurs d'organisations différentes): the two trainers of a session
 * belong to different organizations. A CHECK cannot see across rows, so every write path
 * (form, proposal apply) goes through this function. One trainer alone is allowed while planning.
 */
export async function checkTrainerPair(
  db: Database,
  partnershipId: string,
  trainerAId: string | null,
  trainerBId: string | null,
): Promise<PairProblem | null> {
  const ids = [trainerAId, trainerBId].filter((id): id is string => !!id);
  if (ids.length === 0) return null;
  if (ids.length === 2 && ids[0] === ids[1]) return "training.pair.sameTrainer";
  const rows = await db
    .select({ id: trainerProfile.id, organizationId: trainerProfile.organizationId })
    .from(trainerProfile)
    .where(and(eq(trainerProfile.partnershipId, partnershipId), inArray(trainerProfile.id, ids), eq(trainerProfile.active, true)));
  if (rows.length !== ids.length) return "training.pair.unknownTrainer";
  if (rows.length === 2 && rows[0]!.organizationId === rows[1]!.organizationId) return "training.pair.sameOrganization";
  return null;
}

/** The session's id, or why not. */
export type SaveSessionResult = Ok<string> | Invalid | Conflict | NotFound;

async function checkReferences(tx: Database, partnershipId: string, input: SessionInput): Promise<SaveSessionResult | null> {
  const [program] = await tx
    .select({ id: trainingProgram.id })
    .from(trainingProgram)
    .where(and(eq(trainingProgram.partnershipId, partnershipId), eq(trainingProgram.id, input.programId)));
  if (!program) return invalid("programId", "form.invalid");
  if (input.observerPersonId) {
    const [observer] = await tx
      .select({ id: person.id })
      .from(person)
      .where(and(eq(person.partnershipId, partnershipId), eq(person.id, input.observerPersonId)));
    if (!observer) return invalid("observerPersonId", "form.invalid");
  }
  const problem = await checkTrainerPair(tx, partnershipId, input.trainerAId, input.trainerBId);
  if (problem) return invalid("trainerBId", problem);
  return null;
}

const columns = (input: SessionInput) => ({
  programId: input.programId,
  dates: input.day2 ? [input.day1, input.day2] : [input.day1],
  place: input.place,
  online: input.online,
  capacity: input.capacity,
  language: input.language,
  status: input.status,
  trainerAId: input.trainerAId,
  trainerBId: input.trainerBId,
  observerPersonId: input.observerPersonId,
  notes: input.notes,
});

export async function createTrainingSession(db: Database, actor: AuditActor, partnershipId: string, input: SessionInput): Promise<SaveSessionResult> {
  return db.transaction(async (tx) => {
    const refused = await checkReferences(tx, partnershipId, input);
    if (refused) return refused;
    const [row] = await tx.insert(trainingSession).values({ partnershipId, ...columns(input) }).returning({ id: trainingSession.id });
    await recordAuditEvent(tx, actor, {
      action: "training_session.created",
      targetType: "training_session",
      targetId: row!.id,
      partnershipId,
      details: { dates: columns(input).dates, trainers: [input.trainerAId, input.trainerBId] },
    });
    return ok(row!.id);
  });
}

export async function updateTrainingSession(
  db: Database,
  actor: AuditActor,
  partnershipId: string,
  sessionId: string,
  version: number,
  input: SessionInput,
  options: { publicUrl?: string } = {},
): Promise<SaveSessionResult> {
  return db.transaction(async (tx) => {
    // Registrations wait while the session changes; participants are told after (same transaction).
    const before = await sessionBeforeSave(tx, partnershipId, sessionId);
    const refused = await checkReferences(tx, partnershipId, input);
    if (refused) return refused;
    const updated = await tx
      .update(trainingSession)
      .set({ ...columns(input), version: sql`${trainingSession.version} + 1`, updatedAt: new Date() })
      .where(and(eq(trainingSession.partnershipId, partnershipId), eq(trainingSession.id, sessionId), eq(trainingSession.version, version)))
      .returning({ id: trainingSession.id });
    if (updated.length === 0) {
      const [exists] = await tx
        .select({ id: trainingSession.id })
        .from(trainingSession)
        .where(and(eq(trainingSession.partnershipId, partnershipId), eq(trainingSession.id, sessionId)));
      return exists ? conflict() : missing();
    }
    await recordAuditEvent(tx, actor, {
      action: "training_session.updated",
      targetType: "training_session",
      targetId: sessionId,
      partnershipId,
      details: { status: input.status, trainers: [input.trainerAId, input.trainerBId] },
    });
    if (before) await afterSessionSaved(tx, actor, before, options.publicUrl ?? "");
    return ok(sessionId);
  });
}
