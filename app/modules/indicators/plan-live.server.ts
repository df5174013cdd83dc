import type { Locale } from "../../i18n/types.ts";
import type { Database } from "../db/client.server.ts";
import { liveIndicatorValues, registryChoices } from "./live-values.server.ts";
import { tableTargets } from "./targets.server.ts";

export interface PlanLiveIndicator {
  /** The live value as text, through disclosure control. */
  value: string;
  /** The same as a number, null when suppressed or with nothing to compute. */
  number: number | null;
  /** The registry's target for the plan's year (the one the dashboard shows), when there is one. */
  target: number | null;
  met: boolean | null;
}

/**
 * What an action plan's bound indicators show: the live value of their registry indicator over
 * the plan's (calendar) year, against the registry's target for that year.
 */
export async function planLiveIndicators(
  db: Database,
  input: { partnershipId: string; year: number; codes: readonly string[]; exact: boolean; locale: Locale; withChoices: boolean },
): Promise<{ live: Record<string, PlanLiveIndicator>; choices: { value: string; label: string }[] }> {
  const periodKey = String(input.year);
  const [values, targets] = await Promise.all([
    liveIndicatorValues(db, { partnershipId: input.partnershipId, codes: input.codes, periodKey, exact: input.exact, locale: input.locale }),
    tableTargets(db, input.partnershipId, [periodKey]),
  ]);
  const live: Record<string, PlanLiveIndicator> = {};
  for (const [code, v] of Object.entries(values)) {
    const target = targets.get(`${code}|${periodKey}`)?.target ?? null;
    const met = target === null || v.value === null ? null : v.better === "lower" ? v.value <= target : v.value >= target;
    live[code] = { value: v.text, number: v.value, target, met };
  }
  return { live, choices: input.withChoices ? registryChoices(input.locale) : [] };
}
