import { and, eq } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import type { ProgramInput } from "./program-schema.ts";
import { trainingProgram } from "./tables.ts";
import { conflict, missing, ok, type Conflict, type NotFound, type Ok } from "../outcome/outcome.ts";

function slugOf(name: string): string {
  const base = name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60);
  return `${base || "programme"}-${crypto.randomUUID().slice(0, 6)}`;
}

/** Adds a program to the Table (audited). */
export async function createProgram(db: Database, actor: AuditActor, partnershipId: string, input: ProgramInput): Promise<string> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(trainingProgram)
      .values({ partnershipId, slug: slugOf(input.nameFr), ...input })
      .returning({ id: trainingProgram.id });
    await recordAuditEvent(tx, actor, { action: "training_program.created", targetType: "training_program", targetId: row!.id, partnershipId, details: { nameFr: input.nameFr } });
    return row!.id;
  });
}

/** Edits a program of the Table; a stale version answers "conflict" (optimistic locking). */
export async function updateProgram(
  db: Database,
  actor: AuditActor,
  input: { partnershipId: string; programId: string; version: number; data: ProgramInput },
): Promise<Ok | Conflict | NotFound> {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ version: trainingProgram.version })
      .from(trainingProgram)
      .where(and(eq(trainingProgram.partnershipId, input.partnershipId), eq(trainingProgram.id, input.programId)));
    if (!current) return missing();
    const rows = await tx
      .update(trainingProgram)
      .set({ ...input.data, version: input.version + 1, updatedAt: new Date() })
      .where(and(eq(trainingProgram.partnershipId, input.partnershipId), eq(trainingProgram.id, input.programId), eq(trainingProgram.version, input.version)))
      .returning({ id: trainingProgram.id });
    if (rows.length === 0) return conflict();
    await recordAuditEvent(tx, actor, {
      action: "training_program.updated",
      targetType: "training_program",
      targetId: input.programId,
      partnershipId: input.partnershipId,
      details: { version: input.version + 1 },
    });
    return ok();
  });
}
