import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import { checkLanguages, languageFields, optionalDate, parseLanguages, requiredInt,  } from "../forms/fields.ts";
import { trainerProfile } from "./tables.ts";
import { conflict, missing, ok, type Conflict, type NotFound, type Ok } from "../outcome/outcome.ts";

export const trainerSchema = z
  .object({
    ...languageFields,
    accreditedOn: optionalDate,
    maxSessions: requiredInt(0, 52),
    active: z.preprocess((v) => v === "on" || v === "true", z.boolean()),
  })
  .superRefine(checkLanguages);

export type TrainerInput = z.infer<typeof trainerSchema>;

/** The coordinator edits a pool profile: languages, accreditation, maximum, active. */
export async function updateTrainerProfile(
  db: Database,
  actor: AuditActor,
  input: { partnershipId: string; trainerId: string; version: number; values: TrainerInput },
): Promise<Ok | Conflict | NotFound> {
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(trainerProfile)
      .set({
        languages: parseLanguages(input.values.languages, input.values.otherLanguages) ?? ["fr"],
        accreditedOn: input.values.accreditedOn,
        maxSessions: input.values.maxSessions,
        active: input.values.active,
        version: sql`${trainerProfile.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(trainerProfile.partnershipId, input.partnershipId), eq(trainerProfile.id, input.trainerId), eq(trainerProfile.version, input.version)))
      .returning({ id: trainerProfile.id });
    if (updated.length === 0) {
      const [exists] = await tx
        .select({ id: trainerProfile.id })
        .from(trainerProfile)
        .where(and(eq(trainerProfile.partnershipId, input.partnershipId), eq(trainerProfile.id, input.trainerId)));
      return exists ? conflict() : missing();
    }
    await recordAuditEvent(tx, actor, {
      action: "trainer_profile.updated",
      targetType: "trainer_profile",
      targetId: input.trainerId,
      partnershipId: input.partnershipId,
      details: { maxSessions: input.values.maxSessions, active: input.values.active },
    });
    return ok();
  });
}
