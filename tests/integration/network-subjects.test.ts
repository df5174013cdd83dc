import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { DatabaseHandle } from "../../app/modules/db/client.server.ts";
import { actionPlan, actionPlanAction, actionPlanObjective } from "../../app/modules/action-plan/tables.ts";
import { auditEvent } from "../../app/modules/audit/tables.ts";
import { evaluationRecommendation, evaluationReport } from "../../app/modules/evaluation-reports/tables.ts";
import { forumPost, forumSpace, forumThread } from "../../app/modules/forum/tables.ts";
import { changeGuideVersionStatus, createGuideSection, ensureGuideModules } from "../../app/modules/guide/write-guide.server.ts";
import { guideModule, guideSectionVersion } from "../../app/modules/guide/tables.ts";
import { meeting, meetingAgendaItem } from "../../app/modules/meetings/tables.ts";
import * as subjectRoute from "../../app/routes/network/subjects.$subjectType.$subjectId.tsx";
import * as threadRoute from "../../app/routes/network/threads.$threadId.tsx";
import * as planRoute from "../../app/routes/table/action-plan.$year.tsx";
import * as sectionRoute from "../../app/routes/guide/sections.$sectionId.tsx";
import * as recommendationRoute from "../../app/routes/evaluation/recommendations.$recommendationId.tsx";
import * as meetingRoute from "../../app/routes/meetings/$meetingId.tsx";
import { createTestDatabase, testContext } from "../support/test-db.ts";
import { callRoute, createAuthzDataset, signIn, type AuthzDataset, type FixturePerson, type FixtureRole } from "../support/fixtures.ts";

// Threads inside Filet objects (issue 14 §1): one thread per object, another Table's object is
// 404, a reader of the object who does not read its space sees no link, the thread links back,
// the guard on what the user writes, the audit event.
let handle: DatabaseHandle;
let ds: AuthzDataset;
const cookies: Record<string, string> = {};
const ctx = () => testContext(handle.db);
const cookieOf = async (who: FixturePerson) => (cookies[who.email] ??= await signIn(handle.db, who.accountId!));
const as = (role: FixtureRole) => ds.people[role];
const ids = { action: "", actionB: "", rec: "", section: "", item: "", tableMeeting: "", year: "2026" };
const subjectUrl = (type: string, id: string) => `/network/subjects/${type}/${id}`;
const open = async (who: FixturePerson, type: string, id: string, body: Record<string, string> = {}, key = randomUUID()) =>
  callRoute(subjectRoute.action, { url: subjectUrl(type, id), params: { subjectType: type, subjectId: id }, cookie: await cookieOf(who), method: "POST", body: { _submission: key, ...body }, context: ctx() });
const view = async (who: FixturePerson, type: string, id: string) =>
  callRoute(subjectRoute.loader, { url: subjectUrl(type, id), params: { subjectType: type, subjectId: id }, cookie: await cookieOf(who), context: ctx() });
