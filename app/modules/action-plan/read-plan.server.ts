import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { organization } from "../governance/tables.ts";
import { actionPlan, actionPlanAction, actionPlanActionOrganization, actionPlanIndicator, actionPlanObjective } from "./tables.ts";

export type PlanRow = typeof actionPlan.$inferSelect;
export type ObjectiveRow = typeof actionPlanObjective.$inferSelect;
export type IndicatorRow = typeof actionPlanIndicator.$inferSelect;
export type ActionRow = typeof actionPlanAction.$inferSelect & { organizationIds: string[] };

export interface FullPlan {
  plan: PlanRow;
  objectives: (ObjectiveRow & { actions: ActionRow[]; indicators: IndicatorRow[] })[];
}

export async function listPlans(db: Database, partnershipId: string): Promise<PlanRow[]> {
  return db.select().from(actionPlan).where(eq(actionPlan.partnershipId, partnershipId)).orderBy(desc(actionPlan.year));
}

export async function findPlan(db: Database, partnershipId: string, year: number): Promise<PlanRow | null> {
  const [row] = await db
    .select()
    .from(actionPlan)
    .where(and(eq(actionPlan.partnershipId, partnershipId), eq(actionPlan.year, year)))
    .limit(1);
  return row ?? null;
}

/** The plan of that year with everything in it, ordered; null when the Table has none. */
export async function loadPlan(db: Database, partnershipId: string, year: number): Promise<FullPlan | null> {
  const plan = await findPlan(db, partnershipId, year);
  if (!plan) return null;
  const objectives = await db
    .select()
    .from(actionPlanObjective)
    .where(and(eq(actionPlanObjective.partnershipId, partnershipId), eq(actionPlanObjective.planId, plan.id))).orderBy(asc(actionPlanObjective.position), asc(actionPlanObjective.createdAt));
  const actions = await db.select().from(actionPlanAction).where(and(eq(actionPlanAction.partnershipId, partnershipId), eq(actionPlanAction.planId, plan.id))).orderBy(asc(actionPlanAction.position), asc(actionPlanAction.createdAt));
  const indicators = await db.select().from(actionPlanIndicator).where(and(eq(actionPlanIndicator.partnershipId, partnershipId), eq(actionPlanIndicator.planId, plan.id))).orderBy(asc(actionPlanIndicator.position), asc(actionPlanIndicator.createdAt));
  const links = actions.length
    ? await db
        .select()
        .from(actionPlanActionOrganization)
        .where(and(eq(actionPlanActionOrganization.partnershipId, partnershipId), inArray(actionPlanActionOrganization.actionId, actions.map((a) => a.id))))
    : [];
  return {
    plan,
    objectives: objectives.map((o) => ({
      ...o,
      actions: actions
        .filter((a) => a.objectiveId === o.id)
        .map((a) => ({ ...a, organizationIds: links.filter((l) => l.actionId === a.id).map((l) => l.organizationId) })),
      indicators: indicators.filter((i) => i.objectiveId === o.id),
    })),
  };
}

/** The Table's current organizations, for the "responsible organizations" checkboxes and labels. */
export async function listPlanOrganizations(db: Database, partnershipId: string) {
  return db
    .select({ id: organization.id, nameFr: organization.nameFr, nameEn: organization.nameEn, acronym: organization.acronym })
    .from(organization)
    .where(eq(organization.partnershipId, partnershipId))
    .orderBy(asc(organization.nameFr));
}

/** Every action of the Table's plans, for a select (spending lines of a grant). */
export async function listActionsForSelect(db: Database, partnershipId: string): Promise<{ id: string; label: string; year: number }[]> {
  const rows = await db
    .select({ id: actionPlanAction.id, title: actionPlanAction.title, year: actionPlan.year })
    .from(actionPlanAction)
    .innerJoin(actionPlan, and(eq(actionPlan.id, actionPlanAction.planId), eq(actionPlan.partnershipId, partnershipId)))
    .where(eq(actionPlanAction.partnershipId, partnershipId))
    .orderBy(desc(actionPlan.year), asc(actionPlanAction.position));
  return rows.map((r) => ({ id: r.id, label: `${r.year} — ${r.title}`, year: r.year }));
}
