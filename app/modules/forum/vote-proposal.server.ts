import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import { flagged, type Flagged } from "../consultations/guard-refusal.server.ts";
import { conflict, missing, ok, refusal, type Conflict, type NotFound, type Ok, type Refused } from "../outcome/outcome.ts";
import type { ForumViewer } from "./access.server.ts";
import { guardPostTexts, hasFindings } from "./post-guard.server.ts";
import { proposalAccess } from "./proposal-access.server.ts";
import type { VoteInput } from "./proposal-schema.ts";
import { forumProposalVote, forumProposalVoter } from "./tables.ts";

export type VoteRefusal = "proposals.refused.closed" | "proposals.refused.alreadyVoted" | "forum.refused.readOnly";
export type VoteResult = Ok<string> | NotFound | Conflict | Refused<VoteRefusal> | Flagged;

/**
 * One's vote on an open proposal (its reason through the guard).
 * Named: the vote row carries the person; a second vote changes it (with the version it was drawn
 * with: 409 when stale). Anonymous: a "has voted" marker with the person, and a vote row with no
 * person, time or order; a second vote is refused (nothing could say which row was one's own).
 * The audit event names the voter and the proposal, never the choice of an anonymous vote.
 */
export async function voteOnProposal(db: Database, actor: AuditActor, input: { viewer: ForumViewer; proposalId: string; fields: VoteInput; now: Date }): Promise<VoteResult> {
  const { viewer, fields } = input;
  if (fields.reason) {
    const { findings } = await guardPostTexts(db, viewer.partnershipId, { reason: fields.reason });
    if (hasFindings(findings)) return flagged(findings);
  }
  return db.transaction(async (tx): Promise<VoteResult> => {
    const access = await proposalAccess(tx, viewer, input.proposalId, true);
    if (!access) return missing();
    const p = access.proposal;
    if (!access.mayVote) return refusal("forum.refused.readOnly");
    if (p.status !== "open" || p.closesAt.getTime() <= input.now.getTime()) return refusal("proposals.refused.closed");
    const audit = (details: Record<string, unknown>) =>
      recordAuditEvent(tx, actor, { action: "forum_proposal.voted", targetType: "forum_proposal", targetId: p.id, partnershipId: viewer.partnershipId, details });
    if (p.anonymous) {
      const marked = await tx.insert(forumProposalVoter).values({ proposalId: p.id, personId: viewer.personId, partnershipId: viewer.partnershipId }).onConflictDoNothing().returning({ personId: forumProposalVoter.personId });
      if (!marked.length) return refusal("proposals.refused.alreadyVoted");
      await tx.insert(forumProposalVote).values({ partnershipId: viewer.partnershipId, proposalId: p.id, personId: null, choice: fields.choice, reason: fields.reason });
      await audit({ anonymous: true });
      return ok(p.id);
    }
    const [mine] = await tx.select().from(forumProposalVote).where(and(eq(forumProposalVote.proposalId, p.id), eq(forumProposalVote.personId, viewer.personId)));
    if (!mine) {
      // A vote racing this one (the same form sent twice) already holds the row: nothing more to write.
      const made = await tx
        .insert(forumProposalVote)
        .values({ partnershipId: viewer.partnershipId, proposalId: p.id, personId: viewer.personId, choice: fields.choice, reason: fields.reason })
        .onConflictDoNothing()
        .returning({ id: forumProposalVote.id });
      if (!made.length) return ok(p.id);
      await audit({ anonymous: false, choice: fields.choice, changed: false });
      return ok(p.id);
    }
    // The same first vote sent again (a double submission): already there.
    if (fields.version === null && mine.choice === fields.choice && mine.reason === fields.reason) return ok(p.id);
    if (fields.version !== mine.version) return conflict();
    await tx
      .update(forumProposalVote)
      .set({ choice: fields.choice, reason: fields.reason, version: sql`${forumProposalVote.version} + 1` })
      .where(and(eq(forumProposalVote.id, mine.id), eq(forumProposalVote.version, mine.version)));
    await audit({ anonymous: false, choice: fields.choice, previous: mine.choice, changed: true });
    return ok(p.id);
  });
}
