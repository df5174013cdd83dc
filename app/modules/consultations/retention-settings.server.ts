import type { Database } from "../db/client.server.ts";
import { readSettingsRow, settingMonths } from "../governance/settings-row.server.ts";

/** A closed consultation is deleted after this many months. */
export const DEFAULT_CONSULTATION_RETENTION_MONTHS = 12;

export function consultationRetentionOf(settings: Record<string, unknown>): number {
  return settingMonths(settings.consultationRetentionMonths, DEFAULT_CONSULTATION_RETENTION_MONTHS);
}

export async function readConsultationRetentionMonths(db: Database, partnershipId: string): Promise<number> {
  return consultationRetentionOf((await readSettingsRow(db, partnershipId)).settings);
}
