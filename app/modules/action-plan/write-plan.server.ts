import { and, count, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import { contentVersion } from "../forms/content-version.server.ts";
import { organization } from "../governance/tables.ts";
import { conflict, invalid, missing, ok, refusal, type Conflict, type Invalid, type NotFound, type Ok, type Refused } from "../outcome/outcome.ts";
import type { ActionInput, IndicatorInput, ObjectiveInput, PlanInput } from "./plan-schema.ts";
import { isRegistryCode } from "../indicators/live-values.server.ts";
import { setPlanTarget } from "../indicators/plan-target.server.ts";
import { actionPlan, actionPlanAction, actionPlanActionOrganization, actionPlanIndicator, actionPlanObjective } from "./tables.ts";

/** The id of the item written, or why not. */
export type WriteResult = Ok<string> | NotFound | Conflict | Invalid;

/** The Table has a plan for that year already: 409 on the year field (the form shows it there). */
export type YearTaken = Refused<"actionPlan.plan.yearTaken">;
export const yearTaken = (field: string): YearTaken => refusal("actionPlan.plan.yearTaken", undefined, { [field]: ["actionPlan.plan.yearTaken"] });

/*
 * Objectives, actions and indicators have no version column (no migration): their edit forms
 * carry a version drawn from exactly the values they show, recomputed under the row's lock when
 * saved. A save from a page drawn before someone else's save answers "conflict".
 */
export function objectiveVersion(o: { title: string; description: string }): number {
  return contentVersion(["objective", o.title, o.description]);
}

export function actionVersion(a: { objectiveId: string; title: string; description: string; startsOn: string | null; endsOn: string | null; status: string; progress: number; organizationIds: readonly string[] }): number {
  return contentVersion(["action", a.objectiveId, a.title, a.description, a.startsOn, a.endsOn, a.status, a.progress, [...a.organizationIds].sort()]);
}

export function indicatorVersion(i: { objectiveId: string; label: string; unit: string; target: number | string; actual: number | string | null; indicatorCode?: string | null }): number {
  return contentVersion(["indicator", i.objectiveId, i.label, i.unit, Number(i.target), i.actual === null ? null : Number(i.actual), i.indicatorCode ?? null]);
}

/** A new (empty) plan for a year; one per Table and year. */
export async function createPlan(db: Database, actor: AuditActor, partnershipId: string, input: PlanInput): Promise<Ok<string> | YearTaken> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(actionPlan)
      .values({ partnershipId, year: input.year, title: input.title, summary: input.summary })
      .onConflictDoNothing()
      .returning({ id: actionPlan.id });
    if (!row) return yearTaken("year");
    await recordAuditEvent(tx, actor, { action: "action_plan.created", targetType: "action_plan", targetId: row.id, partnershipId, details: { year: input.year } });
    return ok(row.id);
  });
}

export async function updatePlanHeader(
  db: Database,
  actor: AuditActor,
  partnershipId: string,
  planId: string,
  version: number,
  input: Omit<PlanInput, "year">,
): Promise<WriteResult> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(actionPlan)
      .set({ title: input.title, summary: input.summary, version: sql`${actionPlan.version} + 1`, updatedAt: new Date() })
      .where(and(eq(actionPlan.id, planId), eq(actionPlan.partnershipId, partnershipId), eq(actionPlan.version, version)))
      .returning({ id: actionPlan.id });
    if (!row) return conflict();
    await recordAuditEvent(tx, actor, { action: "action_plan.updated", targetType: "action_plan", targetId: planId, partnershipId });
    return ok(planId);
  });
}

async function nextPosition(tx: Database, table: typeof actionPlanObjective | typeof actionPlanAction | typeof actionPlanIndicator, planId: string) {
  const [row] = await tx.select({ n: count() }).from(table).where(eq(table.planId, planId));
  return row?.n ?? 0;
}

