import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { canManageMeeting, type MeetingAccess } from "../meetings/meeting-access.server.ts";
import { meeting } from "../meetings/tables.ts";
import { person } from "../people/tables.ts";
import type { ForumViewer } from "./access.server.ts";
import { countVotes } from "./close-proposal.server.ts";
import { spaceLabel, type SpaceLabel } from "./list-spaces.server.ts";
import { listNetworkPeople } from "./network-people.server.ts";
import { proposalAccess, proposalSpaceKinds } from "./proposal-access.server.ts";
import { readableSpaces } from "./access.server.ts";
import { forumPost, forumProposal, forumProposalVote, forumProposalVoter, forumSpace, forumThread } from "./tables.ts";
import type { ProposalOutcome, VoteChoice } from "./vocabulary.ts";

export interface ProposalPage {
  proposal: {
    id: string;
    threadId: string;
    title: string;
    body: string | null;
    authorName: string;
    closesAt: string;
    status: "open" | "closed";
    /** Open but past its date: the job closes it within minutes; no vote is taken meanwhile. */
    pastDate: boolean;
    anonymous: boolean;
    hideResults: boolean;
    outcome: ProposalOutcome | null;
    closedAt: string | null;
    closedEarly: boolean;
    version: number;
    meeting: { id: string; title: string } | null;
  };
  space: SpaceLabel | null;
  /** How many have voted (shown even while the results are hidden). */
  turnout: number;
  /** Null while hidden. */
  counts: { agree: number; abstain: number; disagree: number; block: number } | null;
  /** Named votes (when visible), or the reasons of anonymous ones without any name. */
  votes: { name: string | null; choice: VoteChoice; reason: string }[];
  mine: { choice: VoteChoice; reason: string; version: number } | null;
  hasVoted: boolean;
  mayVote: boolean;
  mayManage: boolean;
  /** Held meetings the person manages (to record the outcome), when it may be recorded. */
  meetings: { id: string; title: string; startsAt: string }[];
  /** Owners offered for a responsibility once recorded. */
  people: { id: string; name: string; organization: string }[];
}

