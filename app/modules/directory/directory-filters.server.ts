import { and, asc, eq, isNull } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { organization, site } from "../governance/tables.ts";

export interface DirectoryFilterOptions {
  organizations: { id: string; nameFr: string; nameEn: string; acronym: string }[];
  sites: { id: string; organizationId: string; name: string }[];
}

/**
 * The choices of the directory's filters: the Table's current organizations, and the sites of
 * the chosen organization only (a province-scale Table has hundreds of sites: listing them all
 * would weigh on every page; without JavaScript, choosing the organization first then searching
 * fills the site list).
 */
export async function listDirectoryFilterOptions(db: Database, partnershipId: string, organizationId: string | null): Promise<DirectoryFilterOptions> {
  const organizations = await db
    .select({ id: organization.id, nameFr: organization.nameFr, nameEn: organization.nameEn, acronym: organization.acronym })
    .from(organization)
    .where(and(eq(organization.partnershipId, partnershipId), isNull(organization.leftOn)))
    .orderBy(asc(organization.nameFr));
  const sites = organizationId
    ? await db
        .select({ id: site.id, organizationId: site.organizationId, name: site.name })
        .from(site)
        .where(and(eq(site.partnershipId, partnershipId), eq(site.organizationId, organizationId)))
        .orderBy(asc(site.name))
    : [];
  return { organizations, sites };
}
