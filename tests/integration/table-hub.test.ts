import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../app/modules/db/client.server.ts";
import { actionPlan, actionPlanAction, actionPlanObjective } from "../../app/modules/action-plan/tables.ts";
import { announcement, announcementRecipient } from "../../app/modules/announcements/tables.ts";
import { grant, grantReportDate } from "../../app/modules/funding/tables.ts";
import { coordinationHandover } from "../../app/modules/handover/tables.ts";
import { meeting, meetingInvitation } from "../../app/modules/meetings/tables.ts";
import { commitmentTextVersion, partnerCommitment } from "../../app/modules/partners/tables.ts";
import { responsibility } from "../../app/modules/meetings/responsibilities/tables.ts";
import type { TableSummary } from "../../app/modules/table-hub/table-summary.server.ts";
import * as tableRoute from "../../app/routes/table/_index.tsx";
import * as homeRoute from "../../app/routes/home.tsx";
import * as root from "../../app/root.tsx";
import { createTestDatabase, testContext } from "../support/test-db.ts";
import { callRoute, createAuthzDataset, createPerson, fixtureRoles, signIn, type AuthzDataset, type FixturePerson, type FixtureRole } from "../support/fixtures.ts";
import { addDays, quebecDay } from "../../app/modules/time/days.ts";

/**
 * The Table hub (/table): every role of the Table reaches it and sees only the sections its
 * permissions open; every count is scoped to the viewer's Table and, for meetings and
 * responsibilities, to what the viewer sees in it (another Table's records never count).
 */
let handle: DatabaseHandle;
let ds: AuthzDataset;
const cookies = new Map<string, string>();
const now = new Date();
const today = quebecDay(now);
const year = Number(today.slice(0, 4));
const DAY = 86_400_000;

type Viewer = FixtureRole | "tableB" | "adminInB" | "noRole";
let noRole: FixturePerson;

/** A session per viewer; the platform admin works in Table A, or in Table B ("adminInB"). */
async function cookieOf(role: Viewer): Promise<string> {
  if (!cookies.has(role)) {
    const who = role === "tableB" ? ds.tableBCoordinator : role === "adminInB" ? ds.people.platform_admin : role === "noRole" ? noRole : ds.people[role];
    const activePartnershipId = role === "tableB" || role === "adminInB" ? ds.tableB : ds.tableA;
    cookies.set(role, await signIn(handle.db, who.accountId!, { activePartnershipId }));
  }
  return cookies.get(role)!;
}

async function hub(role: Viewer) {
  return callRoute(tableRoute.loader, { url: "/table", cookie: await cookieOf(role), context: testContext(handle.db) });
}
async function summaryOf(role: Viewer): Promise<TableSummary> {
  const out = await hub(role);
  expect(out.status, role).toBe(200);
  return (out.data as { summary: TableSummary }).summary;
}

