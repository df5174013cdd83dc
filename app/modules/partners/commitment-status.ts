import { daysUntil } from "../time/days.ts";
import { COMMITMENT_DUE_DAYS, type CommitmentStatus } from "./vocabulary.ts";

/**
 * An organization's commitment status on `today`, from the commitment in force that ends
 * last (null: never signed, or none covering today):
 * - signed: in force and ending in more than `dueDays` days;
 * - due: in force and ending within `dueDays` days (renewal to prepare);
 * - late: the last commitment has ended, or the organization never signed.
 */
export function commitmentStatus(
  latest: { startsOn: string; endsOn: string } | null,
  today: string,
  dueDays = COMMITMENT_DUE_DAYS,
): CommitmentStatus {
  if (!latest || latest.endsOn < today) return "late";
  return daysUntil(latest.endsOn, today) <= dueDays ? "due" : "signed";
}
