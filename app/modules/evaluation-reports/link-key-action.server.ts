import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import type { AuditActor } from "../audit/record-audit-event.server.ts";
import { actionPlanAction } from "../action-plan/tables.ts";
import { responsibility } from "../meetings/responsibilities/tables.ts";
import { conflict, invalid, missing, ok, type Conflict, type Invalid, type NotFound, type Ok } from "../outcome/outcome.ts";
import { changeRecommendation, loadRecommendation, type EvaluationAccess } from "./history.server.ts";
import { evaluationKeyAction } from "./tables.ts";
import type { KeyActionKind } from "./vocabulary.ts";

/** The title of the Table's own action or Table-wide responsibility, or null (another Table's, an organization's). */
async function targetTitle(tx: Database, partnershipId: string, target: { kind: KeyActionKind; id: string }): Promise<string | null> {
  if (target.kind === "action") {
    const [a] = await tx.select({ title: actionPlanAction.title }).from(actionPlanAction).where(and(eq(actionPlanAction.partnershipId, partnershipId), eq(actionPlanAction.id, target.id)));
    return a?.title ?? null;
  }
  const [r] = await tx.select({ title: responsibility.what }).from(responsibility).where(and(eq(responsibility.partnershipId, partnershipId), isNull(responsibility.scopeOrganizationId), eq(responsibility.id, target.id)));
  return r?.title ?? null;
}

/**
 * The coordinator links an existing action-plan action or responsibility as a key action: the
 * recommendation's progress is theirs, no second tracker. The recommendation's version guards it.
 */
export async function linkKeyAction(db: Database, actor: AuditActor, access: EvaluationAccess, id: string, input: { target: { kind: KeyActionKind; id: string }; version: number }): Promise<Ok<string> | NotFound | Conflict | Invalid> {
  return db.transaction(async (tx) => {
    const current = await loadRecommendation(tx, access.partnershipId, id);
    if (!current) return missing();
    // A stale form answers "changed since" before any rule about the state it no longer shows.
    if (current.version !== input.version) return conflict();
    const title = await targetTitle(tx, access.partnershipId, input.target);
    // Another Table's action answers like a missing one.
    if (title === null) return missing();
    const column = input.target.kind === "action" ? evaluationKeyAction.actionId : evaluationKeyAction.responsibilityId;
    const [already] = await tx.select({ id: evaluationKeyAction.id }).from(evaluationKeyAction).where(and(eq(evaluationKeyAction.recommendationId, id), eq(column, input.target.id)));
    if (already) return invalid("target", "evalReports.form.alreadyLinked");
    const done = await changeRecommendation(tx, actor, access, current, input.version, "linked", {}, { target: input.target.kind, targetId: input.target.id, note: title });
    if (!done) return conflict();
    await tx.insert(evaluationKeyAction).values({
      partnershipId: access.partnershipId,
      recommendationId: id,
      actionId: input.target.kind === "action" ? input.target.id : null,
      responsibilityId: input.target.kind === "responsibility" ? input.target.id : null,
    });
    return ok(id);
  });
}

export async function unlinkKeyAction(db: Database, actor: AuditActor, access: EvaluationAccess, id: string, input: { keyActionId: string; version: number }): Promise<Ok<string> | NotFound | Conflict> {
  return db.transaction(async (tx) => {
    const current = await loadRecommendation(tx, access.partnershipId, id);
    if (!current) return missing();
    // A stale form answers "changed since" before any rule about the state it no longer shows.
    if (current.version !== input.version) return conflict();
    const [link] = await tx
      .select()
      .from(evaluationKeyAction)
      .where(and(eq(evaluationKeyAction.partnershipId, access.partnershipId), eq(evaluationKeyAction.recommendationId, id), eq(evaluationKeyAction.id, input.keyActionId)));
    if (!link) return missing();
    const kind: KeyActionKind = link.actionId ? "action" : "responsibility";
    const title = await targetTitle(tx, access.partnershipId, { kind, id: (link.actionId ?? link.responsibilityId)! });
    const done = await changeRecommendation(tx, actor, access, current, input.version, "unlinked", {}, { target: kind, targetId: link.actionId ?? link.responsibilityId, note: title });
    if (!done) return conflict();
    await tx.delete(evaluationKeyAction).where(eq(evaluationKeyAction.id, link.id));
    return ok(id);
  });
}
