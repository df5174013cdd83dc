import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, inArray } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import type { DatabaseHandle } from "../../app/modules/db/client.server.ts";
import { auditEvent } from "../../app/modules/audit/tables.ts";
import { emailMessage } from "../../app/modules/email/tables.ts";
import { forumProposal, forumProposalVote, forumProposalVoter, forumSpace } from "../../app/modules/forum/tables.ts";
import { closeDueProposals } from "../../app/modules/forum/close-proposal.server.ts";
import { sendProposalReminders } from "../../app/modules/forum/proposal-reminders.server.ts";
import { meeting, meetingDecision } from "../../app/modules/meetings/tables.ts";
import { responsibility } from "../../app/modules/meetings/responsibilities/tables.ts";
import { SUBMISSION_KEY_FIELD } from "../../app/modules/forms/submission-field.ts";
import { addDays, quebecDay } from "../../app/modules/time/days.ts";
import { createTestDatabase, testContext } from "../support/test-db.ts";
import { callRoute, createAuthzDataset, signIn, type AuthzDataset, type FixturePerson, type FixtureRole } from "../support/fixtures.ts";
import * as home from "../../app/routes/network/_index.tsx";
import * as list from "../../app/routes/network/proposals._index.tsx";
import * as create from "../../app/routes/network/proposals.new.tsx";
import * as page from "../../app/routes/network/proposals.$proposalId.tsx";

/*
 * Decisions by proposal (issue 14 §6): who proposes and votes, a block needs a reason, named votes
 * change with their version, anonymous votes are unlinked on the tables and final, hidden results
 * until the close, closing by date (the job) or early, reminders without content and once per
 * stage, the outcome into a meeting's decisions through the meetings module, responsibilities.
 */

let handle: DatabaseHandle;
let d: AuthzDataset;
let networkSpace: string;
const cookies = new Map<string, string>();
const ctx = () => testContext(handle.db);
const key = () => ({ [SUBMISSION_KEY_FIELD]: randomUUID() });
const as = (role: FixtureRole) => d.people[role];

async function cookieOf(p: FixturePerson, tableId = d.tableA) {
  let c = cookies.get(p.email);
  if (!c) {
    c = await signIn(handle.db, p.accountId!, { activePartnershipId: tableId });
    cookies.set(p.email, c);
  }
  return c;
}
async function get(mod: { loader?: unknown }, url: string, p: FixturePerson, params: Record<string, string> = {}, tableId?: string) {
  return callRoute(mod.loader as never, { url, params, cookie: await cookieOf(p, tableId), context: ctx() });
}
async function post(mod: { action?: unknown }, url: string, p: FixturePerson, body: Record<string, string>, params: Record<string, string> = {}) {
  return callRoute(mod.action as never, { url, params, cookie: await cookieOf(p), method: "POST", body, context: ctx() });
}

async function propose(p: FixturePerson, title: string, extra: Record<string, string> = {}) {
  const out = await post(create, "/network/proposals/new", p, { spaceId: networkSpace, title, body: "Tenir la rencontre régionale au printemps.", closesOn: addDays(quebecDay(), 10), closesAtTime: "17:00", ...extra, ...key() });
  expect(out.status, JSON.stringify(out.data)).toBe(302);
  return out.location!.split("/").pop()!;
}
const vote = (id: string, p: FixturePerson, body: Record<string, string>) => post(page, `/network/proposals/${id}`, p, { intent: "vote", ...body }, { proposalId: id });
const view = async (id: string, p: FixturePerson) => {
  const out = await get(page, `/network/proposals/${id}`, p, { proposalId: id });
  return out as { status: number; data: Awaited<ReturnType<typeof page.loader>> };
};

beforeAll(async () => {
  handle = await createTestDatabase();
  d = await createAuthzDataset(handle.db);
  expect((await get(home, "/network", as("pivot"))).status).toBe(200);
  const [s] = await handle.db.select().from(forumSpace).where(and(eq(forumSpace.partnershipId, d.tableA), eq(forumSpace.kind, "network")));
  networkSpace = s!.id;
});
afterAll(async () => handle?.close());

