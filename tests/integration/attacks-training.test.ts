import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import type { DatabaseHandle } from "../../app/modules/db/client.server.ts";
import { rowsOf } from "../../app/modules/db/rows.ts";
import { seedGuideDemo } from "../../app/modules/demo/seed-guide.server.ts";
import { guideModule, guideSection } from "../../app/modules/guide/tables.ts";
import { pairProposal, trainerProfile, trainingAttendance, trainingProgram, trainingRegistration, trainingSession } from "../../app/modules/training/tables.ts";
import * as nominateRoute from "../../app/routes/training/nominate.tsx";
import * as attendanceRoute from "../../app/routes/training/sessions.$sessionId.attendance.tsx";
import * as pairsRoute from "../../app/routes/training/pairs.tsx";
import * as moduleEditRoute from "../../app/routes/guide/modules.$moduleId.edit.tsx";
import * as archiveRoute from "../../app/routes/guide/sections.$sectionId.archive.tsx";
import { createTestDatabase, testContext } from "../support/test-db.ts";
import { callRoute, createAuthzDataset, createPerson, signIn, type AuthzDataset, type FixturePerson, type RouteOutcome } from "../support/fixtures.ts";
import { registrationForm } from "./training-form-support.ts";

/*
 * An attacker's review of the training and guide routes built last: nomination, the sign-in sheet,
 * applying a pair proposal, and the guide's organization. A signed-in person of Table A, of one
 * organization, or of Table B tries every id they can put in the URL or the form.
 */

let handle: DatabaseHandle;
let ds: AuthzDataset;
const cookies = new Map<string, string>();
const ctx = () => testContext(handle.db);
const MISSING = "00000000-0000-4000-8000-000000000000";
const notFoundBody = { status: 404, location: null, data: { message: "not_found" } };
const strip = (o: RouteOutcome) => ({ status: o.status, location: o.location, data: o.data });

const cookieOf = async (who: FixturePerson) => {
  if (!cookies.has(who.email)) cookies.set(who.email, await signIn(handle.db, who.accountId!, { activePartnershipId: who === ds.tableBCoordinator || who === trainerB ? ds.tableB : ds.tableA }));
  return cookies.get(who.email)!;
};
type Fn = Parameters<typeof callRoute>[0];
const get = async (fn: Fn, who: FixturePerson, url: string, params: Record<string, string> = {}) => callRoute(fn, { url, params, cookie: await cookieOf(who), context: ctx() });
const post = async (fn: Fn, who: FixturePerson, url: string, body: Record<string, string | string[]>, params: Record<string, string> = {}) =>
  callRoute(fn, { url, params, cookie: await cookieOf(who), method: "POST", body, context: ctx() });

async function auditCount(action: string): Promise<number> {
  return rowsOf<{ n: number }>(await handle.db.execute(sql`select count(*)::int as n from audit_event where action = ${action}`))[0]!.n;
}
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

let trainerOrg1: FixturePerson;
let trainerB: FixturePerson;
let workerOrg1: FixturePerson;
let workerOrg2: FixturePerson;
let workerB: FixturePerson;
let profileA1: string; // ds.people.trainer (org 2)
let profileA2: string; // trainerOrg1
let profileB: string;
let sessionA: string; // given by ds.people.trainer and trainerOrg1
let sessionA2: string; // no trainers
let sessionB: string;
let registrationA: string;
let registrationA2: string;

async function newSession(partnershipId: string, programId: string, trainers: [string | null, string | null], first = 60) {
  const [row] = await handle.db
    .insert(trainingSession)
    .values({ partnershipId, programId, dates: [day(first), day(first + 1)], place: "Salle", status: "open", capacity: 20, trainerAId: trainers[0], trainerBId: trainers[1] })
    .returning({ id: trainingSession.id });
  return row!.id;
}

