import { and, eq, lte, sql } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, systemActor, type AuditActor } from "../audit/record-audit-event.server.ts";
import { conflict, missing, ok, refusal, type Conflict, type NotFound, type Ok, type Refused } from "../outcome/outcome.ts";
import type { ForumViewer } from "./access.server.ts";
import { proposalAccess, type ProposalRow } from "./proposal-access.server.ts";
import { forumProposal, forumProposalVote } from "./tables.ts";
import { outcomeOf } from "./vocabulary.ts";

/** The counts of a proposal's votes (named or not: the rows hold the choice either way). */
export async function countVotes(db: Database, proposalId: string): Promise<{ agree: number; abstain: number; disagree: number; block: number }> {
  const rows = await db.select({ choice: forumProposalVote.choice, n: sql<number>`count(*)::int` }).from(forumProposalVote).where(eq(forumProposalVote.proposalId, proposalId)).groupBy(forumProposalVote.choice);
  const c = { agree: 0, abstain: 0, disagree: 0, block: 0 };
  for (const r of rows) c[r.choice] = Number(r.n);
  return c;
}

/** Writes the outcome on the (locked, open) proposal row and audits it. */
async function closeRow(tx: Database, actor: AuditActor, p: ProposalRow, input: { now: Date; byPersonId: string | null }) {
  const c = await countVotes(tx, p.id);
  const outcome = outcomeOf(c);
  await tx
    .update(forumProposal)
    .set({
      status: "closed",
      closedAt: input.now,
      closedByPersonId: input.byPersonId,
      outcome,
      agreeCount: c.agree,
      abstainCount: c.abstain,
      disagreeCount: c.disagree,
      blockCount: c.block,
      version: sql`${forumProposal.version} + 1`,
      updatedAt: input.now,
    })
    .where(eq(forumProposal.id, p.id));
  await recordAuditEvent(tx, actor, {
    action: "forum_proposal.closed",
    targetType: "forum_proposal",
    targetId: p.id,
    partnershipId: p.partnershipId,
    details: { outcome, ...c, early: input.byPersonId !== null },
  });
}

/** Closed early by its author or the Table coordinator (version-checked). */
export async function closeProposal(db: Database, actor: AuditActor, input: { viewer: ForumViewer; proposalId: string; version: number; now: Date }): Promise<Ok | NotFound | Conflict | Refused<"proposals.refused.closed" | "proposals.refused.notAuthor">> {
  return db.transaction(async (tx) => {
    const access = await proposalAccess(tx, input.viewer, input.proposalId, true);
    if (!access) return missing();
    if (!access.mayManage) return refusal("proposals.refused.notAuthor");
    if (access.proposal.status !== "open") return refusal("proposals.refused.closed");
    if (access.proposal.version !== input.version) return conflict();
    await closeRow(tx, actor, access.proposal, { now: input.now, byPersonId: input.viewer.personId });
    return ok();
  });
}

/** Every open proposal whose date has come is closed (the job), each in its own transaction. */
export async function closeDueProposals(db: Database, now: Date): Promise<number> {
  const due = await db.select({ id: forumProposal.id }).from(forumProposal).where(and(eq(forumProposal.status, "open"), lte(forumProposal.closesAt, now)));
  let closed = 0;
  for (const { id } of due) {
    await db.transaction(async (tx) => {
      const [p] = await tx.select().from(forumProposal).where(eq(forumProposal.id, id)).for("update");
      if (!p || p.status !== "open") return;
      await closeRow(tx, systemActor("forum-proposals", p.partnershipId), p, { now, byPersonId: null });
      closed++;
    });
  }
  return closed;
}
