import { and, asc, eq, inArray, type SQL } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import type { OrganizationType } from "./organization-types.ts";
import { organization } from "./tables.ts";

export interface OrganizationListRow {
  id: string;
  type: OrganizationType;
  nameFr: string;
  nameEn: string;
  acronym: string;
  joinedOn: string | null;
  leftOn: string | null;
}

/** Organizations of one Table; `organizationIds` narrows to the ones a pivot coordinator manages. */
export async function listOrganizations(
  db: Database,
  input: { partnershipId: string; type?: OrganizationType | null; organizationIds?: "all" | readonly string[] },
): Promise<OrganizationListRow[]> {
  const where: SQL[] = [eq(organization.partnershipId, input.partnershipId)];
  if (input.type) where.push(eq(organization.type, input.type));
  const scope = input.organizationIds ?? "all";
  if (scope !== "all") {
    if (scope.length === 0) return [];
    where.push(inArray(organization.id, [...scope]));
  }
  return db
    .select({
      id: organization.id,
      type: organization.type,
      nameFr: organization.nameFr,
      nameEn: organization.nameEn,
      acronym: organization.acronym,
      joinedOn: organization.joinedOn,
      leftOn: organization.leftOn,
    })
    .from(organization)
    .where(and(...where))
    .orderBy(asc(organization.nameFr));
}
