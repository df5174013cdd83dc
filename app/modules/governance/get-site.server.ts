import { and, eq } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { organization, site } from "./tables.ts";

/** A site of the Table, with its organization's names (for the page heading and the permission check). */
export async function getSite(db: Database, input: { partnershipId: string; siteId: string }) {
  const [row] = await db
    .select({
      id: site.id,
      organizationId: site.organizationId,
      partnershipId: site.partnershipId,
      name: site.name,
      kind: site.kind,
      address: site.address,
      municipality: site.municipality,
      territory: site.territory,
      phone: site.phone,
      version: site.version,
      organizationNameFr: organization.nameFr,
      organizationNameEn: organization.nameEn,
    })
    .from(site)
    .innerJoin(organization, eq(organization.id, site.organizationId))
    .where(and(eq(site.id, input.siteId), eq(site.partnershipId, input.partnershipId)))
    .limit(1);
  return row ?? null;
}

/** The organization's Table and names, to authorize site creation against the record. */
export async function getOrganizationRef(db: Database, input: { partnershipId: string; organizationId: string }) {
  const [row] = await db
    .select({ id: organization.id, nameFr: organization.nameFr, nameEn: organization.nameEn })
    .from(organization)
    .where(and(eq(organization.id, input.organizationId), eq(organization.partnershipId, input.partnershipId)))
    .limit(1);
  return row ?? null;
}
