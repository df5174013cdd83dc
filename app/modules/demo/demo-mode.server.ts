import { eq } from "drizzle-orm";
import type { Config } from "../config/config.server.ts";
import type { Database } from "../db/client.server.ts";
import { installationSetting } from "../governance/tables.ts";

/**
 * Demo mode is switched on only for a brand-new embedded data folder outside production, or
 * when FILET_DEMO=1 says so. The decision is kept in the database, so a restart keeps it.
 */
export async function decideDemoMode(db: Database, config: Config, freshDataDir: boolean): Promise<boolean> {
  const [stored] = await db
    .select({ value: installationSetting.value })
    .from(installationSetting)
    .where(eq(installationSetting.key, "demo_mode"));
  let demo: boolean;
  if (config.FILET_DEMO !== undefined) demo = config.FILET_DEMO;
  else if (stored) demo = stored.value === true;
  else demo = freshDataDir && !config.isProduction;
  await db
    .insert(installationSetting)
    .values({ key: "demo_mode", value: demo })
    .onConflictDoUpdate({ target: installationSetting.key, set: { value: demo, updatedAt: new Date() } });
  return demo;
}
