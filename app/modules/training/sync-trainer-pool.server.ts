import { and, eq, isNull, notExists } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import { person, roleAssignment } from "../people/tables.ts";
import { trainerProfile } from "./tables.ts";

/**
 * Gives every holder of the trainer role in the Table a pool profile (organization and languages
 * from their person record). People without an organization cannot be paired, so they wait.
 */
export async function syncTrainerPool(db: Database, actor: AuditActor, partnershipId: string): Promise<number> {
  return db.transaction(async (tx) => {
    const candidates = await tx
      .selectDistinct({ personId: person.id, organizationId: person.organizationId, languages: person.languages })
      .from(roleAssignment)
      .innerJoin(person, and(eq(person.id, roleAssignment.personId), eq(person.partnershipId, partnershipId)))
      .where(
        and(
          eq(roleAssignment.partnershipId, partnershipId),
          eq(roleAssignment.role, "trainer"),
          isNull(roleAssignment.revokedAt),
          notExists(
            tx
              .select({ id: trainerProfile.id })
              .from(trainerProfile)
              .where(and(eq(trainerProfile.partnershipId, partnershipId), eq(trainerProfile.personId, person.id))),
          ),
        ),
      );
    const added = candidates.filter((c) => c.organizationId);
    if (added.length === 0) return 0;
    await tx
      .insert(trainerProfile)
      .values(added.map((c) => ({ partnershipId, personId: c.personId, organizationId: c.organizationId!, languages: c.languages })))
      .onConflictDoNothing();
    await recordAuditEvent(tx, actor, {
      action: "trainer_pool.synced",
      targetType: "partnership",
      targetId: partnershipId,
      partnershipId,
      details: { added: added.length },
    });
    return added.length;
  });
}
