import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { actionPlan, actionPlanAction, actionPlanActionOrganization } from "../action-plan/tables.ts";
import { responsibility } from "../meetings/responsibilities/tables.ts";
import { person } from "../people/tables.ts";
import { keyActionOverdue, keyActionProgress, type KeyActionState } from "./progress.ts";
import { evaluationKeyAction } from "./tables.ts";

type KeyActionFacts = {
  linkId: string;
  recommendationId: string;
  targetId: string;
  title: string;
  /** The action plan's year, for its link. */
  year: number | null;
  /** Responsible organizations: the action's, or the responsibility owner's (or owner person's). */
  organizationIds: string[];
};
export type KeyAction = KeyActionState & KeyActionFacts & { progressValue: number | null; overdue: boolean };

/** The key actions of these recommendations (of this Table), with what their roll-up needs. */
export async function keyActionsOf(db: Database, partnershipId: string, recommendationIds: string[], today: string): Promise<KeyAction[]> {
  if (recommendationIds.length === 0) return [];
  const scope = and(eq(evaluationKeyAction.partnershipId, partnershipId), inArray(evaluationKeyAction.recommendationId, recommendationIds));
  const actions = await db
    .select({ linkId: evaluationKeyAction.id, recommendationId: evaluationKeyAction.recommendationId, targetId: actionPlanAction.id, title: actionPlanAction.title, status: actionPlanAction.status, progress: actionPlanAction.progress, endsOn: actionPlanAction.endsOn, year: actionPlan.year })
    .from(evaluationKeyAction)
    .innerJoin(actionPlanAction, and(eq(actionPlanAction.id, evaluationKeyAction.actionId), eq(actionPlanAction.partnershipId, partnershipId)))
    .innerJoin(actionPlan, eq(actionPlan.id, actionPlanAction.planId))
    .where(scope)
    .orderBy(evaluationKeyAction.createdAt);
  const responsibilities = await db
    .select({ linkId: evaluationKeyAction.id, recommendationId: evaluationKeyAction.recommendationId, targetId: responsibility.id, title: responsibility.what, status: responsibility.status, dueOn: responsibility.dueOn, ownerOrganizationId: responsibility.ownerOrganizationId, personOrganizationId: person.organizationId })
    .from(evaluationKeyAction)
    .innerJoin(responsibility, and(eq(responsibility.id, evaluationKeyAction.responsibilityId), eq(responsibility.partnershipId, partnershipId)))
    .leftJoin(person, eq(person.id, responsibility.ownerPersonId))
    .where(scope)
    .orderBy(evaluationKeyAction.createdAt);
  const orgRows = actions.length
    ? await db
        .select({ actionId: actionPlanActionOrganization.actionId, organizationId: actionPlanActionOrganization.organizationId })
        .from(actionPlanActionOrganization)
        .where(and(eq(actionPlanActionOrganization.partnershipId, partnershipId), inArray(actionPlanActionOrganization.actionId, [...new Set(actions.map((a) => a.targetId))])))
    : [];
  const finish = (k: KeyActionState & KeyActionFacts): KeyAction => ({ ...k, progressValue: keyActionProgress(k), overdue: keyActionOverdue(k, today) });
  return [
    ...actions.map((a) => finish({ ...a, kind: "action" as const, organizationIds: orgRows.filter((o) => o.actionId === a.targetId).map((o) => o.organizationId) })),
    ...responsibilities.map((r) => {
      const org = r.ownerOrganizationId ?? r.personOrganizationId;
      return finish({ linkId: r.linkId, recommendationId: r.recommendationId, targetId: r.targetId, title: r.title, kind: "responsibility" as const, status: r.status, dueOn: r.dueOn, year: null, organizationIds: org ? [org] : [] });
    }),
  ];
}