beforeAll(async () => {
  handle = await createTestDatabase();
  ds = await createAuthzDataset(handle.db);
  const db = handle.db;
  const { tableA, tableB, org1, org2, orgB, people } = ds;
  // A person of Table A whose only role was revoked (an account, no role).
  noRole = await createPerson(db, { partnershipId: tableA, organizationId: org1, email: "no-role@a.filet.test" });
  // Meetings: a Table meeting in a week (the pivot of org 1 is invited), one later, a past one
  // never closed, a cancelled one, org 2's follow-up, and Table B's meeting tomorrow.
  const at = (days: number) => new Date(now.getTime() + days * DAY);
  const [next] = await db
    .insert(meeting)
    .values([
      { partnershipId: tableA, kind: "table", title: "Rencontre de la Table A", startsAt: at(7), endsAt: new Date(at(7).getTime() + 2 * 3600_000) },
      { partnershipId: tableA, kind: "table", title: "Rencontre suivante", startsAt: at(40), endsAt: new Date(at(40).getTime() + 2 * 3600_000) },
      { partnershipId: tableA, kind: "table", title: "Rencontre passée", startsAt: at(-20), endsAt: new Date(at(-20).getTime() + 2 * 3600_000), status: "held" },
      { partnershipId: tableA, kind: "table", title: "Annulée", startsAt: at(2), endsAt: new Date(at(2).getTime() + 3600_000), status: "cancelled" },
      { partnershipId: tableA, organizationId: org2, kind: "org_followup", title: "Suivi des pivots (org 2)", startsAt: at(3), endsAt: new Date(at(3).getTime() + 3600_000) },
      { partnershipId: tableB, kind: "table", title: "Rencontre de la Table B", startsAt: at(1), endsAt: new Date(at(1).getTime() + 3600_000) },
    ])
    .returning({ id: meeting.id });
  await db.insert(meetingInvitation).values({ meetingId: next!.id, personId: people.pivot.personId, partnershipId: tableA });
  // Responsibilities: Table-wide, owned by the delegate (one overdue), by org 1, by org 2, and Table B's.
  const r = (partnershipId: string, owner: { person?: string; org?: string }, dueOn: string, status: "todo" | "done" = "todo") => ({
    partnershipId,
    what: "Faire suivre",
    ownerPersonId: owner.person ?? null,
    ownerOrganizationId: owner.org ?? null,
    dueOn,
    status,
  });
  await db.insert(responsibility).values([
    r(tableA, { person: people.table_member.personId }, addDays(today, -3)),
    r(tableA, { person: people.table_member.personId }, addDays(today, 10)),
    r(tableA, { person: people.table_member.personId }, addDays(today, -30), "done"),
    r(tableA, { org: org1 }, addDays(today, 5)),
    r(tableA, { org: org2 }, addDays(today, -1)),
    r(tableB, { org: orgB }, addDays(today, -1)),
    r(tableB, { org: orgB }, addDays(today, -2)),
  ]);
  // Commitments: org 1 signed for years, org 2 never signed (late); Table B's organization signed.
  const [textA] = await db.insert(commitmentTextVersion).values({ partnershipId: tableA, number: 1, status: "published", titleFr: "E", titleEn: "C", bodyFr: "x", bodyEn: "x" }).returning({ id: commitmentTextVersion.id });
  const [textB] = await db.insert(commitmentTextVersion).values({ partnershipId: tableB, number: 1, status: "published", titleFr: "E", titleEn: "C", bodyFr: "x", bodyEn: "x" }).returning({ id: commitmentTextVersion.id });
  const signed = { startsOn: addDays(today, -100), endsOn: addDays(today, 700), signatoryName: "D. G.", signedOn: addDays(today, -100) };
  await db.insert(partnerCommitment).values([
    { partnershipId: tableA, organizationId: org1, textVersionId: textA!.id, ...signed },
    { partnershipId: tableB, organizationId: orgB, textVersionId: textB!.id, ...signed },
  ]);
  // This year's plan: one objective, three actions (one done, one in progress).
  const [plan] = await db.insert(actionPlan).values({ partnershipId: tableA, year, title: `Plan ${year}` }).returning({ id: actionPlan.id });
  const [objective] = await db.insert(actionPlanObjective).values({ partnershipId: tableA, planId: plan!.id, title: "Objectif" }).returning({ id: actionPlanObjective.id });
  await db.insert(actionPlanAction).values(
    (["done", "in_progress", "planned"] as const).map((status, position) => ({ partnershipId: tableA, planId: plan!.id, objectiveId: objective!.id, title: `Action ${position}`, status, position })),
  );
  // Grants: one in force with a report due, one ended; Table B's in force.
  const [g] = await db
    .insert(grant)
    .values([
      { partnershipId: tableA, funder: "Ministère", amount: 50000, startsOn: addDays(today, -200), endsOn: addDays(today, 160) },
      { partnershipId: tableA, funder: "Ancien", amount: 1000, startsOn: "2010-01-01", endsOn: "2011-01-01" },
      { partnershipId: tableB, funder: "Autre", amount: 1000, startsOn: addDays(today, -10), endsOn: addDays(today, 20) },
    ])
    .returning({ id: grant.id });
  await db.insert(grantReportDate).values([
    { partnershipId: tableA, grantId: g!.id, dueOn: addDays(today, 45), label: "Rapport", submittedOn: null },
    { partnershipId: tableA, grantId: g!.id, dueOn: addDays(today, -5), label: "Déjà remis", submittedOn: addDays(today, -6) },
  ]);
  // Table B has a handover in progress; Table A none.
  await db.insert(coordinationHandover).values({
    partnershipId: tableB,
    outgoingPersonId: ds.tableBCoordinator.personId,
    successorPersonId: ds.personB.personId,
    items: [{ key: "a", kind: "document", label: "Doc", date: null, href: null, checked: true }, { key: "b", kind: "grant", label: "Sub", date: null, href: null, checked: false }],
  });
  // One announcement to the worker, unread.
  const [a] = await db.insert(announcement).values({ partnershipId: tableA, authorPersonId: people.table_coordinator.personId, audience: "table", title: "Nouvelle", body: "…" }).returning({ id: announcement.id });
  await db.insert(announcementRecipient).values({ partnershipId: tableA, announcementId: a!.id, personId: people.worker.personId });
});
afterAll(async () => {
  await handle?.close();
});

