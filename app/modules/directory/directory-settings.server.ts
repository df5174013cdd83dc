import type { Database } from "../db/client.server.ts";
import { readSettingsRow, settingMonths } from "../governance/settings-row.server.ts";

/** An entry of the directory not confirmed within this many months is flagged "to be confirmed". */
export const DEFAULT_DIRECTORY_FRESHNESS_MONTHS = 6;

export function directoryFreshnessOf(settings: Record<string, unknown>): number {
  return settingMonths(settings.directoryFreshnessMonths, DEFAULT_DIRECTORY_FRESHNESS_MONTHS);
}

export async function readDirectoryFreshnessMonths(db: Database, partnershipId: string): Promise<number> {
  return directoryFreshnessOf((await readSettingsRow(db, partnershipId)).settings);
}
