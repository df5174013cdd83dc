import { asc, eq } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { partnership } from "./tables.ts";

export interface PartnershipRow {
  id: string;
  slug: string;
  nameFr: string;
  nameEn: string;
  region: string;
  dpjPhone: string;
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
  version: partnership.version,
};

/** Every Table of the installation: only platform admins reach this (partnership.manage). */
export async function listPartnerships(db: Database): Promise<PartnershipRow[]> {
  return db.select(columns).from(partnership).orderBy(asc(partnership.nameFr));
}

export async function getPartnership(db: Database, partnershipId: string): Promise<PartnershipRow | null> {
  const [row] = await db.select(columns).from(partnership).where(eq(partnership.id, partnershipId)).limit(1);
  return row ?? null;
}
