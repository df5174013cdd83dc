import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { actionPlan, actionPlanAction } from "../action-plan/tables.ts";
import { grant, grantReportDate, grantSpending } from "./tables.ts";

export type GrantRow = typeof grant.$inferSelect;
export type ReportDateRow = typeof grantReportDate.$inferSelect;

export interface SpendingRow {
  id: string;
  amount: number;
  spentOn: string;
  label: string;
  actionId: string | null;
  actionTitle: string | null;
  actionYear: number | null;
}

export interface GrantSummary extends GrantRow {
  spent: number;
  remaining: number;
  nextReport: ReportDateRow | null;
}

const cents = (n: number) => Math.round(n * 100) / 100;

/** The Table's grants with what was spent, what remains and the next report due, latest end first. */
export async function listGrants(db: Database, partnershipId: string): Promise<GrantSummary[]> {
  const grants = await db.select().from(grant).where(eq(grant.partnershipId, partnershipId)).orderBy(desc(grant.endsOn), asc(grant.funder));
  if (grants.length === 0) return [];
  const ids = grants.map((g) => g.id);
  const spent = await db
    .select({ grantId: grantSpending.grantId, total: sql<string>`coalesce(sum(${grantSpending.amount}), 0)` })
    .from(grantSpending)
    .where(and(eq(grantSpending.partnershipId, partnershipId), inArray(grantSpending.grantId, ids)))
    .groupBy(grantSpending.grantId);
  const reports = await db
    .select()
    .from(grantReportDate)
    .where(and(eq(grantReportDate.partnershipId, partnershipId), inArray(grantReportDate.grantId, ids)))
    .orderBy(asc(grantReportDate.dueOn));
  return grants.map((g) => {
    const total = cents(Number(spent.find((s) => s.grantId === g.id)?.total ?? 0));
    return {
      ...g,
      spent: total,
      remaining: cents(g.amount - total),
      nextReport: reports.find((r) => r.grantId === g.id && !r.submittedOn) ?? null,
    };
  });
}

export async function loadGrant(db: Database, partnershipId: string, grantId: string) {
  const [row] = await db.select().from(grant).where(and(eq(grant.id, grantId), eq(grant.partnershipId, partnershipId)));
  if (!row) return null;
  const reports = await db
    .select()
    .from(grantReportDate)
    .where(and(eq(grantReportDate.partnershipId, partnershipId), eq(grantReportDate.grantId, grantId)))
    .orderBy(asc(grantReportDate.dueOn));
  const spending: SpendingRow[] = await db
    .select({
      id: grantSpending.id,
      amount: grantSpending.amount,
      spentOn: grantSpending.spentOn,
      label: grantSpending.label,
      actionId: grantSpending.actionId,
      actionTitle: actionPlanAction.title,
      actionYear: actionPlan.year,
    })
    .from(grantSpending)
    .leftJoin(actionPlanAction, and(eq(actionPlanAction.id, grantSpending.actionId), eq(actionPlanAction.partnershipId, partnershipId)))
    .leftJoin(actionPlan, eq(actionPlan.id, actionPlanAction.planId))
    .where(and(eq(grantSpending.partnershipId, partnershipId), eq(grantSpending.grantId, grantId)))
    .orderBy(asc(grantSpending.spentOn));
  const spent = cents(spending.reduce((s, l) => s + l.amount, 0));
  return { grant: row, reports, spending, spent, remaining: cents(row.amount - spent) };
}

export interface FundedAction {
  actionId: string;
  title: string;
  year: number;
  spent: number;
  funders: string[];
  /** The latest end among the grants paying for it: funded until then. */
  fundedUntil: string;
}

/** Per action of the plan: how much was spent on it, by which grants, and until when it is funded. */
export async function listFundedActions(db: Database, partnershipId: string): Promise<FundedAction[]> {
  const rows = await db
    .select({
      actionId: actionPlanAction.id,
      title: actionPlanAction.title,
      year: actionPlan.year,
      amount: grantSpending.amount,
      funder: grant.funder,
      endsOn: grant.endsOn,
    })
    .from(grantSpending)
    .innerJoin(grant, and(eq(grant.id, grantSpending.grantId), eq(grant.partnershipId, partnershipId)))
    .innerJoin(actionPlanAction, and(eq(actionPlanAction.id, grantSpending.actionId), eq(actionPlanAction.partnershipId, partnershipId)))
    .innerJoin(actionPlan, eq(actionPlan.id, actionPlanAction.planId))
    .where(eq(grantSpending.partnershipId, partnershipId));
  const byAction = new Map<string, FundedAction>();
  for (const r of rows) {
    const item = byAction.get(r.actionId) ?? { actionId: r.actionId, title: r.title, year: r.year, spent: 0, funders: [], fundedUntil: r.endsOn };
    item.spent = cents(item.spent + r.amount);
    if (!item.funders.includes(r.funder)) item.funders.push(r.funder);
    if (r.endsOn > item.fundedUntil) item.fundedUntil = r.endsOn;
    byAction.set(r.actionId, item);
  }
  return [...byAction.values()].sort((a, b) => b.year - a.year || a.title.localeCompare(b.title));
}