/** What the proposal's page shows to this viewer: results only when visible, never who voted what on an anonymous one. */
export async function openProposal(db: Database, viewer: ForumViewer, meetings: MeetingAccess, proposalId: string, now: Date): Promise<ProposalPage | null> {
  const access = await proposalAccess(db, viewer, proposalId);
  if (!access) return null;
  const p = access.proposal;
  const [author] = await db.select({ givenName: person.givenName, familyName: person.familyName }).from(person).where(eq(person.id, p.authorPersonId));
  const [first] = await db.select({ body: forumPost.body, hiddenAt: forumPost.hiddenAt }).from(forumPost).where(and(eq(forumPost.threadId, p.threadId), eq(forumPost.position, 1)));
  const closed = p.status === "closed";
  const visible = closed || !p.hideResults;
  const turnout = p.anonymous
    ? Number((await db.select({ n: sql<number>`count(*)::int` }).from(forumProposalVoter).where(eq(forumProposalVoter.proposalId, p.id)))[0]?.n ?? 0)
    : Number((await db.select({ n: sql<number>`count(*)::int` }).from(forumProposalVote).where(eq(forumProposalVote.proposalId, p.id)))[0]?.n ?? 0);
  const counts = !visible ? null : closed ? { agree: p.agreeCount, abstain: p.abstainCount, disagree: p.disagreeCount, block: p.blockCount } : await countVotes(db, p.id);
  let votes: ProposalPage["votes"] = [];
  if (visible) {
    if (p.anonymous) {
      // Reasons only, no name; ordered by the text itself (the ids are random and hold no order either).
      const rows = await db.select({ choice: forumProposalVote.choice, reason: forumProposalVote.reason }).from(forumProposalVote).where(and(eq(forumProposalVote.proposalId, p.id), sql`${forumProposalVote.reason} <> ''`)).orderBy(asc(forumProposalVote.choice), asc(forumProposalVote.reason));
      votes = rows.map((r) => ({ name: null, choice: r.choice, reason: r.reason }));
    } else {
      const rows = await db
        .select({ givenName: person.givenName, familyName: person.familyName, choice: forumProposalVote.choice, reason: forumProposalVote.reason })
        .from(forumProposalVote)
        .innerJoin(person, eq(person.id, forumProposalVote.personId))
        .where(eq(forumProposalVote.proposalId, p.id))
        .orderBy(asc(forumProposalVote.choice), asc(person.familyName), asc(person.givenName));
      votes = rows.map((r) => ({ name: `${r.givenName} ${r.familyName}`, choice: r.choice, reason: r.reason }));
    }
  }
  let mine: ProposalPage["mine"] = null;
  let hasVoted = false;
  if (p.anonymous) {
    hasVoted = (await db.select({ one: sql`1` }).from(forumProposalVoter).where(and(eq(forumProposalVoter.proposalId, p.id), eq(forumProposalVoter.personId, viewer.personId)))).length > 0;
  } else {
    const [row] = await db.select({ choice: forumProposalVote.choice, reason: forumProposalVote.reason, version: forumProposalVote.version }).from(forumProposalVote).where(and(eq(forumProposalVote.proposalId, p.id), eq(forumProposalVote.personId, viewer.personId)));
    mine = row ?? null;
    hasVoted = !!row;
  }
  let recorded: ProposalPage["proposal"]["meeting"] = null;
  if (p.meetingId) {
    const [m] = await db.select({ id: meeting.id, title: meeting.title }).from(meeting).where(and(eq(meeting.partnershipId, p.partnershipId), eq(meeting.id, p.meetingId)));
    recorded = m ?? null;
  }
  const mayManage = access.mayManage;
  let held: ProposalPage["meetings"] = [];
  if (mayManage && closed && !p.meetingDecisionId) {
    const rows = await db
      .select({ id: meeting.id, title: meeting.title, startsAt: meeting.startsAt, organizationId: meeting.organizationId })
      .from(meeting)
      .where(and(eq(meeting.partnershipId, p.partnershipId), eq(meeting.status, "held")))
      .orderBy(desc(meeting.startsAt))
      .limit(50);
    held = rows.filter((m) => canManageMeeting(meetings, m)).map((m) => ({ id: m.id, title: m.title, startsAt: m.startsAt.toISOString() }));
  }
  const people = mayManage && p.meetingDecisionId ? await listNetworkPeople(db, p.partnershipId) : [];
  return {
    proposal: {
      id: p.id,
      threadId: p.threadId,
      title: access.thread.title,
      body: first && !first.hiddenAt ? first.body : null,
      authorName: author ? `${author.givenName} ${author.familyName}` : "",
      closesAt: p.closesAt.toISOString(),
      status: p.status,
      pastDate: !closed && p.closesAt.getTime() <= now.getTime(),
      anonymous: p.anonymous,
      hideResults: p.hideResults,
      outcome: p.outcome,
      closedAt: p.closedAt?.toISOString() ?? null,
      closedEarly: !!p.closedByPersonId,
      version: p.version,
      meeting: recorded,
    },
    space: await spaceLabel(db, p.spaceId),
    turnout,
    counts,
    votes,
    mine,
    hasVoted,
    mayVote: access.mayVote && !closed && p.closesAt.getTime() > now.getTime() && !(p.anonymous && hasVoted),
    mayManage,
    meetings: held,
    people,
  };
}

/** The proposals of the spaces the viewer reads, open ones first (closing soonest), then the latest closed. */
export async function listProposals(db: Database, viewer: ForumViewer) {
  const rows = await db
    .select({ id: forumProposal.id, title: forumThread.title, status: forumProposal.status, closesAt: forumProposal.closesAt, outcome: forumProposal.outcome, spaceId: forumProposal.spaceId })
    .from(forumProposal)
    .innerJoin(forumThread, eq(forumThread.id, forumProposal.threadId))
    .innerJoin(forumSpace, eq(forumSpace.id, forumProposal.spaceId))
    .where(and(eq(forumProposal.partnershipId, viewer.partnershipId), readableSpaces(viewer)))
    .orderBy(desc(sql`${forumProposal.status} = 'open'`), sql`case when ${forumProposal.status} = 'open' then ${forumProposal.closesAt} end asc`, desc(forumProposal.closedAt))
    .limit(100);
  return rows.map((r) => ({ ...r, closesAt: r.closesAt.toISOString() }));
}

/** The spaces where the viewer may start a proposal: the whole network's and their working groups (where they may post). */
export async function proposalSpaces(db: Database, viewer: ForumViewer) {
  const rows = await db
    .select({ id: forumSpace.id, kind: forumSpace.kind, name: forumSpace.name, posting: forumSpace.posting, milieu: forumSpace.milieu, organizationId: forumSpace.organizationId, createdByPersonId: forumSpace.createdByPersonId })
    .from(forumSpace)
    .where(and(readableSpaces(viewer), inArray(forumSpace.kind, [...proposalSpaceKinds] as ("network" | "group")[]), isNull(forumSpace.archivedAt)))
    .orderBy(asc(forumSpace.kind), asc(forumSpace.name));
  return rows;
}
