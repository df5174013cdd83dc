import { and, eq } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import type { ForumViewer, SpaceAccess } from "./access.server.ts";
import { forumProposal } from "./tables.ts";
import { threadAccess, type ThreadRow } from "./thread-access.server.ts";

export type ProposalRow = typeof forumProposal.$inferSelect;

export type ProposalAccess = SpaceAccess & { thread: ThreadRow; proposal: ProposalRow; mayVote: boolean; mayManage: boolean };

/** Proposals live in the whole network's space (the Table's) and in working groups. */
export const proposalSpaceKinds: readonly string[] = ["network", "group"];

/**
 * A proposal the viewer may reach: its thread's space readable (else null, read as 404). Who may
 * post there votes; its author and the Table coordinator close it early and record its outcome.
 */
export async function proposalAccess(db: Database, viewer: ForumViewer, proposalId: string, forUpdate = false): Promise<ProposalAccess | null> {
  const query = db.select().from(forumProposal).where(and(eq(forumProposal.partnershipId, viewer.partnershipId), eq(forumProposal.id, proposalId)));
  const [proposal] = forUpdate ? await query.for("update") : await query;
  if (!proposal) return null;
  const access = await threadAccess(db, viewer, proposal.threadId);
  if (!access) return null;
  return { ...access, proposal, mayVote: access.mayPost, mayManage: proposal.authorPersonId === viewer.personId || viewer.isTableCoordinator };
}

/** The proposal of a thread, if it holds one (its id), for the thread page's link. */
export async function proposalOfThread(db: Database, partnershipId: string, threadId: string): Promise<{ id: string; status: string } | null> {
  const [row] = await db.select({ id: forumProposal.id, status: forumProposal.status }).from(forumProposal).where(and(eq(forumProposal.partnershipId, partnershipId), eq(forumProposal.threadId, threadId)));
  return row ?? null;
}
