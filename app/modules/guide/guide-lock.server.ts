import { sql } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";

/**
 * Serializes writers of one section until commit: version numbers are max + 1 and "one
 * published version per section" holds without a partial unique index.
 */
export async function lockGuideSection(tx: Database, sectionId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`filet.guide:${sectionId}`}))`);
}
