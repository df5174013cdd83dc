import { eq } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { partnership } from "./tables.ts";

/**
 * The Table's stored settings as they are (partnership.settings, jsonb) and its DPJ line. Each
 * module reads its own part with its own parser (directory freshness, consultation retention,
 * meeting kinds, training); app/modules/settings/ composes them for the settings page.
 */
export async function readSettingsRow(db: Database, partnershipId: string): Promise<{ settings: Record<string, unknown>; dpjPhone: string }> {
  const [row] = await db
    .select({ settings: partnership.settings, dpjPhone: partnership.dpjPhone })
    .from(partnership)
    .where(eq(partnership.id, partnershipId))
    .limit(1);
  return { settings: row?.settings ?? {}, dpjPhone: row?.dpjPhone ?? "" };
}

/** A jsonb value is whatever someone stored: only a whole number of months in range is trusted. */
export function settingMonths(value: unknown, fallback: number): number {
  const n = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  return typeof n === "number" && Number.isInteger(n) && n >= 1 && n <= 120 ? n : fallback;
}