beforeAll(async () => {
  handle = await createTestDatabase();
  const db = handle.db;
  ds = await createAuthzDataset(db);
  trainerOrg1 = await createPerson(db, { partnershipId: ds.tableA, organizationId: ds.org1, email: "trainer-org1@a.filet.test", roles: [{ role: "trainer" }] });
  trainerB = await createPerson(db, { partnershipId: ds.tableB, organizationId: ds.orgB, email: "trainer@b.filet.test", roles: [{ role: "trainer" }] });
  workerOrg1 = ds.people.worker;
  workerOrg2 = await createPerson(db, { partnershipId: ds.tableA, organizationId: ds.org2, email: "worker-org2@a.filet.test", roles: [{ role: "worker" }] });
  workerB = await createPerson(db, { partnershipId: ds.tableB, organizationId: ds.orgB, email: "worker@b.filet.test", roles: [{ role: "worker" }] });
  const [programA] = await db.insert(trainingProgram).values({ partnershipId: ds.tableA, slug: "base", nameFr: "Base", nameEn: "Basic" }).returning();
  const [programB] = await db.insert(trainingProgram).values({ partnershipId: ds.tableB, slug: "base", nameFr: "Base", nameEn: "Basic" }).returning();
  const [p1] = await db.insert(trainerProfile).values({ partnershipId: ds.tableA, personId: ds.people.trainer.personId, organizationId: ds.org2 }).returning();
  const [p2] = await db.insert(trainerProfile).values({ partnershipId: ds.tableA, personId: trainerOrg1.personId, organizationId: ds.org1 }).returning();
  const [pB] = await db.insert(trainerProfile).values({ partnershipId: ds.tableB, personId: trainerB.personId, organizationId: ds.orgB }).returning();
  profileA1 = p1!.id;
  profileA2 = p2!.id;
  profileB = pB!.id;
  // Started yesterday: its sign-in sheet takes marks (attendance opens on the first day).
  sessionA = await newSession(ds.tableA, programA!.id, [profileA1, profileA2], -1);
  sessionA2 = await newSession(ds.tableA, programA!.id, [null, null], 90);
  sessionB = await newSession(ds.tableB, programB!.id, [profileB, null]);
  const [r1] = await db.insert(trainingRegistration).values({ partnershipId: ds.tableA, sessionId: sessionA, personId: workerOrg1.personId, status: "registered" }).returning();
  const [r2] = await db.insert(trainingRegistration).values({ partnershipId: ds.tableA, sessionId: sessionA2, personId: workerOrg2.personId, status: "registered" }).returning();
  registrationA = r1!.id;
  registrationA2 = r2!.id;
  await db.insert(trainingRegistration).values({ partnershipId: ds.tableB, sessionId: sessionB, personId: workerB.personId, status: "registered" });
  await db.transaction(async (tx) => {
    await seedGuideDemo(tx, ds.tableA);
    await seedGuideDemo(tx, ds.tableB);
  });
});
afterAll(async () => {
  await handle?.close();
});

