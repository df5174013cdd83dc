import { and, eq } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { organization } from "../governance/tables.ts";

export interface PartnerOrganization {
  id: string;
  nameFr: string;
  nameEn: string;
  acronym: string;
  type: string;
  mission: string;
  mandate: string;
  culture: string;
  services: string;
  territory: string;
  languages: string[];
  website: string;
  phone: string;
  joinedOn: string | null;
  leftOn: string | null;
  version: number;
}

const columns = {
  id: organization.id,
  nameFr: organization.nameFr,
  nameEn: organization.nameEn,
  acronym: organization.acronym,
  type: organization.type,
  mission: organization.mission,
  mandate: organization.mandate,
  culture: organization.culture,
  services: organization.services,
  territory: organization.territory,
  languages: organization.languages,
  website: organization.website,
  phone: organization.phone,
  joinedOn: organization.joinedOn,
  leftOn: organization.leftOn,
  version: organization.version,
};

/** One partner organization of the Table; another Table's organization reads as missing (null). */
export async function findPartnerOrganization(db: Database, partnershipId: string, organizationId: string): Promise<PartnerOrganization | null> {
  const [row] = await db
    .select(columns)
    .from(organization)
    .where(and(eq(organization.partnershipId, partnershipId), eq(organization.id, organizationId)))
    .limit(1);
  return row ?? null;
}

/** The Table's organizations, by French name. */
export async function listPartnerOrganizations(db: Database, partnershipId: string): Promise<PartnerOrganization[]> {
  return db.select(columns).from(organization).where(eq(organization.partnershipId, partnershipId)).orderBy(organization.nameFr);
}
