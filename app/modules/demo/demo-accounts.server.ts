import { eq } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { partnership } from "../governance/tables.ts";
import { demoAdmin, type DemoTable } from "./demo-data.ts";
import { quebecTable } from "./demo-quebec.ts";
import { chaudiereAppalachesTable } from "./demo-chaudiere-appalaches.ts";

/*
 * What a start of a demo installation needs without the seeding code: whether the demo is there,
 * and the accounts to print. The seeders (seed-demo.server.ts and every module's use cases they
 * import) are loaded only when the demo has yet to be created, which a restart never needs.
 */

/** Every demo account signs in with this password (shown on the sign-in page in demo mode). */
export const DEMO_PASSWORD = "demo-filet-2026";

export const demoTables: readonly DemoTable[] = [quebecTable, chaudiereAppalachesTable];

/** The accounts one can sign in as, in the order the start banner lists them. */
export const demoAccounts: { email: string; label: string }[] = [demoAdmin, ...demoTables.flatMap((t) => t.people)]
  .filter((p) => p.account)
  .map((p) => ({ email: p.email, label: p.account!.label }));

export async function isDemoSeeded(db: Database): Promise<boolean> {
  const rows = await db.select({ id: partnership.id }).from(partnership).where(eq(partnership.slug, quebecTable.slug)).limit(1);
  return rows.length > 0;
}
