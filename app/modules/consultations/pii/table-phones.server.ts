import { and, eq, gt, isNull, or } from "drizzle-orm";
import type { Database } from "../../db/client.server.ts";
import { isCurrentDesignation } from "../../directory/current.server.ts";
import { pivotDesignation } from "../../directory/tables.ts";
import { tableContactOf } from "../../governance/table-contact.ts";
import { organization, partnership, site } from "../../governance/tables.ts";
import { person } from "../../people/tables.ts";
import { quebecDay } from "../../time/days.ts";
import { findIdentifyingDetails, type PublicPhones } from "./find-identifying-details.ts";
import { phoneKey } from "./phone-key.ts";

/** Every number written in a stored phone field ("418 555-0100, poste 2 / 418 555-0101" holds two). */
function keysOf(stored: string): string[] {
  const found = findIdentifyingDetails(stored).filter((f) => f.kind === "phone").map((f) => phoneKey(f.text));
  const whole = phoneKey(stored);
  return whole.length >= 3 && whole.length <= 10 ? [...found, whole] : found;
}

/**
 * The public numbers of one Table: its contact line and DPJ line (settings), and the phones its
 * directory shows — member organizations, their sites, the current pivots (the designation's
 * line, else the person's, as the directory prints it). Another Table's numbers are not here.
 */
export async function tablePublicPhones(db: Database, partnershipId: string, today = quebecDay()): Promise<PublicPhones> {
  const member = and(eq(organization.partnershipId, partnershipId), or(isNull(organization.leftOn), gt(organization.leftOn, today)));
  const [table] = await db
    .select({ settings: partnership.settings, dpjPhone: partnership.dpjPhone })
    .from(partnership)
    .where(eq(partnership.id, partnershipId))
    .limit(1);
  const organizations = await db.select({ phone: organization.phone }).from(organization).where(member);
  const sites = await db
    .select({ phone: site.phone })
    .from(site)
    .innerJoin(organization, eq(organization.id, site.organizationId))
    .where(and(eq(site.partnershipId, partnershipId), member));
  const pivots = await db
    .select({ contactPhone: pivotDesignation.contactPhone, personPhone: person.phone })
    .from(pivotDesignation)
    .innerJoin(person, eq(person.id, pivotDesignation.personId))
    .innerJoin(organization, eq(organization.id, pivotDesignation.organizationId))
    .where(and(eq(pivotDesignation.partnershipId, partnershipId), isCurrentDesignation(today), member));
  const stored = [
    table ? tableContactOf(table.settings).phone : "",
    table?.dpjPhone ?? "",
    ...organizations.map((o) => o.phone),
    ...sites.map((s) => s.phone),
    ...pivots.map((p) => p.contactPhone || p.personPhone),
  ];
  return new Set(stored.flatMap(keysOf));
}

/**
 * The Table's public numbers when one of the texts holds a phone at all (most texts hold none:
 * no query for them); undefined otherwise, which leaves the guard as strict as before.
 */
export async function publicPhonesFor(db: Database, partnershipId: string, texts: string[]): Promise<PublicPhones | undefined> {
  if (!texts.some((text) => findIdentifyingDetails(text).some((f) => f.kind === "phone"))) return undefined;
  return tablePublicPhones(db, partnershipId);
}
