import { and, asc, desc, eq, inArray, isNull, or, gte } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { organization, site } from "../governance/tables.ts";
import { person } from "../people/tables.ts";
import { designationScope, type OrganizationScope } from "./designation-scope.server.ts";
import { pivotDesignation } from "./tables.ts";
import { quebecDay } from "../time/days.ts";

export interface DesignationRow {
  id: string;
  personId: string;
  givenName: string;
  familyName: string;
  organizationId: string;
  organizationNameFr: string;
  organizationNameEn: string;
  organizationAcronym: string;
  siteId: string | null;
  siteName: string | null;
  rank: "primary" | "backup";
  since: string;
  until: string | null;
  endReason: string;
  languages: string[];
  clienteles: string[];
  expertise: string[];
  availability: string;
  contactPhone: string;
  contactEmail: string;
  contactNotes: string;
  confirmedAt: Date;
  version: number;
}

const columns = {
  id: pivotDesignation.id,
  personId: pivotDesignation.personId,
  givenName: person.givenName,
  familyName: person.familyName,
  organizationId: pivotDesignation.organizationId,
  organizationNameFr: organization.nameFr,
  organizationNameEn: organization.nameEn,
  organizationAcronym: organization.acronym,
  siteId: pivotDesignation.siteId,
  siteName: site.name,
  rank: pivotDesignation.rank,
  since: pivotDesignation.since,
  until: pivotDesignation.until,
  endReason: pivotDesignation.endReason,
  languages: pivotDesignation.languages,
  clienteles: pivotDesignation.clienteles,
  expertise: pivotDesignation.expertise,
  availability: pivotDesignation.availability,
  contactPhone: pivotDesignation.contactPhone,
  contactEmail: pivotDesignation.contactEmail,
  contactNotes: pivotDesignation.contactNotes,
  confirmedAt: pivotDesignation.confirmedAt,
  version: pivotDesignation.version,
};

function normalize<T extends { confirmedAt: Date | string; siteName: string | null }>(r: T) {
  return { ...r, confirmedAt: new Date(r.confirmedAt), siteName: r.siteName ?? null };
}

/** Designations a manager handles: open ones (or all, history included), by organization then name. */
export async function listDesignations(
  db: Database,
  input: { partnershipId: string; organizationIds: OrganizationScope; includeEnded: boolean; today?: string },
): Promise<DesignationRow[]> {
  const today = input.today ?? quebecDay();
  const rows = await db
    .select(columns)
    .from(pivotDesignation)
    .innerJoin(person, eq(person.id, pivotDesignation.personId))
    .innerJoin(organization, eq(organization.id, pivotDesignation.organizationId))
    .leftJoin(site, eq(site.id, pivotDesignation.siteId))
    .where(
      and(
        designationScope(input.partnershipId, input.organizationIds),
        input.includeEnded ? undefined : or(isNull(pivotDesignation.until), gte(pivotDesignation.until, today)),
      ),
    )
    .orderBy(asc(organization.nameFr), asc(person.familyName), asc(person.givenName), desc(pivotDesignation.since));
  return rows.map(normalize);
}

/** One designation in the manager's scope, with the person's other designations in that organization (history). */
export async function getDesignation(
  db: Database,
  input: { partnershipId: string; organizationIds: OrganizationScope; id: string },
): Promise<{ designation: DesignationRow; history: DesignationRow[] } | null> {
  const [row] = await db
    .select(columns)
    .from(pivotDesignation)
    .innerJoin(person, eq(person.id, pivotDesignation.personId))
    .innerJoin(organization, eq(organization.id, pivotDesignation.organizationId))
    .leftJoin(site, eq(site.id, pivotDesignation.siteId))
    .where(and(eq(pivotDesignation.id, input.id), designationScope(input.partnershipId, input.organizationIds)));
  if (!row) return null;
  const history = await db
    .select(columns)
    .from(pivotDesignation)
    .innerJoin(person, eq(person.id, pivotDesignation.personId))
    .innerJoin(organization, eq(organization.id, pivotDesignation.organizationId))
    .leftJoin(site, eq(site.id, pivotDesignation.siteId))
    .where(
      and(
        designationScope(input.partnershipId, input.organizationIds),
        eq(pivotDesignation.personId, row.personId),
        eq(pivotDesignation.organizationId, row.organizationId),
      ),
    )
    .orderBy(desc(pivotDesignation.since), desc(pivotDesignation.createdAt));
  return { designation: normalize(row), history: history.map(normalize) };
}

export interface DesignationFormOptions {
  organizations: { id: string; nameFr: string; nameEn: string; acronym: string }[];
  sites: { id: string; organizationId: string; name: string }[];
}

/** The organizations and sites a manager may pick from (their scope, inside their Table); people come from the picker's search. */
export async function listDesignationFormOptions(
  db: Database,
  input: { partnershipId: string; organizationIds: OrganizationScope },
): Promise<DesignationFormOptions> {
  const ids = input.organizationIds;
  if (ids !== "all" && ids.length === 0) return { organizations: [], sites: [] };
  const orgWhere = and(eq(organization.partnershipId, input.partnershipId), isNull(organization.leftOn), ids === "all" ? undefined : inArray(organization.id, [...ids]));
  const organizations = await db
    .select({ id: organization.id, nameFr: organization.nameFr, nameEn: organization.nameEn, acronym: organization.acronym })
    .from(organization)
    .where(orgWhere)
    .orderBy(asc(organization.nameFr));
  const orgIds = organizations.map((o) => o.id);
  if (orgIds.length === 0) return { organizations, sites: [] };
  const sites = await db
    .select({ id: site.id, organizationId: site.organizationId, name: site.name })
    .from(site)
    .where(and(eq(site.partnershipId, input.partnershipId), inArray(site.organizationId, orgIds)))
    .orderBy(asc(site.name));
  return { organizations, sites };
}