describe("nomination by a pivot coordinator", () => {
  // As the page sends it: a nomination (a create) carries its submission key.
  const nominate = (who: FixturePerson, body: Record<string, string>) => post(nominateRoute.action, who, "/training/nominate", registrationForm(body));

  it("nominates a worker of their organization; another organization's or Table's person reads like an unknown one", async () => {
    const pc = ds.people.pivot_coordinator; // org 1
    expect((await nominate(pc, { intent: "nominate", sessionId: sessionA2, personId: workerOrg1.personId })).status).toBe(302);
    for (const personId of [workerOrg2.personId, workerB.personId, ds.personOrg2.personId, MISSING]) {
      expect(strip(await nominate(pc, { intent: "nominate", sessionId: sessionA2, personId }))).toEqual(notFoundBody);
    }
    const theirs = await handle.db.select().from(trainingRegistration).where(and(eq(trainingRegistration.sessionId, sessionA2), eq(trainingRegistration.personId, workerOrg2.personId)));
    expect(theirs[0]!.status).toBe("registered");
  });

  it("cannot cancel another organization's worker, nor use another Table's session", async () => {
    const pc = ds.people.pivot_coordinator;
    expect(strip(await nominate(pc, { intent: "cancel", sessionId: sessionA2, personId: workerOrg2.personId }))).toEqual(notFoundBody);
    expect(strip(await nominate(pc, { intent: "nominate", sessionId: sessionB, personId: workerOrg1.personId }))).toEqual(notFoundBody);
    expect(strip(await nominate(pc, { intent: "nominate", sessionId: MISSING, personId: workerOrg1.personId }))).toEqual(notFoundBody);
    const [r] = await handle.db.select().from(trainingRegistration).where(eq(trainingRegistration.id, registrationA2));
    expect(r!.status).toBe("registered");
    expect(await handle.db.select().from(trainingRegistration).where(and(eq(trainingRegistration.sessionId, sessionB), eq(trainingRegistration.personId, workerOrg1.personId)))).toEqual([]);
  });

  it("Table B's coordinator cannot nominate Table A's people; an unexpected intent or malformed id is a 400", async () => {
    expect(strip(await nominate(ds.tableBCoordinator, { intent: "nominate", sessionId: sessionB, personId: workerOrg1.personId }))).toEqual(notFoundBody);
    expect(strip(await nominate(ds.tableBCoordinator, { intent: "nominate", sessionId: sessionA, personId: workerB.personId }))).toEqual(notFoundBody);
    expect((await nominate(ds.people.pivot_coordinator, { intent: "promote", sessionId: sessionA2, personId: workerOrg1.personId })).status).toBe(400);
    expect((await nominate(ds.people.pivot_coordinator, { intent: "nominate", sessionId: "-".repeat(36), personId: workerOrg1.personId })).status).toBe(400);
  });

  it("roles without the permission get a 404 on GET and POST, audited", async () => {
    const before = await auditCount("access.denied");
    for (const role of ["pivot", "worker", "trainer", "table_member"] as const) {
      expect(strip(await get(nominateRoute.loader, ds.people[role], "/training/nominate")), role).toEqual(notFoundBody);
      expect(strip(await nominate(ds.people[role], { intent: "nominate", sessionId: sessionA2, personId: workerOrg1.personId })), role).toEqual(notFoundBody);
    }
    expect(await auditCount("access.denied")).toBe(before + 8);
    const anonymous = await callRoute(nominateRoute.action, { url: "/training/nominate", method: "POST", body: { intent: "nominate" }, context: ctx() });
    expect(anonymous.status).toBe(302);
    expect(anonymous.location).toMatch(/^\/login/);
  });
});

describe("the sign-in sheet", () => {
  const url = (id: string) => `/training/sessions/${id}/attendance`;
  /** The sheet as the page sends it: with the version it was drawn with. */
  const sheet = async (who: FixturePerson, sessionId: string, fields: Record<string, string>) => {
    const page = await get(attendanceRoute.loader, who, url(sessionId), { sessionId });
    return { ...fields, version: String((page.data as { version: number }).version) };
  };

  it("a trainer fills only the sheets of the sessions they give; others read like missing ones", async () => {
    expect((await get(attendanceRoute.loader, ds.people.trainer, url(sessionA), { sessionId: sessionA })).status).toBe(200);
    expect(strip(await get(attendanceRoute.loader, ds.people.trainer, url(sessionA2), { sessionId: sessionA2 }))).toEqual(notFoundBody);
    expect(strip(await get(attendanceRoute.loader, ds.people.trainer, url(sessionB), { sessionId: sessionB }))).toEqual(notFoundBody);
    expect(strip(await get(attendanceRoute.loader, ds.people.trainer, url(MISSING), { sessionId: MISSING }))).toEqual(notFoundBody);
    expect(strip(await post(attendanceRoute.action, ds.people.trainer, url(sessionA2), { [`day:${registrationA2}:0`]: "present" }, { sessionId: sessionA2 }))).toEqual(notFoundBody);
    expect(strip(await get(attendanceRoute.loader, trainerB, url(sessionA), { sessionId: sessionA }))).toEqual(notFoundBody);
    expect(strip(await get(attendanceRoute.loader, ds.tableBCoordinator, url(sessionA), { sessionId: sessionA }))).toEqual(notFoundBody);
    expect(strip(await get(attendanceRoute.loader, ds.people.worker, url(sessionA), { sessionId: sessionA }))).toEqual(notFoundBody);
    expect(await handle.db.select().from(trainingAttendance).where(eq(trainingAttendance.registrationId, registrationA2))).toEqual([]);
  });

  it("a mark for a registration of another session, an unknown day or status is refused; nothing is written", async () => {
    const t = ds.people.trainer;
    const p = { sessionId: sessionA };
    expect((await post(attendanceRoute.action, t, url(sessionA), await sheet(t, sessionA, { [`day:${registrationA2}:0`]: "present" }), p)).status).toBe(400);
    expect((await post(attendanceRoute.action, t, url(sessionA), await sheet(t, sessionA, { [`day:${registrationA}:2`]: "present" }), p)).status).toBe(400);
    expect((await post(attendanceRoute.action, t, url(sessionA), await sheet(t, sessionA, { [`day:${registrationA}:0`]: "teleported" }), p)).status).toBe(400);
    expect((await post(attendanceRoute.action, t, url(sessionA), await sheet(t, sessionA, { [`day:${"-".repeat(36)}:0`]: "present" }), p)).status).toBe(400);
    // Only the coordinator decides a completion: a trainer sending the field is refused.
    expect((await post(attendanceRoute.action, t, url(sessionA), await sheet(t, sessionA, { [`day:${registrationA}:0`]: "present", [`complete:${registrationA}`]: "on" }), p)).status).toBe(400);
    expect(await handle.db.select().from(trainingAttendance)).toEqual([]);
    // A legitimate sheet is saved, audited in the same step.
    const before = await auditCount("training_attendance.recorded");
    expect((await post(attendanceRoute.action, t, url(sessionA), await sheet(t, sessionA, { [`day:${registrationA}:0`]: "present", [`day:${registrationA}:1`]: "present" }), p)).status).toBe(302);
    expect(await auditCount("training_attendance.recorded")).toBe(before + 1);
    const [r] = await handle.db.select().from(trainingRegistration).where(eq(trainingRegistration.id, registrationA));
    expect(r!.completedAt).not.toBeNull();
  });

  it("the coordinator's completion decision for another session's registration is refused", async () => {
    const c = ds.people.table_coordinator;
    const res = await post(attendanceRoute.action, c, url(sessionA), { [`decide:${registrationA2}`]: "1", [`complete:${registrationA2}`]: "on" }, { sessionId: sessionA });
    expect(res.status).toBe(400);
    const [r] = await handle.db.select().from(trainingRegistration).where(eq(trainingRegistration.id, registrationA2));
    expect(r!.completedAt).toBeNull();
  });
});

