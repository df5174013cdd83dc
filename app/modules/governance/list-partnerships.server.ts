import { asc, eq } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { partnership } from "./tables.ts";
import { tableContactOf } from "./table-contact.ts";

export interface PartnershipRow {
  id: string;
  slug: string;
  nameFr: string;
  nameEn: string;
  region: string;
  dpjPhone: string;
  contactEmail: string;
  contactPhone: string;
  foundedOn: string | null;
  version: number;
}

const columns = {
  id: partnership.id,
  slug: partnership.slug,
  nameFr: partnership.nameFr,
  nameEn: partnership.nameEn,
  region: partnership.region,
  dpjPhone: partnership.dpjPhone,
  foundedOn: partnership.foundedOn,
  settings: partnership.settings,
  version: partnership.version,
};

function toRow({ settings, ...row }: Omit<PartnershipRow, "contactEmail" | "contactPhone"> & { settings: Record<string, unknown> }): PartnershipRow {
  const contact = tableContactOf(settings);
  return { ...row, contactEmail: contact.email, contactPhone: contact.phone };
}

/** Every Table of the installation: only platform admins reach this (partnership.manage). */
export async function listPartnerships(db: Database): Promise<PartnershipRow[]> {
  return (await db.select(columns).from(partnership).orderBy(asc(partnership.nameFr))).map(toRow);
}

export async function getPartnership(db: Database, partnershipId: string): Promise<PartnershipRow | null> {
  const [row] = await db.select(columns).from(partnership).where(eq(partnership.id, partnershipId)).limit(1);
  return row ? toRow(row) : null;
}
