import { eq, sql } from "drizzle-orm";
import { actionPlan } from "../action-plan/tables.ts";
import type { Database } from "../db/client.server.ts";
import { indicatorTarget } from "./tables.ts";

/**
 * The target of a plan indicator bound to the registry becomes the registry's target for the
 * plan's (calendar) year, Table-wide — written in the plan's transaction, audited with it.
 */
export async function setPlanTarget(tx: Database, input: { partnershipId: string; planId: string; code: string; target: number }): Promise<void> {
  const [plan] = await tx.select({ year: actionPlan.year }).from(actionPlan).where(eq(actionPlan.id, input.planId));
  if (!plan) return;
  await tx
    .insert(indicatorTarget)
    .values({ partnershipId: input.partnershipId, indicatorCode: input.code, periodKey: String(plan.year), scopeKind: "table", scopeKey: "", target: input.target, note: "" })
    .onConflictDoUpdate({
      target: [indicatorTarget.partnershipId, indicatorTarget.indicatorCode, indicatorTarget.periodKey, indicatorTarget.scopeKind, indicatorTarget.scopeKey],
      set: { target: input.target, version: sql`${indicatorTarget.version} + 1`, updatedAt: sql`now()` },
    });
}
