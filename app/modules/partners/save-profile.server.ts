import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import { organization } from "../governance/tables.ts";
import type { ProfileInput } from "./partners-schema.ts";
import { conflict, missing, ok, type Conflict, type NotFound, type Ok } from "../outcome/outcome.ts";

/**
 * Saves the profile fields of a partner organization (the same columns the administration
 * form edits, guarded by the same version number so neither overwrites the other silently).
 * The audit names the fields that changed, not their text.
 */
export async function savePartnerProfile(
  db: Database,
  actor: AuditActor,
  scope: { partnershipId: string; organizationId: string },
  version: number,
  input: ProfileInput,
): Promise<Ok | NotFound | Conflict> {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ version: organization.version, mission: organization.mission, mandate: organization.mandate, culture: organization.culture, services: organization.services, territory: organization.territory })
      .from(organization)
      .where(and(eq(organization.id, scope.organizationId), eq(organization.partnershipId, scope.partnershipId)))
      .for("update");
    if (!current) return missing();
    if (current.version !== version) return conflict();
    const changed = (Object.keys(input) as (keyof ProfileInput)[]).filter((k) => current[k] !== input[k]);
    if (changed.length === 0) return ok();
    await tx
      .update(organization)
      .set({ ...input, version: sql`${organization.version} + 1`, updatedAt: new Date() })
      .where(eq(organization.id, scope.organizationId));
    await recordAuditEvent(tx, actor, {
      action: "partner.profile.updated",
      targetType: "organization",
      targetId: scope.organizationId,
      partnershipId: scope.partnershipId,
      organizationId: scope.organizationId,
      details: { fields: changed },
    });
    return ok();
  });
}
