import type { Database } from "../db/client.server.ts";
import { directoryFreshnessOf } from "../directory/directory-settings.server.ts";
import { readSettingsRow } from "../governance/settings-row.server.ts";
import { parseMeetingKinds } from "../meetings/meeting-kinds.ts";
import type { CustomMeetingKind } from "../meetings/vocabulary.ts";

export { DEFAULT_DIRECTORY_FRESHNESS_MONTHS } from "../directory/directory-settings.server.ts";

/**
 * The per-Table settings, composed from each module's own part (stored in partnership.settings,
 * jsonb, except the DPJ phone). Modules read their part themselves; this is for the settings page.
 */
export interface PartnershipSettings {
  /** An entry of the directory not confirmed within this many months is flagged "to be confirmed". */
  directoryFreshnessMonths: number;
  /** Regional DPJ reporting line (partnership.dpj_phone). */
  dpjPhone: string;
  /** Meeting kinds the Table added to the built-in ones. */
  meetingKinds: CustomMeetingKind[];
}

export function parsePartnershipSettings(settings: Record<string, unknown> | null | undefined, dpjPhone: string): PartnershipSettings {
  const s = settings ?? {};
  return {
    directoryFreshnessMonths: directoryFreshnessOf(s),
    dpjPhone,
    meetingKinds: parseMeetingKinds(s.meetingKinds),
  };
}

/** The Table's settings with defaults; an unknown Table gets the defaults (callers scope before). */
export async function readPartnershipSettings(db: Database, partnershipId: string): Promise<PartnershipSettings> {
  const row = await readSettingsRow(db, partnershipId);
  return parsePartnershipSettings(row.settings, row.dpjPhone);
}
