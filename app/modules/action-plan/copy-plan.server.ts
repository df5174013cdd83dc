import { and, eq } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import { missing, ok, type NotFound, type Ok } from "../outcome/outcome.ts";
import { loadPlan } from "./read-plan.server.ts";
import { yearTaken, type YearTaken } from "./write-plan.server.ts";
import { actionPlan, actionPlanAction, actionPlanActionOrganization, actionPlanIndicator, actionPlanObjective } from "./tables.ts";

/** Moves an ISO date by whole years (29 February becomes 28 February). */
export function shiftYears(iso: string | null, years: number): string | null {
  if (!iso) return null;
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  return `${String(y + years).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}

/** The new plan's id; not_found without a plan to copy from; refused when the year has one. */
export type CopyResult = Ok<string> | NotFound | YearTaken;

/**
 * "Copy last year's plan as a start": objectives, actions (dates moved by the year gap, same
 * responsible organizations) and indicators with their targets; actuals, statuses and progress
 * start over. One transaction, audited.
 */
export async function copyPlan(
  db: Database,
  actor: AuditActor,
  partnershipId: string,
  input: { fromYear: number; toYear: number; title?: string },
): Promise<CopyResult> {
  const source = await loadPlan(db, partnershipId, input.fromYear);
  if (!source) return missing();
  const gap = input.toYear - input.fromYear;
  return db.transaction(async (tx) => {
    const [plan] = await tx
      .insert(actionPlan)
      .values({
        partnershipId,
        year: input.toYear,
        title: input.title || source.plan.title.replaceAll(String(input.fromYear), String(input.toYear)),
        summary: source.plan.summary,
        copiedFromId: source.plan.id,
      })
      .onConflictDoNothing()
      .returning({ id: actionPlan.id });
    if (!plan) return yearTaken("toYear");
    let actions = 0;
    let indicators = 0;
    for (const objective of source.objectives) {
      const [copy] = await tx
        .insert(actionPlanObjective)
        .values({ partnershipId, planId: plan.id, position: objective.position, title: objective.title, description: objective.description })
        .returning({ id: actionPlanObjective.id });
      for (const action of objective.actions) {
        const [a] = await tx
          .insert(actionPlanAction)
          .values({
            partnershipId,
            planId: plan.id,
            objectiveId: copy!.id,
            position: action.position,
            title: action.title,
            description: action.description,
            startsOn: shiftYears(action.startsOn, gap),
            endsOn: shiftYears(action.endsOn, gap),
            status: "planned",
            progress: 0,
          })
          .returning({ id: actionPlanAction.id });
        if (action.organizationIds.length) {
          await tx.insert(actionPlanActionOrganization).values(action.organizationIds.map((organizationId) => ({ partnershipId, actionId: a!.id, organizationId })));
        }
        actions++;
      }
      for (const indicator of objective.indicators) {
        await tx.insert(actionPlanIndicator).values({
          partnershipId,
          planId: plan.id,
          objectiveId: copy!.id,
          position: indicator.position,
          label: indicator.label,
          unit: indicator.unit,
          indicatorCode: indicator.indicatorCode,
          target: indicator.target,
          actual: null,
        });
        indicators++;
      }
    }
    await recordAuditEvent(tx, actor, {
      action: "action_plan.copied",
      targetType: "action_plan",
      targetId: plan.id,
      partnershipId,
      details: { fromYear: input.fromYear, toYear: input.toYear, objectives: source.objectives.length, actions, indicators },
    });
    return ok(plan.id);
  });
}

/** The latest plan before that year, the natural source of a copy. */
export async function previousPlanYear(db: Database, partnershipId: string, year: number): Promise<number | null> {
  const rows = await db.select({ year: actionPlan.year }).from(actionPlan).where(and(eq(actionPlan.partnershipId, partnershipId)));
  const before = rows.map((r) => r.year).filter((y) => y < year);
  return before.length ? Math.max(...before) : null;
}
