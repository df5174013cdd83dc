import type { Database } from "../db/client.server.ts";
import { listOrganizations } from "../governance/list-organizations.server.ts";
import { listSites } from "../governance/list-sites.server.ts";
import type { OrganizationScope } from "./person-scope.ts";

/** The organizations and sites a person may be placed in by this reader. */
export async function personFormOptions(db: Database, input: { partnershipId: string; organizationIds: OrganizationScope }) {
  const [organizations, sites] = await Promise.all([listOrganizations(db, input), listSites(db, input)]);
  return {
    organizations: organizations.map((o) => ({ id: o.id, nameFr: o.nameFr, nameEn: o.nameEn, acronym: o.acronym })),
    sites: sites.map((s) => ({
      id: s.id,
      name: s.name,
      organizationNameFr: s.organizationNameFr,
      organizationNameEn: s.organizationNameEn,
      organizationAcronym: s.organizationAcronym,
    })),
    organizationRequired: input.organizationIds !== "all",
  };
}

export type PersonFormOptions = Awaited<ReturnType<typeof personFormOptions>>;
