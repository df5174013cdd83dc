import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import type { Flagged } from "../consultations/guard-refusal.server.ts";
import { fromLocal } from "../meetings/dates.ts";
import { invalid, missing, ok, refusal, type Invalid, type NotFound, type Ok, type Refused } from "../outcome/outcome.ts";
import { spaceAccess, type ForumViewer } from "./access.server.ts";
import { createThread } from "./create-thread.server.ts";
import { proposalSpaceKinds } from "./proposal-access.server.ts";
import type { NewProposalInput } from "./proposal-schema.ts";
import { forumProposal } from "./tables.ts";

export type CreateProposalResult = Ok<string> | NotFound | Invalid | Refused<"forum.refused.readOnly" | "forum.refused.everyone" | "proposals.refused.space"> | Flagged;

const HOUR = 60 * 60 * 1000;
/** A proposal stays open at least an hour and at most 60 days. */
export const PROPOSAL_MIN_OPEN = HOUR;
export const PROPOSAL_MAX_OPEN = 60 * 24 * HOUR;

/**
 * A proposal: a new thread (its title and text through the identifying-details guard, its
 * notifications, as any thread) in the whole network's space or a working group, and the
 * proposal's closing date, anonymity and hidden results, in one transaction with its audit event.
 */
export async function createProposal(db: Database, actor: AuditActor, input: { viewer: ForumViewer; spaceId: string; fields: NewProposalInput; now: Date; publicUrl: string }): Promise<CreateProposalResult> {
  const { viewer, fields } = input;
  const access = await spaceAccess(db, viewer, input.spaceId);
  if (!access) return missing();
  if (!proposalSpaceKinds.includes(access.space.kind)) return refusal("proposals.refused.space");
  if (!access.mayPost) return refusal("forum.refused.readOnly");
  const closesAt = fromLocal(fields.closesOn, fields.closesAtTime);
  const open = closesAt.getTime() - input.now.getTime();
  if (Number.isNaN(open) || open < PROPOSAL_MIN_OPEN) return invalid("closesOn", "proposals.form.closesTooSoon");
  if (open > PROPOSAL_MAX_OPEN) return invalid("closesOn", "proposals.form.closesTooLate");
  return db.transaction(async (tx): Promise<CreateProposalResult> => {
    const thread = await createThread(tx, actor, { viewer, spaceId: access.space.id, fields: { title: fields.title, body: fields.body }, publicUrl: input.publicUrl });
    if (thread.kind !== "ok") return thread;
    const [row] = await tx
      .insert(forumProposal)
      .values({ partnershipId: viewer.partnershipId, spaceId: access.space.id, threadId: thread.value, authorPersonId: viewer.personId, closesAt, anonymous: fields.anonymous, hideResults: fields.hideResults })
      .returning({ id: forumProposal.id });
    await recordAuditEvent(tx, actor, {
      action: "forum_proposal.created",
      targetType: "forum_proposal",
      targetId: row!.id,
      partnershipId: viewer.partnershipId,
      details: { spaceId: access.space.id, threadId: thread.value, closesAt: closesAt.toISOString(), anonymous: fields.anonymous, hideResults: fields.hideResults },
    });
    return ok(row!.id);
  });
}
