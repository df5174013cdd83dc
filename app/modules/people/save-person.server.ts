import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import type { Reindex } from "../governance/reindex.ts";
import type { FieldErrorMap } from "../forms/fields.ts";
import { organization, site } from "../governance/tables.ts";
import { person } from "./tables.ts";
import { inScope, personScope, type OrganizationScope } from "./person-scope.ts";
import type { PersonInput } from "./person-schema.ts";

interface Scope {
  partnershipId: string;
  organizationIds: OrganizationScope;
}

/**
 * The organization must be one of the Table's and, for a pivot coordinator, their own; the site
 * must belong to that organization. Checked against the database, never trusted from the form.
 */
async function checkPlacement(tx: Database, input: PersonInput, scope: Scope): Promise<FieldErrorMap | null> {
  if (!input.organizationId) {
    if (scope.organizationIds !== "all") return { organizationId: ["form.required"] };
    if (input.siteId) return { siteId: ["admin.person.siteWithoutOrganization"] };
    return null;
  }
  if (!inScope(input.organizationId, scope.organizationIds)) return { organizationId: ["form.invalid"] };
  const [org] = await tx
    .select({ id: organization.id })
    .from(organization)
    .where(and(eq(organization.id, input.organizationId), eq(organization.partnershipId, scope.partnershipId)));
  if (!org) return { organizationId: ["form.invalid"] };
  if (input.siteId) {
    const [s] = await tx
      .select({ id: site.id })
      .from(site)
      .where(
        and(eq(site.id, input.siteId), eq(site.organizationId, input.organizationId), eq(site.partnershipId, scope.partnershipId)),
      );
    if (!s) return { siteId: ["admin.person.siteNotInOrganization"] };
  }
  return null;
}

export type SavePersonResult = { ok: true; id: string } | { ok: false; errors: FieldErrorMap } | { ok: false; error: "conflict" | "not_found" };

/**
 * Creates a directory entry (no account yet). `formId`, minted when the form was shown, becomes
 * the id: a double submission lands on the first record instead of creating a twin.
 */
export async function createPerson(
  db: Database,
  actor: AuditActor,
  input: PersonInput & Scope & { formId: string },
): Promise<SavePersonResult> {
  const { partnershipId, organizationIds, formId, ...fields } = input;
  return db.transaction(async (tx) => {
    const errors = await checkPlacement(tx, fields, { partnershipId, organizationIds });
    if (errors) return { ok: false as const, errors };
    const inserted = await tx
      .insert(person)
      .values({ ...fields, id: formId, partnershipId })
      .onConflictDoNothing({ target: person.id })
      .returning({ id: person.id });
    if (inserted.length === 0) {
      const [existing] = await tx
        .select({ id: person.id })
        .from(person)
        .where(and(eq(person.id, formId), personScope(partnershipId, organizationIds)));
      return existing ? { ok: true as const, id: existing.id } : { ok: false as const, error: "not_found" as const };
    }
    await recordAuditEvent(tx, actor, {
      action: "person.created",
      targetType: "person",
      targetId: formId,
      partnershipId,
      organizationId: fields.organizationId,
      details: { organizationId: fields.organizationId, siteId: fields.siteId },
    });
    return { ok: true as const, id: formId };
  });
}

export async function updatePerson(
  db: Database,
  actor: AuditActor,
  input: PersonInput & Scope & { personId: string; version: number },
  reindex: Reindex,
): Promise<SavePersonResult> {
  const { partnershipId, organizationIds, personId, version, ...fields } = input;
  return db.transaction(async (tx) => {
    const scope = and(eq(person.id, personId), personScope(partnershipId, organizationIds));
    const [current] = await tx.select({ id: person.id, organizationId: person.organizationId }).from(person).where(scope);
    if (!current) return { ok: false as const, error: "not_found" as const };
    const errors = await checkPlacement(tx, fields, { partnershipId, organizationIds });
    if (errors) return { ok: false as const, errors };
    const updated = await tx
      .update(person)
      .set({ ...fields, version: sql`${person.version} + 1`, updatedAt: new Date() })
      .where(and(scope, eq(person.version, version)))
      .returning({ id: person.id });
    if (updated.length === 0) return { ok: false as const, error: "conflict" as const };
        // The directory searches a denormalized copy of names: keep it in step in the same transaction.
    await reindex(tx, { personId });
    await recordAuditEvent(tx, actor, {
      action: "person.updated",
      targetType: "person",
      targetId: personId,
      partnershipId,
      organizationId: fields.organizationId,
      details: {
        fields: Object.keys(fields),
        ...(current.organizationId !== fields.organizationId ? { fromOrganizationId: current.organizationId } : {}),
      },
    });
    return { ok: true as const, id: personId };
  });
}
