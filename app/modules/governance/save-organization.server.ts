import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import type { UpdateResult } from "../forms/fields.ts";
import type { OrganizationInput } from "./organization-schema.ts";
import type { Reindex } from "./reindex.ts";
import { organization } from "./tables.ts";

/**
 * Creates an organization in a Table. `formId` is a UUID minted when the form was shown: it
 * becomes the record's id, so a double submission finds the first record instead of creating
 * a twin.
 */
export async function createOrganization(
  db: Database,
  actor: AuditActor,
  input: OrganizationInput & { partnershipId: string; formId: string },
): Promise<{ id: string } | null> {
  const { formId, partnershipId, ...fields } = input;
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(organization)
      .values({ ...fields, id: formId, partnershipId })
      .onConflictDoNothing({ target: organization.id })
      .returning({ id: organization.id });
    if (inserted.length === 0) {
      // Already created by the first submission, provided it is in the same Table.
      const [existing] = await tx
        .select({ id: organization.id })
        .from(organization)
        .where(and(eq(organization.id, formId), eq(organization.partnershipId, partnershipId)));
      return existing ?? null;
    }
    await recordAuditEvent(tx, actor, {
      action: "organization.created",
      targetType: "organization",
      targetId: formId,
      partnershipId,
      organizationId: formId,
      details: { nameFr: fields.nameFr, type: fields.type },
    });
    return { id: formId };
  });
}

export async function updateOrganization(
  db: Database,
  actor: AuditActor,
  input: OrganizationInput & { partnershipId: string; organizationId: string; version: number },
  reindex: Reindex,
): Promise<UpdateResult> {
  const { partnershipId, organizationId, version, ...fields } = input;
  return db.transaction(async (tx) => {
    const scope = and(eq(organization.id, organizationId), eq(organization.partnershipId, partnershipId));
    const updated = await tx
      .update(organization)
      .set({ ...fields, version: sql`${organization.version} + 1`, updatedAt: new Date() })
      .where(and(scope, eq(organization.version, version)))
      .returning({ id: organization.id });
    if (updated.length === 0) {
      const exists = await tx.select({ id: organization.id }).from(organization).where(scope);
      return exists.length ? ("conflict" as const) : ("not_found" as const);
    }
    await reindex(tx, { organizationId });
    await recordAuditEvent(tx, actor, {
      action: "organization.updated",
      targetType: "organization",
      targetId: organizationId,
      partnershipId,
      organizationId,
      details: { fields: Object.keys(fields), emailDomains: fields.emailDomains },
    });
    return "ok" as const;
  });
}