export async function saveObjective(
  db: Database,
  actor: AuditActor,
  partnershipId: string,
  planId: string,
  objectiveId: string | null,
  input: ObjectiveInput,
  /** The version the edit form showed (ignored for a new objective). */
  version: number | null = null,
): Promise<WriteResult> {
  return db.transaction(async (tx) => {
    let id = objectiveId;
    if (id) {
      const [current] = await tx
        .select()
        .from(actionPlanObjective)
        .where(and(eq(actionPlanObjective.id, id), eq(actionPlanObjective.planId, planId), eq(actionPlanObjective.partnershipId, partnershipId)))
        .for("update");
      if (!current) return missing();
      if (objectiveVersion(current) !== version) return conflict();
      const [row] = await tx
        .update(actionPlanObjective)
        .set({ title: input.title, description: input.description, updatedAt: new Date() })
        .where(and(eq(actionPlanObjective.id, id), eq(actionPlanObjective.planId, planId), eq(actionPlanObjective.partnershipId, partnershipId)))
        .returning({ id: actionPlanObjective.id });
      if (!row) return missing();
    } else {
      const position = await nextPosition(tx, actionPlanObjective, planId);
      const [row] = await tx
        .insert(actionPlanObjective)
        .values({ partnershipId, planId, position, title: input.title, description: input.description })
        .returning({ id: actionPlanObjective.id });
      id = row!.id;
    }
    await recordAuditEvent(tx, actor, {
      action: objectiveId ? "action_plan.objective_updated" : "action_plan.objective_added",
      targetType: "action_plan_objective",
      targetId: id,
      partnershipId,
      details: { planId },
    });
    return ok(id);
  });
}

async function objectiveOfPlan(tx: Database, partnershipId: string, planId: string, objectiveId: string) {
  const [row] = await tx
    .select({ id: actionPlanObjective.id })
    .from(actionPlanObjective)
    .where(and(eq(actionPlanObjective.id, objectiveId), eq(actionPlanObjective.planId, planId), eq(actionPlanObjective.partnershipId, partnershipId)));
  return !!row;
}

export async function saveAction(
  db: Database,
  actor: AuditActor,
  partnershipId: string,
  planId: string,
  actionId: string | null,
  input: ActionInput,
  /** The version the edit form showed (ignored for a new action). */
  version: number | null = null,
): Promise<WriteResult> {
  return db.transaction(async (tx) => {
    if (actionId) {
      const [current] = await tx
        .select()
        .from(actionPlanAction)
        .where(and(eq(actionPlanAction.id, actionId), eq(actionPlanAction.planId, planId), eq(actionPlanAction.partnershipId, partnershipId)))
        .for("update");
      if (!current) return missing();
      const links = await tx.select({ organizationId: actionPlanActionOrganization.organizationId }).from(actionPlanActionOrganization).where(eq(actionPlanActionOrganization.actionId, actionId));
      if (actionVersion({ ...current, organizationIds: links.map((l) => l.organizationId) }) !== version) return conflict();
    }
    if (!(await objectiveOfPlan(tx, partnershipId, planId, input.objectiveId))) return invalid("objectiveId", "form.invalid");
    const orgIds = [...new Set(input.organizationIds.map((o) => o.toLowerCase()))];
    if (orgIds.length) {
      const found = await tx
        .select({ id: organization.id })
        .from(organization)
        .where(and(eq(organization.partnershipId, partnershipId), inArray(organization.id, orgIds)));
      if (found.length !== orgIds.length) return invalid("organizationIds", "form.invalid");
    }
    const values = {
      objectiveId: input.objectiveId,
      title: input.title,
      description: input.description,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      status: input.status,
      progress: input.status === "done" ? 100 : input.progress,
    };
    let id = actionId;
    if (id) {
      const [row] = await tx
        .update(actionPlanAction)
        .set({ ...values, updatedAt: new Date() })
        .where(and(eq(actionPlanAction.id, id), eq(actionPlanAction.planId, planId), eq(actionPlanAction.partnershipId, partnershipId)))
        .returning({ id: actionPlanAction.id });
      if (!row) return missing();
      await tx.delete(actionPlanActionOrganization).where(eq(actionPlanActionOrganization.actionId, id));
    } else {
      const position = await nextPosition(tx, actionPlanAction, planId);
      const [row] = await tx.insert(actionPlanAction).values({ ...values, partnershipId, planId, position }).returning({ id: actionPlanAction.id });
      id = row!.id;
    }
    if (orgIds.length) {
      await tx.insert(actionPlanActionOrganization).values(orgIds.map((organizationId) => ({ partnershipId, actionId: id, organizationId })));
    }
    await recordAuditEvent(tx, actor, {
      action: actionId ? "action_plan.action_updated" : "action_plan.action_added",
      targetType: "action_plan_action",
      targetId: id,
      partnershipId,
      details: { planId, status: input.status, progress: values.progress },
    });
    return ok(id);
  });
}

