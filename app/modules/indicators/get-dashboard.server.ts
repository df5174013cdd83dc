import type { Database } from "../db/client.server.ts";
import { quebecDay } from "../time/days.ts";
import { wholeTableFigure, type Figure, type Viewer } from "./disclose.server.ts";
import { discloseIndicator } from "./disclose-indicator.server.ts";
import { themes, type Disaggregation, type IndicatorDefinition, type Theme } from "./figures.ts";
import { fiscalYearOf, parsePeriod, periodChoices, previousPeriod, type Period } from "./periods.ts";
import { readEvaluationSettings } from "./read-evaluation-settings.server.ts";
import { indicatorRegistry } from "./registry.server.ts";
import { tableOrganizations } from "./table-organizations.server.ts";
import { tableTargets } from "./targets.server.ts";

export interface IndicatorSummary {
  code: string;
  theme: Theme;
  type: IndicatorDefinition["type"];
  decimals: number;
  module: string;
  better: "higher" | "lower";
  value: Figure;
  previous: Figure;
  target: number | null;
  /** Share of the target reached (higher is better) — null without a target or a value. */
  progress: number | null;
  met: boolean | null;
  /** The breakdown asked for, when the indicator offers it: one figure per group (the row's total for categories). */
  breakdown: { key: string; name?: { fr: string; en: string }; value: Figure }[] | null;
}

export interface DashboardPeriods {
  period: Period;
  previous: Period;
  choices: Pick<Period, "key" | "kind" | "year" | "part">[];
}

export interface Dashboard extends DashboardPeriods {
  by: Disaggregation | null;
  exact: boolean;
  threshold: number;
  themes: { theme: Theme; indicators: IndicatorSummary[] }[];
}

/** The period a request names (default: the current fiscal year), its predecessor and the choices offered. */
export async function resolvePeriods(db: Database, partnershipId: string, periodKey: string | null, foundedYear: number | null): Promise<DashboardPeriods & { threshold: number; fiscalStartMonth: number; today: string }> {
  const settings = await readEvaluationSettings(db, partnershipId);
  const today = quebecDay();
  const fallback = fiscalYearOf(today, settings.fiscalYearStartMonth);
  const period = (periodKey ? parsePeriod(periodKey, settings.fiscalYearStartMonth, today) : null) ?? (parsePeriod(fallback, settings.fiscalYearStartMonth, today) as Period);
  const previous = previousPeriod(period, settings.fiscalYearStartMonth, today);
  const first = Math.max(1990, Math.min(foundedYear ?? Number(today.slice(0, 4)) - 4, Number(today.slice(0, 4)) - 1));
  const choices = periodChoices(today, settings.fiscalYearStartMonth, first).map(({ key, kind, year, part }) => ({ key, kind, year, ...(part ? { part } : {}) }));
  if (!choices.some((c) => c.key === period.key)) choices.push({ key: period.key, kind: period.kind, year: period.year, ...(period.part ? { part: period.part } : {}) });
  return { period, previous, choices, threshold: settings.suppressionThreshold, fiscalStartMonth: settings.fiscalYearStartMonth, today };
}

export function progressOf(value: Figure, target: number | null, better: "higher" | "lower"): { progress: number | null; met: boolean | null } {
  if (target === null || !("value" in value)) return { progress: null, met: null };
  if (better === "lower") return { progress: null, met: value.value <= target };
  return { progress: target === 0 ? 100 : Math.round((value.value / target) * 1000) / 10, met: value.value >= target };
}

/** Every indicator's whole-Table figure for a period, against its target and the previous period. */
export async function getDashboard(
  db: Database,
  input: { partnershipId: string; periodKey: string | null; by: Disaggregation | null; foundedYear: number | null; exact: boolean },
): Promise<Dashboard> {
  const periods = await resolvePeriods(db, input.partnershipId, input.periodKey, input.foundedYear);
  const viewer: Viewer = { exact: input.exact, threshold: periods.threshold };
  const [organizations, targets] = await Promise.all([tableOrganizations(db, input.partnershipId), tableTargets(db, input.partnershipId, [periods.period.key])]);
  const disclosed = async (definition: IndicatorDefinition, period: Period, by: Disaggregation | null) =>
    discloseIndicator(db, definition, { partnershipId: input.partnershipId, period, by, today: periods.today }, viewer, organizations);
  const figureOf = async (definition: IndicatorDefinition, period: Period) => wholeTableFigure(await disclosed(definition, period, null));
  const summaries: IndicatorSummary[] = [];
  // One indicator after another: PGlite runs one query at a time anyway, and PostgreSQL's pool stays free for other pages.
  for (const definition of indicatorRegistry) {
    const better = definition.better ?? "higher";
    const value = await figureOf(definition, periods.period);
    const previous = await figureOf(definition, periods.previous);
    const offered = input.by !== null && definition.disaggregations.includes(input.by);
    const breakdown = offered ? (await disclosed(definition, periods.period, input.by)).rows.map((r) => ({ key: r.key, ...(r.name ? { name: r.name } : {}), value: r.cells[r.cells.length - 1] ?? { empty: true as const } })) : null;
    const target = targets.get(`${definition.code}|${periods.period.key}`)?.target ?? null;
    summaries.push({ code: definition.code, theme: definition.theme, type: definition.type, decimals: definition.decimals, module: definition.module, better, value, previous, target, ...progressOf(value, target, better), breakdown });
  }
  return {
    ...periods,
    by: input.by,
    exact: input.exact,
    threshold: periods.threshold,
    themes: themes.map((theme) => ({ theme, indicators: summaries.filter((s) => s.theme === theme) })).filter((t) => t.indicators.length > 0),
  };
}