describe("applying a pair proposal", () => {
  let proposalA: string;
  let proposalB: string;

  beforeAll(async () => {
    const [a] = await handle.db
      .insert(pairProposal)
      .values({ partnershipId: ds.tableA, status: "proposed", sessionIds: [sessionA2], assignments: [{ sessionId: sessionA2, trainerIds: [profileA1, profileA2] }] })
      .returning();
    const [b] = await handle.db
      .insert(pairProposal)
      .values({ partnershipId: ds.tableB, status: "proposed", sessionIds: [sessionB], assignments: [{ sessionId: sessionB, trainerIds: [profileB, profileB] }] })
      .returning();
    proposalA = a!.id;
    proposalB = b!.id;
  });

  it("another Table's proposal reads like a missing one; its sessions are untouched", async () => {
    const c = ds.people.table_coordinator;
    expect(strip(await post(pairsRoute.action, c, "/training/pairs", { intent: "apply", proposalId: proposalB, version: "1", [`a:${sessionB}`]: profileA1, [`b:${sessionB}`]: profileA2 }))).toEqual(notFoundBody);
    expect(strip(await post(pairsRoute.action, c, "/training/pairs", { intent: "apply", proposalId: MISSING, version: "1" }))).toEqual(notFoundBody);
    const [s] = await handle.db.select().from(trainingSession).where(eq(trainingSession.id, sessionB));
    expect([s!.trainerAId, s!.trainerBId]).toEqual([profileB, null]);
  });

  it("trainers of another Table, two of one organization, or one trainer twice are refused; nothing applied", async () => {
    const c = ds.people.table_coordinator;
    const apply = (a: string, b: string) => post(pairsRoute.action, c, "/training/pairs", { intent: "apply", proposalId: proposalA, version: "1", [`a:${sessionA2}`]: a, [`b:${sessionA2}`]: b });
    const cases = [
      [profileA1, profileB],
      [profileA1, profileA1],
      [profileA1, "not-a-uuid"],
    ] as const;
    for (const [a, b] of cases) expect((await apply(a, b)).status, `${a} ${b}`).toBe(400);
    const [s] = await handle.db.select().from(trainingSession).where(eq(trainingSession.id, sessionA2));
    expect([s!.trainerAId, s!.trainerBId]).toEqual([null, null]);
    // A session slipped into the form outside the proposal is ignored: only the proposal's sessions are read.
    const ok = await post(pairsRoute.action, c, "/training/pairs", { intent: "apply", proposalId: proposalA, version: "1", [`a:${sessionA2}`]: profileA1, [`b:${sessionA2}`]: profileA2, [`a:${sessionA}`]: profileA2, [`b:${sessionA}`]: profileA1 });
    expect(ok.status, JSON.stringify(ok.data)).toBe(200);
    const [after] = await handle.db.select().from(trainingSession).where(eq(trainingSession.id, sessionA));
    expect([after!.trainerAId, after!.trainerBId]).toEqual([profileA1, profileA2]);
  });

  it("only the training coordinator reaches it (404 for others, audited)", async () => {
    const before = await auditCount("access.denied");
    for (const role of ["trainer", "table_member", "pivot_coordinator", "observer"] as const) {
      expect(strip(await post(pairsRoute.action, ds.people[role], "/training/pairs", { intent: "propose" })), role).toEqual(notFoundBody);
    }
    expect(await auditCount("access.denied")).toBe(before + 4);
  });
});

