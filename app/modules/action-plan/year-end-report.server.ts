import { planLiveIndicators } from "../indicators/plan-live.server.ts";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { organization } from "../governance/tables.ts";
import { person } from "../people/tables.ts";
import { responsibility } from "../meetings/responsibilities/tables.ts";
import type { ResponsibilityStatus } from "../meetings/responsibilities/vocabulary.ts";
import { loadPlan, type ActionRow, type FullPlan, type IndicatorRow } from "./read-plan.server.ts";
import type { ActionStatus } from "./vocabulary.ts";

export interface LinkedResponsibility {
  id: string;
  what: string;
  status: ResponsibilityStatus;
  dueOn: string;
  owner: string;
}

export interface IndicatorResult extends IndicatorRow {
  /** actual / target in percent, rounded; null without an actual or with a zero target. */
  percent: number | null;
  met: boolean | null;
  /** Bound to the registry: `actual` is the live value over the plan's year ("suppressed" when protected and small). */
  live?: "value" | "suppressed";
}

export interface YearEndReport {
  plan: FullPlan["plan"];
  objectives: {
    id: string;
    title: string;
    description: string;
    actions: ActionRow[];
    indicators: IndicatorResult[];
    responsibilities: LinkedResponsibility[];
  }[];
  totals: {
    actions: number;
    byStatus: Record<ActionStatus, number>;
    /** Share of the actions kept (not dropped) that were done, in percent. */
    doneRate: number;
    /** Mean progress of the actions kept, in percent. */
    averageProgress: number;
    indicators: number;
    indicatorsMeasured: number;
    indicatorsMet: number;
    responsibilities: number;
    responsibilitiesDone: number;
  };
}

export function indicatorResult(i: IndicatorRow): IndicatorResult {
  if (i.actual === null || i.actual === undefined) return { ...i, percent: null, met: null };
  return { ...i, percent: i.target > 0 ? Math.round((i.actual / i.target) * 100) : null, met: i.actual >= i.target };
}

async function linkedResponsibilities(db: Database, partnershipId: string, objectiveIds: string[]) {
  if (objectiveIds.length === 0) return [];
  return db
    .select({
      id: responsibility.id,
      objectiveId: responsibility.objectiveId,
      what: responsibility.what,
      status: responsibility.status,
      dueOn: responsibility.dueOn,
      givenName: person.givenName,
      familyName: person.familyName,
      orgName: organization.nameFr,
      orgAcronym: organization.acronym,
    })
    .from(responsibility)
    .leftJoin(person, eq(person.id, responsibility.ownerPersonId))
    .leftJoin(organization, eq(organization.id, responsibility.ownerOrganizationId))
    // Table-wide responsibilities only: those scoped to one organization stay inside it.
    .where(and(eq(responsibility.partnershipId, partnershipId), isNull(responsibility.scopeOrganizationId), inArray(responsibility.objectiveId, objectiveIds)))
    .orderBy(responsibility.dueOn);
}

/** What was done against what was planned, indicator results, and the responsibilities tied to each objective. */
export async function buildYearEndReport(db: Database, partnershipId: string, year: number, options: { exact: boolean } = { exact: false }): Promise<YearEndReport | null> {
  const full = await loadPlan(db, partnershipId, year);
  if (!full) return null;
  const codes = full.objectives.flatMap((o) => o.indicators.map((i) => i.indicatorCode).filter((c): c is string => !!c));
  const { live } = await planLiveIndicators(db, { partnershipId, year, codes, exact: options.exact, locale: "fr", withChoices: false });
  const withLive = (i: IndicatorRow): IndicatorResult => {
    const l = i.indicatorCode ? live[i.indicatorCode] : undefined;
    if (!l) return indicatorResult(i);
    const target = l.target ?? i.target;
    if (l.number === null) return { ...i, target, actual: null, percent: null, met: null, live: "suppressed" };
    return { ...indicatorResult({ ...i, target, actual: l.number }), live: "value" };
  };
  const links = await linkedResponsibilities(db, partnershipId, full.objectives.map((o) => o.id));
  const objectives = full.objectives.map((o) => ({
    id: o.id,
    title: o.title,
    description: o.description,
    actions: o.actions,
    indicators: o.indicators.map(withLive),
    responsibilities: links
      .filter((r) => r.objectiveId === o.id)
      .map((r) => ({
        id: r.id,
        what: r.what,
        status: r.status,
        dueOn: r.dueOn,
        owner: r.givenName ? `${r.givenName} ${r.familyName ?? ""}`.trim() : r.orgAcronym || r.orgName || "",
      })),
  }));
  const actions = objectives.flatMap((o) => o.actions);
  const byStatus: Record<ActionStatus, number> = { planned: 0, in_progress: 0, done: 0, dropped: 0 };
  for (const a of actions) byStatus[a.status]++;
  const kept = actions.filter((a) => a.status !== "dropped");
  const indicators = objectives.flatMap((o) => o.indicators);
  const responsibilities = objectives.flatMap((o) => o.responsibilities);
  return {
    plan: full.plan,
    objectives,
    totals: {
      actions: actions.length,
      byStatus,
      doneRate: kept.length ? Math.round((byStatus.done / kept.length) * 100) : 0,
      averageProgress: kept.length ? Math.round(kept.reduce((s, a) => s + a.progress, 0) / kept.length) : 0,
      indicators: indicators.length,
      indicatorsMeasured: indicators.filter((i) => i.met !== null).length,
      indicatorsMet: indicators.filter((i) => i.met === true).length,
      responsibilities: responsibilities.length,
      responsibilitiesDone: responsibilities.filter((r) => r.status === "done").length,
    },
  };
}