const threadIdOf = (location: string | null | undefined) => location!.split("/")[3]!.split(/[?#]/)[0]!;
const threadsOf = (type: string, id: string) =>
  handle.db
    .select()
    .from(forumThread)
    .where(and(eq(forumThread.subjectType, type as "guide_section"), eq(forumThread.subjectId, id)));
type Talk = { threads: Record<string, [string, number]>; mayStart: boolean } | null;

async function plan(partnershipId: string, title: string) {
  const [p] = await handle.db.insert(actionPlan).values({ partnershipId, year: 2026, title: "Plan 2026" }).returning();
  const [o] = await handle.db.insert(actionPlanObjective).values({ partnershipId, planId: p!.id, title: "Objectif" }).returning();
  const [a] = await handle.db.insert(actionPlanAction).values({ partnershipId, planId: p!.id, objectiveId: o!.id, title, status: "in_progress", progress: 40 }).returning();
  return a!.id;
}

beforeAll(async () => {
  handle = await createTestDatabase();
  ds = await createAuthzDataset(handle.db);
  ids.action = await plan(ds.tableA, "Réseau de communication des pivots");
  ids.actionB = await plan(ds.tableB, "Action de l'autre Table");
  const [report] = await handle.db
    .insert(evaluationReport)
    .values({ partnershipId: ds.tableA, title: "Évaluation de mi-parcours", evaluatorName: "Évaluatrice", reportOn: "2026-10-01", kind: "interim", responseDueOn: "2026-12-31" })
    .returning();
  const [rec] = await handle.db.insert(evaluationRecommendation).values({ partnershipId: ds.tableA, reportId: report!.id, number: 1, text: "Former les nouveaux pivots dans les trois mois.", addressee: "table", priority: "high" }).returning();
  ids.rec = rec!.id;
  const actor = { accountId: null, role: "table_coordinator", organizationId: null, partnershipId: ds.tableA, requestId: "t", ip: "127.0.0.1" };
  await ensureGuideModules(handle.db, actor, ds.tableA);
  const [mod] = await handle.db.select().from(guideModule).where(eq(guideModule.partnershipId, ds.tableA));
  const content = { titleFr: "Repérer les signes", titleEn: "Spotting the signs", bodyFr: "Texte.", bodyEn: "Text.", exercises: [] };
  const section = await createGuideSection(handle.db, actor, { partnershipId: ds.tableA, personId: ds.people.trainer.personId, moduleId: mod!.id, content, translationStatus: "translated" });
  ids.section = (section as { value: string }).value;
  const [v1] = await handle.db.select().from(guideSectionVersion).where(eq(guideSectionVersion.sectionId, ids.section));
  await changeGuideVersionStatus(handle.db, actor, { partnershipId: ds.tableA, personId: ds.people.trainer.personId, versionId: v1!.id, to: "published", publicUrl: "https://filet.test" });
  const [m] = await handle.db
    .insert(meeting)
    .values({ partnershipId: ds.tableA, kind: "table", title: "Table de décembre", startsAt: new Date("2026-12-01T14:00:00Z"), endsAt: new Date("2026-12-01T16:00:00Z"), status: "planned" })
    .returning();
  ids.tableMeeting = m!.id;
  const [item] = await handle.db.insert(meetingAgendaItem).values({ partnershipId: ds.tableA, meetingId: m!.id, title: "Bilan des formations" }).returning();
  ids.item = item!.id;
}, 120_000);
afterAll(async () => {
  await handle?.close();
});

describe("one thread per object", () => {
  it("opens one thread under a double submit and under two people opening at once", async () => {
    const key = randomUUID();
    const [first, second] = await Promise.all([open(as("table_member"), "action_plan_action", ids.action, {}, key), open(as("table_member"), "action_plan_action", ids.action, {}, key)]);
    expect(first.status).toBe(302);
    expect(second.status).toBe(302);
    expect(threadIdOf(second.location)).toBe(threadIdOf(first.location));
    const [a, b] = await Promise.all([open(as("table_coordinator"), "action_plan_action", ids.action), open(as("table_member"), "action_plan_action", ids.action)]);
    expect(threadIdOf(a.location)).toBe(threadIdOf(first.location));
    expect(threadIdOf(b.location)).toBe(threadIdOf(first.location));
    const threads = await threadsOf("action_plan_action", ids.action);
    expect(threads).toHaveLength(1);
    // In the Table's own space, with a generated opening that links back to the action.
    const [space] = await handle.db.select().from(forumSpace).where(eq(forumSpace.id, threads[0]!.spaceId));
    expect(space!.kind).toBe("table");
    const [opening] = await handle.db.select().from(forumPost).where(eq(forumPost.threadId, threads[0]!.id));
    expect(opening!.body).toContain(`/action-plan/2026#item-${ids.action}`);
    // GET on an object that has its thread goes to it.
    const again = await view(as("table_member"), "action_plan_action", ids.action);
    expect(again.status).toBe(302);
    expect(threadIdOf(again.location)).toBe(threads[0]!.id);
  });

  it("records the audit event with the subject", async () => {
    const [thread] = await threadsOf("action_plan_action", ids.action);
    const events = await handle.db.select().from(auditEvent).where(and(eq(auditEvent.action, "forum_thread.created"), eq(auditEvent.targetId, thread!.id)));
    expect(events).toHaveLength(1);
    expect(events[0]!.details).toMatchObject({ subjectType: "action_plan_action", subjectId: ids.action });
  });

  it("opens a guide section's thread in the whole network's space, a pivot included", async () => {
    const page = await view(as("pivot"), "guide_section", ids.section);
    expect(page.status).toBe(200);
    const out = await open(as("pivot"), "guide_section", ids.section, { body: "Comment l'utilisez-vous en accueil?" });
    expect(out.status).toBe(302);
    const [thread] = await threadsOf("guide_section", ids.section);
    const [space] = await handle.db.select().from(forumSpace).where(eq(forumSpace.id, thread!.spaceId));
    expect(space!.kind).toBe("network");
  });
});

describe("what answers 404", () => {
  it("answers another Table's object, an unknown kind, a bad id and a missing object like a missing one", async () => {
    const before = await handle.db.select({ n: sql<number>`count(*)::int` }).from(forumThread);
    expect((await open(as("table_coordinator"), "action_plan_action", ids.actionB)).status).toBe(404);
    expect((await view(as("table_coordinator"), "action_plan_action", ids.actionB)).status).toBe(404);
    expect((await open(as("table_coordinator"), "action_plan_action", randomUUID())).status).toBe(404);
    expect((await open(as("table_coordinator"), "survey", ids.action)).status).toBe(404);
    expect((await open(as("table_coordinator"), "action_plan_action", "not-a-uuid")).status).toBe(404);
    // An id of one kind under another kind is missing too.
    expect((await open(as("table_coordinator"), "recommendation", ids.action)).status).toBe(404);
    const other = await callRoute(subjectRoute.action, {
      url: subjectUrl("action_plan_action", ids.action),
      params: { subjectType: "action_plan_action", subjectId: ids.action },
      cookie: await signIn(handle.db, ds.tableBCoordinator.accountId!),
      method: "POST",
      body: { _submission: randomUUID() },
      context: ctx(),
    });
    expect(other.status).toBe(404);
    const after = await handle.db.select({ n: sql<number>`count(*)::int` }).from(forumThread);
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it("answers 404 to a pivot on a Table object (they do not read the Table's space), and to an observer outside the network", async () => {
    expect((await open(as("pivot"), "recommendation", ids.rec)).status).toBe(404);
    expect((await open(as("pivot_coordinator"), "agenda_item", ids.item)).status).toBe(404);
    expect((await open(as("observer"), "action_plan_action", ids.action)).status).toBe(404);
  });
});

describe("links on the objects' pages", () => {
  it("shows the count to the Table, nothing to an observer who reads the plan but not the space", async () => {
    const url = `/action-plan/${ids.year}`;
    const member = await callRoute(planRoute.loader, { url, params: { year: ids.year }, cookie: await cookieOf(as("table_member")), context: ctx() });
    const talk = (member.data as { talk: Talk }).talk;
    expect(talk?.threads[ids.action]?.[1]).toBe(1);
    const observer = await callRoute(planRoute.loader, { url, params: { year: ids.year }, cookie: await cookieOf(as("observer")), context: ctx() });
    expect(observer.status).toBe(200);
    expect((observer.data as { talk: Talk }).talk).toBeNull();
    const evaluator = await callRoute(recommendationRoute.loader, { url: `/evaluation/recommendations/${ids.rec}`, params: { recommendationId: ids.rec }, cookie: await cookieOf(as("evaluator")), context: ctx() });
    expect(evaluator.status).toBe(200);
    expect((evaluator.data as { talk: Talk }).talk).toBeNull();
    const coordinator = await callRoute(recommendationRoute.loader, { url: `/evaluation/recommendations/${ids.rec}`, params: { recommendationId: ids.rec }, cookie: await cookieOf(as("table_coordinator")), context: ctx() });
    expect((coordinator.data as { talk: Talk }).talk).toEqual({ threads: {}, mayStart: true });
  });

  it("shows the guide section's link to the network, none to a trainer outside it", async () => {
    const url = `/guide/sections/${ids.section}`;
    const pivot = await callRoute(sectionRoute.loader, { url, params: { sectionId: ids.section }, cookie: await cookieOf(as("pivot")), context: ctx() });
    expect(Object.keys((pivot.data as { talk: Talk }).talk!.threads)).toEqual([ids.section]);
    const trainer = await callRoute(sectionRoute.loader, { url, params: { sectionId: ids.section }, cookie: await cookieOf(as("trainer")), context: ctx() });
    expect(trainer.status).toBe(200);
    expect((trainer.data as { talk: Talk }).talk).toBeNull();
  });

  it("offers an agenda item of a Table meeting to the Table", async () => {
    const page = await callRoute(meetingRoute.loader, { url: `/meetings/${ids.tableMeeting}`, params: { meetingId: ids.tableMeeting }, cookie: await cookieOf(as("table_member")), context: ctx() });
    expect((page.data as { talk: Talk }).talk).toEqual({ threads: {}, mayStart: true });
    const out = await open(as("table_member"), "agenda_item", ids.item);
    expect(out.status, JSON.stringify(out.data)).toBe(302);
  });
});

describe("the thread page and the guard", () => {
  it("links the thread back to its object", async () => {
    const [thread] = await threadsOf("action_plan_action", ids.action);
    const page = await callRoute(threadRoute.loader, { url: `/network/threads/${thread!.id}`, params: { threadId: thread!.id }, cookie: await cookieOf(as("table_member")), context: ctx() });
    expect((page.data as { about: { title: string; path: string } }).about).toEqual({ title: "Réseau de communication des pivots", path: `/action-plan/2026#item-${ids.action}` });
  });

  it("refuses a youth's name in the opening the user writes, and writes nothing", async () => {
    const out = await open(as("table_coordinator"), "recommendation", ids.rec, { body: "La jeune s'appelle Léa Tremblay, née le 14 mars 2009, au 123 rue des Érables." });
    expect(out.status).toBe(400);
    const findings = (out.data as { findings: Record<string, { kind: string }[]> }).findings;
    expect(findings.body!.map((f) => f.kind)).toEqual(expect.arrayContaining(["person_name"]));
    expect(await threadsOf("recommendation", ids.rec)).toHaveLength(0);
    expect((await open(as("table_coordinator"), "recommendation", ids.rec, { body: "À suivre en janvier." })).status).toBe(302);
    expect(await threadsOf("recommendation", ids.rec)).toHaveLength(1);
  });
});