describe("organizing the guide", () => {
  it("another Table's module or section reads like a missing one and is not changed", async () => {
    const [moduleB] = await handle.db.select().from(guideModule).where(eq(guideModule.partnershipId, ds.tableB));
    const [sectionB] = await handle.db.select().from(guideSection).where(eq(guideSection.partnershipId, ds.tableB));
    const c = ds.people.table_coordinator;
    const form = { titleFr: "Pris", titleEn: "Taken", summaryFr: "", summaryEn: "" };
    expect(strip(await get(moduleEditRoute.loader, c, "/x", { moduleId: moduleB!.id }))).toEqual(notFoundBody);
    expect(strip(await post(moduleEditRoute.action, c, "/x", form, { moduleId: moduleB!.id }))).toEqual(notFoundBody);
    expect(strip(await post(moduleEditRoute.action, c, "/x", form, { moduleId: MISSING }))).toEqual(notFoundBody);
    expect(strip(await get(archiveRoute.loader, c, "/x", { sectionId: sectionB!.id }))).toEqual(notFoundBody);
    expect(strip(await post(archiveRoute.action, c, "/x", {}, { sectionId: sectionB!.id }))).toEqual(notFoundBody);
    const [m] = await handle.db.select().from(guideModule).where(eq(guideModule.id, moduleB!.id));
    expect(m!.titleFr).not.toBe("Pris");
    const [s] = await handle.db.select().from(guideSection).where(eq(guideSection.id, sectionB!.id));
    expect(s!.archivedAt).toBeNull();
  });

  it("the archive page's GET changes nothing; readers without guide.edit get 404 (audited)", async () => {
    const [sectionA] = await handle.db.select().from(guideSection).where(eq(guideSection.partnershipId, ds.tableA));
    expect((await get(archiveRoute.loader, ds.people.table_coordinator, "/x", { sectionId: sectionA!.id })).status).toBe(200);
    const [still] = await handle.db.select().from(guideSection).where(eq(guideSection.id, sectionA!.id));
    expect(still!.archivedAt).toBeNull();
    const before = await auditCount("access.denied");
    for (const role of ["table_member", "pivot", "worker"] as const) {
      expect(strip(await post(archiveRoute.action, ds.people[role], "/x", {}, { sectionId: sectionA!.id })), role).toEqual(notFoundBody);
    }
    expect(await auditCount("access.denied")).toBe(before + 3);
  });

  it("over-long or empty module texts are refused", async () => {
    const [moduleA] = await handle.db.select().from(guideModule).where(eq(guideModule.partnershipId, ds.tableA));
    const c = ds.people.table_coordinator;
    for (const form of [
      { titleFr: "x".repeat(121), titleEn: "ok", summaryFr: "", summaryEn: "" },
      { titleFr: "", titleEn: "ok", summaryFr: "", summaryEn: "" },
      { titleFr: "ok", titleEn: "ok", summaryFr: "x".repeat(1001), summaryEn: "" },
    ]) {
      expect((await post(moduleEditRoute.action, c, "/x", form, { moduleId: moduleA!.id })).status).toBe(400);
    }
  });
});
