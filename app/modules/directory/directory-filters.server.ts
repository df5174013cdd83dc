import { and, asc, eq, isNull } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { organization, site } from "../governance/tables.ts";

export interface DirectoryFilterOptions {
  organizations: { id: string; nameFr: string; nameEn: string; acronym: string }[];
  sites: { id: string; organizationId: string; name: string }[];
}

/** The choices of the directory's filters: the Table's current organizations and their sites. */
export async function listDirectoryFilterOptions(db: Database, partnershipId: string): Promise<DirectoryFilterOptions> {
  const organizations = await db
    .select({ id: organization.id, nameFr: organization.nameFr, nameEn: organization.nameEn, acronym: organization.acronym })
    .from(organization)
    .where(and(eq(organization.partnershipId, partnershipId), isNull(organization.leftOn)))
    .orderBy(asc(organization.nameFr));
  const sites = await db
    .select({ id: site.id, organizationId: site.organizationId, name: site.name })
    .from(site)
    .where(eq(site.partnershipId, partnershipId))
    .orderBy(asc(site.name));
  return { organizations, sites };
}
