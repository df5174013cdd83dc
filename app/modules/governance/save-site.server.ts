import { and, eq, ne, sql } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import type { UpdateResult } from "../forms/fields.ts";
import type { SiteInput } from "./site-schema.ts";
import type { Reindex } from "./reindex.ts";
import { organization, site } from "./tables.ts";

async function nameTaken(tx: Database, organizationId: string, name: string, exceptId?: string) {
  const same = and(eq(site.organizationId, organizationId), sql`lower(${site.name}) = lower(${name})`);
  const rows = await tx
    .select({ id: site.id })
    .from(site)
    .where(exceptId ? and(same, ne(site.id, exceptId)) : same)
    .limit(1);
  return rows.length > 0;
}

/**
 * Adds a site to an organization of the Table. A site name is unique within its organization,
 * which also makes a double submission harmless.
 */
export async function createSite(
  db: Database,
  actor: AuditActor,
  input: SiteInput & { partnershipId: string; organizationId: string },
): Promise<{ ok: true; id: string } | { ok: false; error: "not_found" | "name_taken" }> {
  const { partnershipId, organizationId, ...fields } = input;
  return db.transaction(async (tx) => {
    const [org] = await tx
      .select({ id: organization.id })
      .from(organization)
      .where(and(eq(organization.id, organizationId), eq(organization.partnershipId, partnershipId)));
    if (!org) return { ok: false as const, error: "not_found" as const };
    if (await nameTaken(tx, organizationId, fields.name)) return { ok: false as const, error: "name_taken" as const };
    const inserted = await tx
      .insert(site)
      .values({ ...fields, partnershipId, organizationId })
      .onConflictDoNothing()
      .returning({ id: site.id });
    const row = inserted[0];
    if (!row) return { ok: false as const, error: "name_taken" as const };
    await recordAuditEvent(tx, actor, {
      action: "site.created",
      targetType: "site",
      targetId: row.id,
      partnershipId,
      organizationId,
      details: { name: fields.name },
    });
    return { ok: true as const, id: row.id };
  });
}

export async function updateSite(
  db: Database,
  actor: AuditActor,
  input: SiteInput & { partnershipId: string; siteId: string; version: number },
  reindex: Reindex,
): Promise<UpdateResult | "name_taken"> {
  const { partnershipId, siteId, version, ...fields } = input;
  return db.transaction(async (tx) => {
    const scope = and(eq(site.id, siteId), eq(site.partnershipId, partnershipId));
    const [current] = await tx.select({ organizationId: site.organizationId }).from(site).where(scope);
    if (!current) return "not_found" as const;
    if (await nameTaken(tx, current.organizationId, fields.name, siteId)) return "name_taken" as const;
    const updated = await tx
      .update(site)
      .set({ ...fields, version: sql`${site.version} + 1`, updatedAt: new Date() })
      .where(and(scope, eq(site.version, version)))
      .returning({ id: site.id });
    if (updated.length === 0) return "conflict" as const;
    await reindex(tx, { siteId });
    await recordAuditEvent(tx, actor, {
      action: "site.updated",
      targetType: "site",
      targetId: siteId,
      partnershipId,
      organizationId: current.organizationId,
      details: { fields: Object.keys(fields) },
    });
    return "ok" as const;
  });
}