describe("/table: route × role", () => {
  it("asks an anonymous visitor to sign in", async () => {
    const out = await callRoute(tableRoute.loader, { url: "/table", context: testContext(handle.db) });
    expect(out.status).toBe(302);
    expect(out.location).toMatch(/^\/login/);
  });

  it("opens for every role of the Table (the platform admin working in it too); a person without a role gets a 404", async () => {
    for (const role of fixtureRoles) expect((await hub(role)).status, role).toBe(200);
    expect((await hub("noRole")).status).toBe(404);
  });

  it("shows each section only to the roles whose permission opens its pages", async () => {
    const sections = async (role: FixtureRole) => {
      const s = await summaryOf(role);
      return {
        commitments: !!s.partners.commitments,
        meetings: !!s.meetings,
        responsibilities: !!s.responsibilities,
        actionPlan: !!s.actionPlan,
        funding: !!s.funding,
        handover: !!s.handover,
      };
    };
    expect(await sections("table_coordinator")).toEqual({ commitments: true, meetings: true, responsibilities: true, actionPlan: true, funding: true, handover: true });
    // commitment.read is the Table's own (coordinator, delegates): not the platform admin's.
    expect(await sections("platform_admin")).toEqual({ commitments: false, meetings: true, responsibilities: true, actionPlan: true, funding: true, handover: true });
    expect(await sections("table_member")).toEqual({ commitments: true, meetings: true, responsibilities: true, actionPlan: true, funding: true, handover: false });
    expect(await sections("pivot")).toEqual({ commitments: false, meetings: true, responsibilities: true, actionPlan: false, funding: false, handover: false });
    // Any member may be named owner of a responsibility: "my responsibilities" is for everyone.
    expect(await sections("evaluator")).toEqual({ commitments: false, meetings: false, responsibilities: true, actionPlan: true, funding: false, handover: false });
    expect(await sections("worker")).toEqual({ commitments: false, meetings: false, responsibilities: true, actionPlan: false, funding: false, handover: false });
    expect(await sections("privacy_officer")).toEqual({ commitments: false, meetings: false, responsibilities: true, actionPlan: false, funding: false, handover: false });
  });
});

