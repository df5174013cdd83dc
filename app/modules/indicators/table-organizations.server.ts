import { asc, eq } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { organization } from "../governance/tables.ts";
import type { OrganizationFacts } from "./figures.ts";


export async function tableOrganizations(db: Database, partnershipId: string): Promise<OrganizationFacts[]> {
  return db
    .select({
      id: organization.id,
      type: organization.type,
      nameFr: organization.nameFr,
      nameEn: organization.nameEn,
      territory: organization.territory,
      languages: organization.languages,
    })
    .from(organization)
    .where(eq(organization.partnershipId, partnershipId))
    .orderBy(asc(organization.nameFr));
}
