import { sql } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";

/**
 * Serializes writers of one Table's pathway until commit: version numbers are max + 1 and
 * "one published version at a time" holds without a unique index, and two first visits at
 * once create the default only once.
 */
export async function lockPathway(tx: Database, partnershipId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`filet.pathway:${partnershipId}`}))`);
}
