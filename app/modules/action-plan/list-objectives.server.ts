import { and, asc, eq } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { actionPlan, actionPlanObjective } from "./tables.ts";

/** Objectives of every plan of the Table, newest year first, for a select (e.g. a responsibility's link). */
export async function listObjectivesForSelect(db: Database, partnershipId: string): Promise<{ id: string; label: string; year: number }[]> {
  const rows = await db
    .select({ id: actionPlanObjective.id, title: actionPlanObjective.title, year: actionPlan.year })
    .from(actionPlanObjective)
    .innerJoin(actionPlan, and(eq(actionPlan.id, actionPlanObjective.planId), eq(actionPlan.partnershipId, partnershipId)))
    .where(eq(actionPlanObjective.partnershipId, partnershipId))
    .orderBy(asc(actionPlan.year), asc(actionPlanObjective.position));
  return rows
    .sort((a, b) => b.year - a.year)
    .map((r) => ({ id: r.id, label: `${r.year} — ${r.title}`, year: r.year }));
}
