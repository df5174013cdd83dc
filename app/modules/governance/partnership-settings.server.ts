import { eq } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { partnership } from "./tables.ts";
import { parseMeetingKinds } from "../meetings/meeting-kinds.ts";
import type { CustomMeetingKind } from "../meetings/vocabulary.ts";

/** The per-Table settings other modules read; stored in partnership.settings (jsonb) except the DPJ phone. */
export interface PartnershipSettings {
  /** An entry of the directory not confirmed within this many months is flagged "to be confirmed". */
  directoryFreshnessMonths: number;
  /** A closed consultation is deleted after this many months. */
  consultationRetentionMonths: number;
  /** Regional DPJ reporting line (partnership.dpj_phone). */
  dpjPhone: string;
  /** Meeting kinds the Table added to the built-in ones. */
  meetingKinds: CustomMeetingKind[];
}

export const DEFAULT_DIRECTORY_FRESHNESS_MONTHS = 6;
export const DEFAULT_CONSULTATION_RETENTION_MONTHS = 12;

/** A jsonb value is whatever someone stored: only a whole number in range is trusted. */
function monthsOr(value: unknown, fallback: number): number {
  const n = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  return typeof n === "number" && Number.isInteger(n) && n >= 1 && n <= 120 ? n : fallback;
}

export function parsePartnershipSettings(settings: Record<string, unknown> | null | undefined, dpjPhone: string): PartnershipSettings {
  const s = settings ?? {};
  return {
    directoryFreshnessMonths: monthsOr(s.directoryFreshnessMonths, DEFAULT_DIRECTORY_FRESHNESS_MONTHS),
    consultationRetentionMonths: monthsOr(s.consultationRetentionMonths, DEFAULT_CONSULTATION_RETENTION_MONTHS),
    dpjPhone,
    meetingKinds: parseMeetingKinds(s.meetingKinds),
  };
}

/** The Table's settings with defaults; an unknown Table gets the defaults (callers scope before). */
export async function readPartnershipSettings(db: Database, partnershipId: string): Promise<PartnershipSettings> {
  const [row] = await db
    .select({ settings: partnership.settings, dpjPhone: partnership.dpjPhone })
    .from(partnership)
    .where(eq(partnership.id, partnershipId))
    .limit(1);
  return parsePartnershipSettings(row?.settings, row?.dpjPhone ?? "");
}

