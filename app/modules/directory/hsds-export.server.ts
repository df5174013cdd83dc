import { createHash } from "node:crypto";
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { organization, site } from "../governance/tables.ts";
import { listContactPivots, type ContactPivot } from "./list-contact-pivots.server.ts";
import { quebecDay } from "../time/days.ts";

/**
 * Open Referral HSDS 3.0 export of one Table (compiled "organization" objects with their
 * services, locations, contacts and phones). Field names follow
 * ../shared/standards/hsds-3.0/compiled/organization.json; a test validates the output.
 */

/** Name-based UUID (v5 layout) so sub-records without a row of their own keep the same id between exports. */
export function stableUuid(...parts: string[]): string {
  const hash = createHash("sha1").update(`filet-hsds:${parts.join(":")}`).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

const LANGUAGE_NAMES: Record<string, string> = {
  fr: "French",
  en: "English",
  es: "Spanish",
  ar: "Arabic",
  iu: "Inuktitut",
  cr: "Cree",
};

export interface HsdsPhone {
  id: string;
  number: string;
  organization_id?: string;
  location_id?: string;
  contact_id?: string;
  service_id?: string;
  type?: string;
}

export interface HsdsContact {
  id: string;
  organization_id: string;
  service_id?: string;
  location_id?: string;
  name: string;
  title: string;
  email?: string;
  phones: HsdsPhone[];
}

export interface HsdsOrganization {
  id: string;
  name: string;
  alternate_name: string;
  description: string;
  website?: string;
  phones: HsdsPhone[];
  contacts: HsdsContact[];
  locations: Record<string, unknown>[];
  services: Record<string, unknown>[];
}

function isUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function contactOf(p: ContactPivot, siteIds: Map<string, string>, serviceId: string): HsdsContact {
  const contact: HsdsContact = {
    id: p.designationId,
    organization_id: p.organizationId,
    service_id: serviceId,
    name: `${p.givenName} ${p.familyName}`,
    title: p.title,
    phones: p.phone ? [{ id: stableUuid("contact-phone", p.designationId), contact_id: p.designationId, number: p.phone, type: "voice" }] : [],
  };
  const locationId = p.siteName ? siteIds.get(`${p.organizationId}:${p.siteName}`) : undefined;
  if (locationId) contact.location_id = locationId;
  if (EMAIL.test(p.email)) contact.email = p.email;
  return contact;
}

/** The Table's current organizations as HSDS 3.0 organizations; pivots are the contacts. */
export async function exportHsdsOrganizations(db: Database, input: { partnershipId: string; today?: string }): Promise<HsdsOrganization[]> {
  const today = input.today ?? quebecDay();
  const orgs = await db
    .select()
    .from(organization)
    .where(and(eq(organization.partnershipId, input.partnershipId), isNull(organization.leftOn)))
    .orderBy(asc(organization.nameFr));
  const sites = await db.select().from(site).where(eq(site.partnershipId, input.partnershipId)).orderBy(asc(site.name));
  const { others: pivots } = await listContactPivots(db, { partnershipId: input.partnershipId, organizationId: null, siteId: null, today });
  const siteIds = new Map(sites.map((s) => [`${s.organizationId}:${s.name}`, s.id]));

  return orgs.map((o) => {
    const orgPivots = pivots.filter((p) => p.organizationId === o.id);
    const pivotServiceId = stableUuid("pivot-service", o.id);
    const contacts = orgPivots.map((p) => contactOf(p, siteIds, pivotServiceId));
    const languages = [...new Set([...o.languages, ...orgPivots.flatMap((p) => p.languages)])];
    const services: Record<string, unknown>[] = [];
    if (o.services.trim()) {
      const id = stableUuid("service", o.id);
      services.push({
        id,
        organization_id: o.id,
        name: o.nameFr,
        alternate_name: o.nameEn,
        description: o.services,
        status: "active",
        languages: o.languages.map((code) => ({ id: stableUuid("service-language", id, code), service_id: id, code, name: LANGUAGE_NAMES[code] ?? code })),
      });
    }
    if (orgPivots.length) {
      services.push({
        id: pivotServiceId,
        organization_id: o.id,
        name: "Intervenant·es pivots — exploitation sexuelle des mineurs",
        alternate_name: "Pivot workers — sexual exploitation of minors",
        description:
          "Intervenant·es désigné·es par l'organisation pour conseiller leurs collègues et les partenaires de la Table. / Workers designated by the organization to advise colleagues and the Table's partners.",
        status: "active",
        languages: languages.map((code) => ({ id: stableUuid("service-language", pivotServiceId, code), service_id: pivotServiceId, code, name: LANGUAGE_NAMES[code] ?? code })),
        contacts,
      });
    }
    const locations = sites
      .filter((s) => s.organizationId === o.id)
      .map((s) => ({
        id: s.id,
        location_type: "physical",
        organization_id: o.id,
        name: s.name,
        description: s.kind,
        addresses:
          s.address && s.municipality
            ? [
                {
                  id: stableUuid("address", s.id),
                  location_id: s.id,
                  address_1: s.address,
                  city: s.municipality,
                  region: s.territory,
                  state_province: "QC",
                  postal_code: "",
                  country: "CA",
                  address_type: "physical",
                },
              ]
            : [],
        phones: s.phone ? [{ id: stableUuid("location-phone", s.id), location_id: s.id, number: s.phone, type: "voice" }] : [],
      }));
    const result: HsdsOrganization = {
      id: o.id,
      name: o.nameFr,
      alternate_name: o.nameEn,
      description: o.mission || o.nameFr,
      phones: o.phone ? [{ id: stableUuid("organization-phone", o.id), organization_id: o.id, number: o.phone, type: "voice" }] : [],
      contacts,
      locations,
      services,
    };
    if (o.website && isUrl(o.website)) result.website = o.website;
    return result;
  });
}
