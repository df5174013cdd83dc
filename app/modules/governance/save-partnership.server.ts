import { and, eq, ne, sql } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import type { PartnershipInput } from "./partnership-schema.ts";
import { partnership } from "./tables.ts";
import { conflict, invalidFields, missing, ok, type Conflict, type Invalid, type NotFound, type Ok } from "../outcome/outcome.ts";

async function slugTaken(tx: Database, slug: string, exceptId?: string): Promise<boolean> {
  const rows = await tx
    .select({ id: partnership.id })
    .from(partnership)
    .where(exceptId ? and(eq(partnership.slug, slug), ne(partnership.id, exceptId)) : eq(partnership.slug, slug))
    .limit(1);
  return rows.length > 0;
}

/**
 * Creates a Table. The unique slug makes a double submission harmless: the second one is
 * refused with "slug taken" instead of creating a twin.
 */
export async function createPartnership(
  db: Database,
  actor: AuditActor,
  input: PartnershipInput,
): Promise<{ ok: true; id: string } | { ok: false; error: "slug_taken" }> {
  return db.transaction(async (tx) => {
    if (await slugTaken(tx, input.slug)) return { ok: false as const, error: "slug_taken" as const };
    const { contactEmail, contactPhone, ...columns } = input;
    const inserted = await tx
      .insert(partnership)
      .values({ ...columns, settings: { contact: { email: contactEmail, phone: contactPhone } } })
      .onConflictDoNothing({ target: partnership.slug })
      .returning({ id: partnership.id });
    const row = inserted[0];
    if (!row) return { ok: false as const, error: "slug_taken" as const };
    await recordAuditEvent(tx, actor, {
      action: "partnership.created",
      targetType: "partnership",
      targetId: row.id,
      partnershipId: row.id,
      organizationId: null,
      details: { slug: input.slug, nameFr: input.nameFr },
    });
    return { ok: true as const, id: row.id };
  });
}

export async function updatePartnership(
  db: Database,
  actor: AuditActor,
  input: PartnershipInput & { id: string; version: number },
): Promise<Ok | Conflict | NotFound | Invalid> {
  return db.transaction(async (tx) => {
    const { id, version, contactEmail, contactPhone, ...fields } = input;
    const [current] = await tx.select({ settings: partnership.settings }).from(partnership).where(eq(partnership.id, id));
    if (!current) return missing();
    if (await slugTaken(tx, input.slug, id)) return invalidFields({ slug: ["admin.partnership.slugTaken"] }, "form.errors");
    const updated = await tx
      .update(partnership)
      .set({
        ...fields,
        settings: { ...current.settings, contact: { email: contactEmail, phone: contactPhone } },
        version: sql`${partnership.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(partnership.id, id), eq(partnership.version, version)))
      .returning({ id: partnership.id });
    if (updated.length === 0) return conflict();
    await recordAuditEvent(tx, actor, {
      action: "partnership.updated",
      targetType: "partnership",
      targetId: id,
      partnershipId: id,
      organizationId: null,
      details: { fields: [...Object.keys(fields), "contactEmail", "contactPhone"] },
    });
    return ok();
  });
}
