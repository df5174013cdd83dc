import { and, eq } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { ensureDefaultPathway } from "./ensure-default-pathway.server.ts";
import { pathwayVersion, type PathwayContent } from "./tables.ts";

export interface PublishedPathway {
  id: string;
  number: number;
  content: PathwayContent;
  validatedByTable: boolean;
  publishedAt: Date | null;
}

async function readPublished(db: Database, partnershipId: string): Promise<PublishedPathway | null> {
  const [row] = await db
    .select({
      id: pathwayVersion.id,
      number: pathwayVersion.number,
      content: pathwayVersion.content,
      validatedByTable: pathwayVersion.validatedByTable,
      publishedAt: pathwayVersion.publishedAt,
    })
    .from(pathwayVersion)
    .where(and(eq(pathwayVersion.partnershipId, partnershipId), eq(pathwayVersion.status, "published")))
    .limit(1);
  return row ?? null;
}

/**
 * The version readers see. The very first visit of a Table creates the shipped default
 * (one audited write, once per Table); every later visit is a single indexed read.
 */
export async function getPublishedPathway(db: Database, partnershipId: string): Promise<PublishedPathway | null> {
  const found = await readPublished(db, partnershipId);
  if (found) return found;
  await db.transaction((tx) => ensureDefaultPathway(tx, partnershipId));
  return readPublished(db, partnershipId);
}