export async function saveIndicator(
  db: Database,
  actor: AuditActor,
  partnershipId: string,
  planId: string,
  indicatorId: string | null,
  input: IndicatorInput,
  /** The version the edit form showed (ignored for a new indicator). */
  version: number | null = null,
): Promise<WriteResult> {
  return db.transaction(async (tx) => {
    if (indicatorId) {
      const [current] = await tx
        .select()
        .from(actionPlanIndicator)
        .where(and(eq(actionPlanIndicator.id, indicatorId), eq(actionPlanIndicator.planId, planId), eq(actionPlanIndicator.partnershipId, partnershipId)))
        .for("update");
      if (!current) return missing();
      if (indicatorVersion(current) !== version) return conflict();
    }
    if (!(await objectiveOfPlan(tx, partnershipId, planId, input.objectiveId))) return invalid("objectiveId", "form.invalid");
    const indicatorCode = input.indicatorCode || null;
    if (indicatorCode && !isRegistryCode(indicatorCode)) return invalid("indicatorCode", "form.invalid");
    const values = { objectiveId: input.objectiveId, label: input.label, unit: input.unit, target: input.target, actual: input.actual, indicatorCode };
    let id = indicatorId;
    if (id) {
      const [row] = await tx
        .update(actionPlanIndicator)
        .set({ ...values, updatedAt: new Date() })
        .where(and(eq(actionPlanIndicator.id, id), eq(actionPlanIndicator.planId, planId), eq(actionPlanIndicator.partnershipId, partnershipId)))
        .returning({ id: actionPlanIndicator.id });
      if (!row) return missing();
    } else {
      const position = await nextPosition(tx, actionPlanIndicator, planId);
      const [row] = await tx.insert(actionPlanIndicator).values({ ...values, partnershipId, planId, position }).returning({ id: actionPlanIndicator.id });
      id = row!.id;
    }
    await recordAuditEvent(tx, actor, {
      action: indicatorId ? "action_plan.indicator_updated" : "action_plan.indicator_added",
      targetType: "action_plan_indicator",
      targetId: id,
      partnershipId,
      details: { planId, target: input.target, actual: input.actual, indicatorCode: indicatorCode ?? "" },
    });
    // Bound to the registry, the plan's target is the registry's for the plan's year (one target, shown on the dashboard too).
    if (indicatorCode) await setPlanTarget(tx, { partnershipId, planId, code: indicatorCode, target: input.target });
    return ok(id);
  });
}

const removable = { objective: actionPlanObjective, action: actionPlanAction, indicator: actionPlanIndicator } as const;
export type RemovableKind = keyof typeof removable;

/** Deletes an objective (with its actions and indicators), an action or an indicator of the plan. */
export async function deletePlanItem(
  db: Database,
  actor: AuditActor,
  partnershipId: string,
  planId: string,
  kind: RemovableKind,
  id: string,
): Promise<Ok<string> | NotFound | Refused<"actionPlan.objective.notEmpty">> {
  const table = removable[kind];
  return db.transaction(async (tx) => {
    if (kind === "objective") {
      // An objective is removed once emptied, so a click cannot wipe a year of work.
      const [a] = await tx.select({ n: count() }).from(actionPlanAction).where(and(eq(actionPlanAction.objectiveId, id), eq(actionPlanAction.partnershipId, partnershipId)));
      const [i] = await tx.select({ n: count() }).from(actionPlanIndicator).where(and(eq(actionPlanIndicator.objectiveId, id), eq(actionPlanIndicator.partnershipId, partnershipId)));
      if ((a?.n ?? 0) + (i?.n ?? 0) > 0) return refusal("actionPlan.objective.notEmpty");
    }
    const rows = await tx
      .delete(table)
      .where(and(eq(table.id, id), eq(table.planId, planId), eq(table.partnershipId, partnershipId)))
      .returning({ id: table.id });
    if (rows.length === 0) return missing();
    await recordAuditEvent(tx, actor, { action: `action_plan.${kind}_deleted`, targetType: `action_plan_${kind}`, targetId: id, partnershipId, details: { planId } });
    return ok(id);
  });
}
