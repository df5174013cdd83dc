import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import { flagged, type Flagged } from "../consultations/guard-refusal.server.ts";
import type { MeetingAccess } from "../meetings/meeting-access.server.ts";
import { addDecision } from "../meetings/meeting-records.server.ts";
import { createResponsibility } from "../meetings/responsibilities/save-responsibility.server.ts";
import type { ResponsibilityInput } from "../meetings/responsibilities/responsibility-schema.ts";
import { conflict, missing, ok, refusal, type Conflict, type Invalid, type NotFound, type Ok, type Refused } from "../outcome/outcome.ts";
import type { ForumViewer } from "./access.server.ts";
import { guardPostTexts, hasFindings } from "./post-guard.server.ts";
import { proposalAccess } from "./proposal-access.server.ts";
import { forumProposal } from "./tables.ts";

export type OutcomeRefusal = "proposals.refused.notClosed" | "proposals.refused.notAuthor" | "proposals.refused.recorded" | "proposals.refused.notRecorded";

/**
 * The closed proposal's outcome into the decisions of a held meeting the person manages, through
 * the meetings module's own `addDecision` (its rules: a held meeting, its managers; another one
 * answers 404). The words pass the identifying-details guard; the decision's id is kept on the
 * proposal (once only), audited with it in the same transaction.
 */
export async function recordProposalOutcome(
  db: Database,
  actor: AuditActor,
  input: { viewer: ForumViewer; meetings: MeetingAccess; proposalId: string; meetingId: string; text: string; version: number },
): Promise<Ok<string> | NotFound | Conflict | Invalid | Refused<OutcomeRefusal | string> | Flagged> {
  const { findings } = await guardPostTexts(db, input.viewer.partnershipId, { text: input.text });
  if (hasFindings(findings)) return flagged(findings);
  return db.transaction(async (tx) => {
    const access = await proposalAccess(tx, input.viewer, input.proposalId, true);
    if (!access) return missing();
    const p = access.proposal;
    if (!access.mayManage) return refusal("proposals.refused.notAuthor");
    if (p.status !== "closed") return refusal("proposals.refused.notClosed");
    if (p.meetingDecisionId) return refusal("proposals.refused.recorded");
    if (p.version !== input.version) return conflict();
    const decision = await addDecision(tx, actor, input.meetings, input.meetingId, null, input.text);
    if (decision.kind !== "ok") return decision;
    await tx
      .update(forumProposal)
      .set({ meetingId: input.meetingId, meetingDecisionId: decision.value!, version: sql`${forumProposal.version} + 1`, updatedAt: new Date() })
      .where(and(eq(forumProposal.id, p.id), eq(forumProposal.version, p.version)));
    await recordAuditEvent(tx, actor, {
      action: "forum_proposal.outcome_recorded",
      targetType: "forum_proposal",
      targetId: p.id,
      partnershipId: p.partnershipId,
      details: { meetingId: input.meetingId, decisionId: decision.value, outcome: p.outcome },
    });
    return ok(p.id);
  });
}

/**
 * A responsibility following a proposal whose outcome is in a meeting's decisions: the meetings
 * module's own `createResponsibility`, attached to that meeting (its managers, its scope, its checks).
 */
export async function createProposalResponsibility(
  db: Database,
  actor: AuditActor,
  input: { viewer: ForumViewer; meetings: MeetingAccess; proposalId: string; fields: ResponsibilityInput },
): Promise<Ok<string> | NotFound | Conflict | Invalid | Refused<OutcomeRefusal>> {
  return db.transaction(async (tx) => {
    const access = await proposalAccess(tx, input.viewer, input.proposalId);
    if (!access) return missing();
    const p = access.proposal;
    if (!access.mayManage) return refusal("proposals.refused.notAuthor");
    if (!p.meetingId || !p.meetingDecisionId) return refusal("proposals.refused.notRecorded");
    const made = await createResponsibility(tx, actor, input.meetings, { ...input.fields, meetingId: p.meetingId, agendaItemId: null });
    if (made.kind !== "ok") return made;
    await recordAuditEvent(tx, actor, {
      action: "forum_proposal.responsibility_created",
      targetType: "forum_proposal",
      targetId: p.id,
      partnershipId: p.partnershipId,
      details: { responsibilityId: made.value, meetingId: p.meetingId },
    });
    return ok(p.id);
  });
}
