import { and, asc, eq, sql } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { organization, site } from "../governance/tables.ts";
import { person } from "../people/tables.ts";
import { isCurrentDesignation } from "./current.server.ts";
import { pivotDesignation } from "./tables.ts";
import { quebecDay } from "../time/days.ts";

export interface ContactPivot {
  designationId: string;
  personId: string;
  givenName: string;
  familyName: string;
  title: string;
  organizationId: string;
  organizationNameFr: string;
  organizationNameEn: string;
  organizationAcronym: string;
  siteName: string | null;
  rank: "primary" | "backup";
  /** The designation's contact channel, else the person's. */
  phone: string;
  email: string;
  languages: string[];
  availability: string;
}

/**
 * The pivots a worker should call: those of their own organization first (their own site's
 * first, then primary before backup), then the other organizations' pivots of the Table,
 * grouped by organization. Current designations only.
 */
export async function listContactPivots(
  db: Database,
  input: { partnershipId: string; organizationId: string | null; siteId: string | null; today?: string },
): Promise<{ own: ContactPivot[]; others: ContactPivot[] }> {
  const today = input.today ?? quebecDay();
  const rows = await db
    .select({
      designationId: pivotDesignation.id,
      personId: pivotDesignation.personId,
      siteId: pivotDesignation.siteId,
      givenName: person.givenName,
      familyName: person.familyName,
      title: person.title,
      organizationId: pivotDesignation.organizationId,
      organizationNameFr: organization.nameFr,
      organizationNameEn: organization.nameEn,
      organizationAcronym: organization.acronym,
      siteName: site.name,
      rank: pivotDesignation.rank,
      contactPhone: pivotDesignation.contactPhone,
      contactEmail: pivotDesignation.contactEmail,
      personPhone: person.phone,
      personEmail: person.email,
      languages: pivotDesignation.languages,
      availability: pivotDesignation.availability,
    })
    .from(pivotDesignation)
    .innerJoin(person, eq(person.id, pivotDesignation.personId))
    .innerJoin(organization, and(eq(organization.id, pivotDesignation.organizationId), eq(organization.partnershipId, input.partnershipId)))
    .leftJoin(site, eq(site.id, pivotDesignation.siteId))
    .where(and(eq(pivotDesignation.partnershipId, input.partnershipId), isCurrentDesignation(today), sql`(${organization.leftOn} is null or ${organization.leftOn} > ${today})`))
    .orderBy(
      asc(organization.nameFr),
      asc(organization.id),
      sql`case when ${pivotDesignation.rank} = 'primary' then 0 else 1 end`,
      asc(person.familyName),
      asc(person.givenName),
    );
  const toPivot = (r: (typeof rows)[number]): ContactPivot => ({
    designationId: r.designationId,
    personId: r.personId,
    givenName: r.givenName,
    familyName: r.familyName,
    title: r.title,
    organizationId: r.organizationId,
    organizationNameFr: r.organizationNameFr,
    organizationNameEn: r.organizationNameEn,
    organizationAcronym: r.organizationAcronym,
    siteName: r.siteName ?? null,
    rank: r.rank,
    phone: r.contactPhone || r.personPhone,
    email: r.contactEmail || r.personEmail,
    languages: r.languages,
    availability: r.availability,
  });
  const ownRows = rows.filter((r) => input.organizationId && r.organizationId === input.organizationId);
  // Stable sort keeps the rank/name order inside each group.
  const siteFirst = [...ownRows].sort((a, b) => siteWeight(a.siteId, input.siteId) - siteWeight(b.siteId, input.siteId));
  return {
    own: siteFirst.map(toPivot),
    others: rows.filter((r) => !(input.organizationId && r.organizationId === input.organizationId)).map(toPivot),
  };
}

/** Own site first, then organization-wide pivots (no site), then other sites of the organization. */
function siteWeight(siteId: string | null, ownSiteId: string | null): number {
  if (ownSiteId && siteId === ownSiteId) return 0;
  return siteId === null ? 1 : 2;
}