describe("proposals", () => {
  it("only the Table's members and coordinators (and pivot coordinators) put proposals; outside the network every page is a 404", async () => {
    expect((await get(create, "/network/proposals/new", as("pivot"))).status).not.toBe(200);
    expect((await get(create, "/network/proposals/new", as("table_member"))).status).toBe(200);
    expect((await get(list, "/network/proposals", as("worker"))).status).toBe(404);
    const early = await post(create, "/network/proposals/new", as("table_member"), { spaceId: networkSpace, title: "Trop tôt", body: "x", closesOn: quebecDay(), closesAtTime: "00:00", ...key() });
    expect(early.status).toBe(400);
  });

  it("named votes: a block needs a reason, results hidden until the close, a vote changes with its version (409 when stale)", async () => {
    const id = await propose(as("table_member"), "Rencontre régionale au printemps", { hideResults: "on" });
    expect((await vote(id, as("pivot"), { choice: "agree" })).status).toBe(302);
    expect((await vote(id, as("pivot_coordinator"), { choice: "block" })).status).toBe(400);
    expect((await vote(id, as("pivot_coordinator"), { choice: "block", reason: "Le printemps est trop chargé pour les écoles." })).status).toBe(302);
    const seen = await view(id, as("table_member"));
    expect(seen.data.counts).toBeNull();
    expect(seen.data.votes).toEqual([]);
    expect(seen.data.turnout).toBe(2);
    const mine = (await view(id, as("pivot"))).data.mine!;
    expect(mine.choice).toBe("agree");
    expect((await vote(id, as("pivot"), { choice: "abstain", version: String(mine.version) })).status).toBe(302);
    expect((await vote(id, as("pivot"), { choice: "disagree", version: String(mine.version) })).status).toBe(409);
    // Another Table's coordinator reaches nothing.
    expect((await get(page, `/network/proposals/${id}`, d.tableBCoordinator, { proposalId: id }, d.tableB)).status).toBe(404);
    // Only the author (or the Table coordinator) closes early.
    const version = String((await view(id, as("pivot"))).data.proposal.version);
    expect((await post(page, `/network/proposals/${id}`, as("pivot"), { intent: "close", version }, { proposalId: id })).status).toBe(400);
    expect((await post(page, `/network/proposals/${id}`, as("table_member"), { intent: "close", version }, { proposalId: id })).status).toBe(302);
    const closed = await view(id, as("pivot"));
    expect(closed.data.proposal.outcome).toBe("blocked");
    expect(closed.data.counts).toEqual({ agree: 0, abstain: 1, disagree: 0, block: 1 });
    expect(closed.data.votes.map((v) => v.name).every(Boolean)).toBe(true);
    expect((await vote(id, as("pivot"), { choice: "agree", version: "2" })).status).toBe(400);
  });

  it("anonymous votes: the vote rows hold no person, the marker holds no vote, a second vote is refused, the audit keeps no choice", async () => {
    const id = await propose(as("table_member"), "Adopter le gabarit de compte rendu", { anonymous: "on" });
    expect((await vote(id, as("pivot"), { choice: "agree", reason: "Plus simple." })).status).toBe(302);
    expect((await vote(id, as("pivot"), { choice: "disagree" })).status).toBe(400);
    const votes = await handle.db.select().from(forumProposalVote).where(eq(forumProposalVote.proposalId, id));
    expect(votes).toHaveLength(1);
    expect(votes[0]!.personId).toBeNull();
    expect(Object.keys(votes[0]!).sort()).toEqual(["choice", "id", "partnershipId", "personId", "proposalId", "reason", "version"]);
    const markers = await handle.db.select().from(forumProposalVoter).where(eq(forumProposalVoter.proposalId, id));
    expect(markers.map((m) => m.personId)).toEqual([as("pivot").personId]);
    expect(Object.keys(markers[0]!).sort()).toEqual(["partnershipId", "personId", "proposalId"]);
    const events = await handle.db.select().from(auditEvent).where(and(eq(auditEvent.action, "forum_proposal.voted"), eq(auditEvent.targetId, id)));
    expect(events).toHaveLength(1);
    expect(JSON.stringify(events[0]!.details)).not.toMatch(/agree|Plus simple/);
    const seen = await view(id, as("pivot"));
    expect(seen.data.hasVoted).toBe(true);
    expect(seen.data.mayVote).toBe(false);
    expect(seen.data.votes.every((v) => v.name === null)).toBe(true);
  });

  it("the job closes proposals on their date; reminders go once per stage, without content, to those who have not voted", async () => {
    const id = await propose(as("table_member"), "Calendrier des rencontres de l'automne");
    expect((await vote(id, as("pivot"), { choice: "agree" })).status).toBe(302);
    const now = new Date();
    await handle.db.update(forumProposal).set({ closesAt: new Date(now.getTime() + 20 * 3600_000), createdAt: new Date(now.getTime() - 5 * 24 * 3600_000) }).where(eq(forumProposal.id, id));
    const before = await handle.db.select({ id: emailMessage.id }).from(emailMessage);
    const first = await sendProposalReminders(handle.db, { now, publicUrl: "https://filet.test" });
    expect(first.emails).toBeGreaterThan(0);
    const mails = (await handle.db.select().from(emailMessage)).filter((m) => !before.some((b) => b.id === m.id));
    expect(mails.every((m) => m.textBody.includes(`/network/proposals/${id}`) && !m.textBody.includes("Calendrier") && !m.subject.includes("Calendrier"))).toBe(true);
    const pivotMail = (await handle.db.select().from(emailMessage).where(inArray(emailMessage.toAddress, [as("pivot").email]))).filter((m) => m.textBody.includes(id));
    expect(pivotMail).toHaveLength(0);
    expect((await sendProposalReminders(handle.db, { now, publicUrl: "https://filet.test" })).emails).toBe(0);
    await handle.db.update(forumProposal).set({ closesAt: new Date(now.getTime() - 60_000) }).where(eq(forumProposal.id, id));
    expect(await closeDueProposals(handle.db, now)).toBeGreaterThanOrEqual(1);
    const [row] = await handle.db.select().from(forumProposal).where(eq(forumProposal.id, id));
    expect(row).toMatchObject({ status: "closed", outcome: "agreed", agreeCount: 1, closedByPersonId: null });
  });

  it("the outcome goes into a held meeting's decisions (the meetings module's rules), once; then responsibilities", async () => {
    const id = await propose(as("table_member"), "Réviser la section sur les signalements");
    expect((await vote(id, as("pivot"), { choice: "agree" })).status).toBe(302);
    const version = String((await view(id, as("table_member"))).data.proposal.version);
    expect((await post(page, `/network/proposals/${id}`, as("table_member"), { intent: "close", version }, { proposalId: id })).status).toBe(302);
    const [m] = await handle.db
      .insert(meeting)
      .values({ partnershipId: d.tableA, kind: "table", title: "Rencontre de la Table de décembre", startsAt: new Date(Date.now() - 3600_000), endsAt: new Date(), status: "held" })
      .returning({ id: meeting.id });
    const closedVersion = String((await view(id, as("table_member"))).data.proposal.version);
    // The author does not manage the Table's meetings: no meeting offered, and the meeting reads as missing.
    expect((await view(id, as("table_member"))).data.meetings).toEqual([]);
    expect((await post(page, `/network/proposals/${id}`, as("table_member"), { intent: "outcome", meetingId: m!.id, text: "Adoptée.", version: closedVersion }, { proposalId: id })).status).toBe(404);
    const coordinatorView = await view(id, as("table_coordinator"));
    expect(coordinatorView.data.meetings.map((x) => x.id)).toContain(m!.id);
    const recorded = await post(page, `/network/proposals/${id}`, as("table_coordinator"), { intent: "outcome", meetingId: m!.id, text: "Proposition adoptée : réviser la section.", version: closedVersion }, { proposalId: id });
    expect(recorded.status, JSON.stringify(recorded.data)).toBe(302);
    const decisions = await handle.db.select().from(meetingDecision).where(eq(meetingDecision.meetingId, m!.id));
    expect(decisions.map((x) => x.text)).toEqual(["Proposition adoptée : réviser la section."]);
    const [row] = await handle.db.select().from(forumProposal).where(eq(forumProposal.id, id));
    expect(row!.meetingDecisionId).toBe(decisions[0]!.id);
    const again = await post(page, `/network/proposals/${id}`, as("table_coordinator"), { intent: "outcome", meetingId: m!.id, text: "Encore.", version: String(row!.version) }, { proposalId: id });
    expect(again.status).toBe(400);
    const resp = await post(page, `/network/proposals/${id}`, as("table_coordinator"), { intent: "responsibility", ownerKind: "person", owner: `person:${as("pivot").personId}`, what: "Rédiger la révision", dueOn: addDays(quebecDay(), 30), ...key() }, { proposalId: id });
    expect(resp.status, JSON.stringify(resp.data)).toBe(302);
    const made = await handle.db.select().from(responsibility).where(eq(responsibility.meetingId, m!.id));
    expect(made.map((r) => r.what)).toEqual(["Rédiger la révision"]);
  });
});
