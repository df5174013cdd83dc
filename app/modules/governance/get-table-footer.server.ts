import { eq } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { partnership } from "./tables.ts";
import { tableContactOf, type TableFooter } from "./table-contact.ts";

/** The signed-in person's Table, as every page's footer names it; none before sign-in. */
export async function getTableFooter(db: Database, partnershipId: string | null): Promise<TableFooter | null> {
  if (!partnershipId) return null;
  const [row] = await db
    .select({ nameFr: partnership.nameFr, nameEn: partnership.nameEn, settings: partnership.settings })
    .from(partnership)
    .where(eq(partnership.id, partnershipId))
    .limit(1);
  return row ? { nameFr: row.nameFr, nameEn: row.nameEn, ...tableContactOf(row.settings) } : null;
}
