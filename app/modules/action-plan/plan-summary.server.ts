import { and, eq, lte, desc, sql } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { actionPlan, actionPlanAction, actionPlanObjective } from "./tables.ts";

export interface PlanSummary {
  year: number;
  objectives: number;
  actions: number;
  done: number;
  inProgress: number;
}

/**
 * The plan the Table works on in `year` (or its latest earlier one) in numbers: objectives,
 * actions, done and in progress. Null when the Table has no plan yet.
 */
export async function planSummary(db: Database, partnershipId: string, year: number): Promise<PlanSummary | null> {
  const [plan] = await db
    .select({ id: actionPlan.id, year: actionPlan.year })
    .from(actionPlan)
    .where(and(eq(actionPlan.partnershipId, partnershipId), lte(actionPlan.year, year)))
    .orderBy(desc(actionPlan.year))
    .limit(1);
  if (!plan) return null;
  const [[objectives], [actions]] = await Promise.all([
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(actionPlanObjective)
      .where(and(eq(actionPlanObjective.partnershipId, partnershipId), eq(actionPlanObjective.planId, plan.id))),
    db
      .select({
        n: sql<number>`count(*)::int`,
        done: sql<number>`count(*) filter (where ${actionPlanAction.status} = 'done')::int`,
        inProgress: sql<number>`count(*) filter (where ${actionPlanAction.status} = 'in_progress')::int`,
      })
      .from(actionPlanAction)
      .where(and(eq(actionPlanAction.partnershipId, partnershipId), eq(actionPlanAction.planId, plan.id))),
  ]);
  return {
    year: plan.year,
    objectives: Number(objectives?.n ?? 0),
    actions: Number(actions?.n ?? 0),
    done: Number(actions?.done ?? 0),
    inProgress: Number(actions?.inProgress ?? 0),
  };
}
