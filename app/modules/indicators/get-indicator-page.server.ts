import type { Database } from "../db/client.server.ts";
import { missing, ok, type NotFound, type Ok } from "../outcome/outcome.ts";
import { discloseIndicator } from "./disclose-indicator.server.ts";
import { wholeTableFigure, type DisclosedFigures, type Figure, type Viewer } from "./disclose.server.ts";
import { disaggregations, type Disaggregation, type IndicatorDefinition } from "./figures.ts";
import { resolvePeriods, progressOf, type DashboardPeriods } from "./get-dashboard.server.ts";
import { previousPeriod, type Period } from "./periods.ts";
import { indicatorByCode } from "./registry.server.ts";
import { tableOrganizations } from "./table-organizations.server.ts";
import { indicatorTargets, tableTargets, type TargetRow } from "./targets.server.ts";

export const TREND_LENGTH = 5;

export interface IndicatorPage extends DashboardPeriods {
  definition: Omit<IndicatorDefinition, "compute"> & { better: "higher" | "lower" };
  by: Disaggregation | null;
  figures: DisclosedFigures;
  value: Figure;
  target: number | null;
  progress: number | null;
  met: boolean | null;
  targets: TargetRow[];
  /** Oldest first: the same kind of period, ending with the one shown. */
  trend: { key: string; kind: Period["kind"]; year: number; part?: number; value: Figure; target: number | null }[];
  exact: boolean;
  threshold: number;
}

/** A breakdown read from a URL: one the indicator offers, else the whole Table. */
export function parseBreakdown(value: string | null, offered: readonly Disaggregation[]): Disaggregation | null {
  return value && (disaggregations as readonly string[]).includes(value) && offered.includes(value as Disaggregation) ? (value as Disaggregation) : null;
}

export async function getIndicatorPage(
  db: Database,
  input: { partnershipId: string; code: string; periodKey: string | null; by: string | null; foundedYear: number | null; exact: boolean },
): Promise<Ok<IndicatorPage> | NotFound> {
  const definition = indicatorByCode(input.code);
  if (!definition) return missing();
  const periods = await resolvePeriods(db, input.partnershipId, input.periodKey, input.foundedYear);
  const viewer: Viewer = { exact: input.exact, threshold: periods.threshold };
  const by = parseBreakdown(input.by, definition.disaggregations);
  const organizations = await tableOrganizations(db, input.partnershipId);
  const figuresFor = async (period: Period, breakdown: Disaggregation | null) =>
    discloseIndicator(db, definition, { partnershipId: input.partnershipId, period, by: breakdown, today: periods.today }, viewer, organizations);
  const figures = await figuresFor(periods.period, by);
  const chain: Period[] = [periods.period];
  while (chain.length < TREND_LENGTH) chain.unshift(previousPeriod(chain[0] as Period, periods.fiscalStartMonth, periods.today));
  const targets = await indicatorTargets(db, input.partnershipId, definition.code, periods.period.key);
  // The trend's Table-wide targets in one query (not one per period).
  const tableWide = await tableTargets(db, input.partnershipId, chain.map((p) => p.key));
  const trendTargets = new Map<string, number>();
  for (const period of chain) {
    const t = tableWide.get(`${definition.code}|${period.key}`);
    if (t) trendTargets.set(period.key, t.target);
  }
  const trend = [];
  for (const period of chain) {
    const value = by === null && period.key === periods.period.key ? wholeTableFigure(figures) : wholeTableFigure(await figuresFor(period, null));
    trend.push({ key: period.key, kind: period.kind, year: period.year, ...(period.part ? { part: period.part } : {}), value, target: trendTargets.get(period.key) ?? null });
  }
  const value = (trend[trend.length - 1] as (typeof trend)[number]).value;
  const target = trendTargets.get(periods.period.key) ?? null;
  const { compute: _compute, ...meta } = definition;
  const better = definition.better ?? "higher";
  return ok({
    period: periods.period,
    previous: periods.previous,
    choices: periods.choices,
    definition: { ...meta, better },
    by,
    figures,
    value,
    target,
    ...progressOf(value, target, better),
    targets,
    trend,
    exact: input.exact,
    threshold: periods.threshold,
  });
}