describe("/table: counts scoped to the viewer's Table and organization", () => {
  it("the coordinator of Table A: its partners, meetings, overdue items, plan, grants — none of Table B's", async () => {
    const s = await summaryOf("table_coordinator");
    expect(s.partners).toEqual({ organizations: 2, commitments: { signed: 1, due: 0, late: 1 } });
    // Two Table meetings to come (the cancelled one and org 2's follow-up are not counted), the past one to close.
    expect(s.meetings).toMatchObject({ next: { title: "Rencontre de la Table A" }, upcoming: 2, toClose: 1 });
    // Table-wide overdue: the delegate's and org 2's (Table B's two overdue items never count).
    expect(s.responsibilities).toMatchObject({ mineOpen: 1, mineOverdue: 0, overdue: 2, showOverdue: true, canList: true });
    expect(s.actionPlan).toEqual({ plan: { year, objectives: 1, actions: 3, done: 1, inProgress: 1 }, canEdit: true });
    expect(s.funding).toEqual({ active: 1, nextReportOn: addDays(today, 45), firstEndOn: addDays(today, 160) });
    expect(s.handover).toEqual({ open: false, checked: 0, total: 0 });
    expect(s.announcements).toEqual({ unread: 0, canPost: true });
  });

  it("links to the surveys for the coordinator and the evaluator only (survey.manage or survey.results)", async () => {
    const viewers: FixtureRole[] = ["table_coordinator", "evaluator", "table_member", "pivot", "worker", "privacy_officer"];
    const shown = Object.fromEntries(await Promise.all(viewers.map(async (v) => [v, (await summaryOf(v)).surveys] as const)));
    expect(shown).toEqual({ table_coordinator: true, evaluator: true, table_member: false, pivot: false, worker: false, privacy_officer: false });
  });

  it("the delegate counts their own and their organization's responsibilities", async () => {
    const s = await summaryOf("table_member");
    // Own open ones (one overdue) + org 1's; the done one is not open.
    expect(s.responsibilities).toMatchObject({ mineOpen: 3, mineOverdue: 1, showOverdue: false });
    expect(s.actionPlan?.canEdit).toBe(false);
  });

  it("a pivot sees only the meetings they are invited to and their organization's follow-ups", async () => {
    const s = await summaryOf("pivot");
    expect(s.meetings).toMatchObject({ next: { title: "Rencontre de la Table A" }, upcoming: 1, toClose: 0 });
    expect(s.responsibilities).toMatchObject({ mineOpen: 1, mineOverdue: 0, showOverdue: false });
  });

  it("the worker sees their unread announcement and only what they own; Table B's coordinator sees only Table B", async () => {
    const worker = await summaryOf("worker");
    expect(worker.announcements).toEqual({ unread: 1, canPost: false });
    // Org 1 owns an open item, but a worker answers only for what is theirs by name.
    expect(worker.responsibilities).toMatchObject({ mineOpen: 0, showOverdue: false, canList: false });
    const b = await summaryOf("tableB");
    expect(b.partners).toEqual({ organizations: 1, commitments: { signed: 1, due: 0, late: 0 } });
    expect(b.meetings).toMatchObject({ next: { title: "Rencontre de la Table B" }, upcoming: 1, toClose: 0 });
    expect(b.responsibilities).toMatchObject({ overdue: 2 });
    expect(b.actionPlan).toEqual({ plan: null, canEdit: true });
    expect(b.funding).toMatchObject({ active: 1, nextReportOn: null });
    expect(b.handover).toEqual({ open: true, checked: 1, total: 2 });
  });

  it("the platform admin switched to Table B counts Table B's records only", async () => {
    const s = await summaryOf("adminInB");
    expect(s.partners.organizations).toBe(1);
    expect(s.meetings).toMatchObject({ next: { title: "Rencontre de la Table B" }, upcoming: 1 });
    expect(s.responsibilities).toMatchObject({ mineOpen: 0, overdue: 2 });
    expect(s.funding).toMatchObject({ active: 1 });
  });
});

describe("header entry and home shortcuts", () => {
  it("the header offers one 'La Table' entry to members of a Table, with the unread count", async () => {
    const rootOf = async (role: Viewer) =>
      (await callRoute(root.loader, { url: "/", cookie: await cookieOf(role), context: testContext(handle.db) })).data as { canTable: boolean; unreadAnnouncements: number };
    expect(await rootOf("worker")).toMatchObject({ canTable: true, unreadAnnouncements: 1 });
    expect(await rootOf("table_coordinator")).toMatchObject({ canTable: true, unreadAnnouncements: 0 });
    expect((await rootOf("platform_admin")).canTable).toBe(true);
    expect((await rootOf("noRole")).canTable).toBe(false);
  });

  it("home shows the next meeting and my open responsibilities when there are some", async () => {
    const homeOf = async (role: Viewer) =>
      ((await callRoute(homeRoute.loader, { url: "/", cookie: await cookieOf(role), context: testContext(handle.db) })).data as {
        tableWork: { nextMeeting: { title: string } | null; mine: { open: number; overdue: number } | null } | null;
      }).tableWork;
    expect(await homeOf("table_member")).toMatchObject({ nextMeeting: { title: "Rencontre de la Table A" }, mine: { open: 3, overdue: 1 } });
    expect(await homeOf("worker")).toMatchObject({ nextMeeting: null, mine: null });
    expect(await homeOf("noRole")).toBeNull();
  });
});
