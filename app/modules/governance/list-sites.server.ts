import { and, asc, eq, inArray, type SQL } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { organization, site } from "./tables.ts";

/** Sites of the Table (or of some of its organizations), with their organization's names, for pickers. */
export async function listSites(
  db: Database,
  input: { partnershipId: string; organizationIds?: "all" | readonly string[] },
) {
  const where: SQL[] = [eq(site.partnershipId, input.partnershipId)];
  const scope = input.organizationIds ?? "all";
  if (scope !== "all") {
    if (scope.length === 0) return [];
    where.push(inArray(site.organizationId, [...scope]));
  }
  return db
    .select({
      id: site.id,
      name: site.name,
      organizationId: site.organizationId,
      organizationNameFr: organization.nameFr,
      organizationNameEn: organization.nameEn,
      organizationAcronym: organization.acronym,
    })
    .from(site)
    .innerJoin(organization, eq(organization.id, site.organizationId))
    .where(and(...where))
    .orderBy(asc(organization.nameFr), asc(site.name));
}
