import { and, asc, eq } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import { deleteFile, listFiles, storeFile, type FileOwner, type StoredFileInfo } from "../files/stored-files.server.ts";
import type { Upload } from "../files/read-upload.server.ts";
import { listGuideExercises, type GuideExerciseRef } from "../guide/list-guide-exercises.server.ts";
import { trainingSessionExercise } from "./tables.ts";

export const sessionFileOwner = (partnershipId: string, sessionId: string): FileOwner => ({
  partnershipId,
  ownerType: "training_session",
  ownerId: sessionId,
});

export function listSessionDocuments(db: Database, partnershipId: string, sessionId: string): Promise<StoredFileInfo[]> {
  return listFiles(db, sessionFileOwner(partnershipId, sessionId));
}

export async function addSessionDocument(db: Database, actor: AuditActor, input: { partnershipId: string; sessionId: string; upload: Upload; personId: string }) {
  return db.transaction(async (tx) => {
    const file = await storeFile(tx, sessionFileOwner(input.partnershipId, input.sessionId), input.upload, input.personId);
    await recordAuditEvent(tx, actor, {
      action: "training_session.document_added",
      targetType: "training_session",
      targetId: input.sessionId,
      partnershipId: input.partnershipId,
      details: { fileId: file.id, fileName: file.fileName, sha256: file.sha256 },
    });
    return file;
  });
}

export async function removeSessionDocument(db: Database, actor: AuditActor, input: { partnershipId: string; sessionId: string; fileId: string }) {
  return db.transaction(async (tx) => {
    const removed = await deleteFile(tx, sessionFileOwner(input.partnershipId, input.sessionId), input.fileId);
    if (!removed) return false;
    await recordAuditEvent(tx, actor, {
      action: "training_session.document_removed",
      targetType: "training_session",
      targetId: input.sessionId,
      partnershipId: input.partnershipId,
      details: { fileId: input.fileId },
    });
    return true;
  });
}

/** The guide exercises attached to the session, resolved against the published guide (gone ones are skipped). */
export async function listSessionExercises(db: Database, partnershipId: string, sessionId: string): Promise<GuideExerciseRef[]> {
  const rows = await db
    .select({ key: trainingSessionExercise.exerciseKey })
    .from(trainingSessionExercise)
    .where(and(eq(trainingSessionExercise.partnershipId, partnershipId), eq(trainingSessionExercise.sessionId, sessionId)))
    .orderBy(asc(trainingSessionExercise.createdAt));
  if (rows.length === 0) return [];
  const all = await listGuideExercises(db, partnershipId);
  return rows.map((r) => all.find((e) => e.key === r.key)).filter((e): e is GuideExerciseRef => !!e);
}

/** Attaches (or detaches) a published guide exercise; only exercises of the Table's guide are accepted. */
export async function setSessionExercise(
  db: Database,
  actor: AuditActor,
  input: { partnershipId: string; sessionId: string; exerciseKey: string; attached: boolean },
): Promise<boolean> {
  const exercise = (await listGuideExercises(db, input.partnershipId)).find((e) => e.key === input.exerciseKey);
  return db.transaction(async (tx) => {
    if (input.attached) {
      if (!exercise) return false;
      await tx
        .insert(trainingSessionExercise)
        .values({ partnershipId: input.partnershipId, sessionId: input.sessionId, exerciseKey: exercise.key, sectionId: exercise.sectionId })
        .onConflictDoNothing();
    } else {
      const rows = await tx
        .delete(trainingSessionExercise)
        .where(
          and(
            eq(trainingSessionExercise.partnershipId, input.partnershipId),
            eq(trainingSessionExercise.sessionId, input.sessionId),
            eq(trainingSessionExercise.exerciseKey, input.exerciseKey),
          ),
        )
        .returning({ key: trainingSessionExercise.exerciseKey });
      if (rows.length === 0) return false;
    }
    await recordAuditEvent(tx, actor, {
      action: input.attached ? "training_session.exercise_attached" : "training_session.exercise_detached",
      targetType: "training_session",
      targetId: input.sessionId,
      partnershipId: input.partnershipId,
      details: { exerciseKey: input.exerciseKey },
    });
    return true;
  });
}
