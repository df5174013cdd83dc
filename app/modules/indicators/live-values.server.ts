import type { Locale } from "../../i18n/types.ts";
import type { Database } from "../db/client.server.ts";
import { quebecDay } from "../time/days.ts";
import { discloseIndicator } from "./disclose-indicator.server.ts";
import { wholeTableFigure } from "./disclose.server.ts";
import { parsePeriod } from "./periods.ts";
import { readEvaluationSettings } from "./read-evaluation-settings.server.ts";
import { indicatorByCode, indicatorRegistry } from "./registry.server.ts";
import { tableOrganizations } from "./table-organizations.server.ts";
import { indicatorWords } from "./words.server.ts";

export interface LiveValue {
  /** The figure as text ("x" when protected and suppressed). */
  text: string;
  /** The number, when it may be shown (for progress against a target). */
  value: number | null;
  better: "higher" | "lower";
}

/**
 * The live whole-Table value of some registry indicators over one period, through disclosure
 * control like every figure (exact only for the Table coordinator): what the action plan, its
 * year-end report and the hub show next to a bound indicator.
 */
export async function liveIndicatorValues(
  db: Database,
  input: { partnershipId: string; codes: readonly string[]; periodKey: string; exact: boolean; locale: Locale },
): Promise<Record<string, LiveValue>> {
  const codes = [...new Set(input.codes)].filter((c) => indicatorByCode(c));
  if (!codes.length) return {};
  const settings = await readEvaluationSettings(db, input.partnershipId);
  const today = quebecDay();
  const period = parsePeriod(input.periodKey, settings.fiscalYearStartMonth, today);
  if (!period) return {};
  const organizations = await tableOrganizations(db, input.partnershipId);
  const w = indicatorWords(input.locale);
  const out: Record<string, LiveValue> = {};
  for (const code of codes) {
    const definition = indicatorByCode(code);
    if (!definition) continue;
    const viewer = { exact: input.exact, threshold: settings.suppressionThreshold };
    const figure = wholeTableFigure(await discloseIndicator(db, definition, { partnershipId: input.partnershipId, period, by: null, today }, viewer, organizations));
    out[code] = { text: w.figure(figure, definition.type, definition.decimals), value: "value" in figure ? figure.value : null, better: definition.better ?? "higher" };
  }
  return out;
}

/** The registry as choices for a form (bind a plan indicator): code and name, in the dashboard's order. */
export function registryChoices(locale: Locale): { value: string; label: string }[] {
  const w = indicatorWords(locale);
  return indicatorRegistry.map((d) => ({ value: d.code, label: w.name(d.code) }));
}

export const isRegistryCode = (code: string): boolean => !!indicatorByCode(code);
