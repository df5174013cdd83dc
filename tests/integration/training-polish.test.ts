import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, desc, eq } from "drizzle-orm";
import type { DatabaseHandle } from "../../app/modules/db/client.server.ts";
import { emailMessage } from "../../app/modules/email/tables.ts";
import { organization } from "../../app/modules/governance/tables.ts";
import { guideModule } from "../../app/modules/guide/tables.ts";
import { person } from "../../app/modules/people/tables.ts";
import { groupSessions, isToClose } from "../../app/modules/training/session-groups.ts";
import { PEOPLE_SEARCH_LIMIT } from "../../app/modules/training/session-participants.server.ts";
import { pairProposal, trainerProfile, trainingProgram, trainingRegistration, trainingSession } from "../../app/modules/training/tables.ts";
import * as overviewRoute from "../../app/routes/training/_index.tsx";
import * as pairsRoute from "../../app/routes/training/pairs.tsx";
import * as registerRoute from "../../app/routes/training/register.tsx";
import * as sessionRoute from "../../app/routes/training/sessions.$sessionId.tsx";
import * as attendanceRoute from "../../app/routes/training/sessions.$sessionId.attendance.tsx";
import { createTestDatabase } from "../support/test-db.ts";
import { call, createOrganization, createTable, createUser, type TestUser } from "./pathway-support.ts";
import { registrationForm } from "./training-form-support.ts";
import { saveSheet, withKey } from "./training-session-form-support.ts";
import { quebecDay } from "../../app/modules/time/days.ts";

/*
 * Issue 5 polish: the overview's current/past split and module titles, the CANCEL for a removed
 * day, the pair proposal re-checking session statuses, the attendance window and the
 * coordinator's people search.
 */

let handle: DatabaseHandle;
let tableA: string;
let tableB: string;
let programId: string;
const orgs: string[] = [];
let coordinator: TestUser;
let trainer1: TestUser;
let trainer2: TestUser;
let profile1: string;
let profile2: string;
const workers: TestUser[] = [];

/** A calendar day `offset` days from today in Québec. */
const day = (offset: number) => quebecDay(new Date(Date.now() + offset * 86_400_000));

async function newSession(values: { first: number; days?: 1 | 2; status?: "planned" | "open" | "full" | "given" | "cancelled"; capacity?: number; dates?: string[]; pair?: boolean }) {
  const [row] = await handle.db
    .insert(trainingSession)
    .values({
      partnershipId: tableA,
      programId,
      dates: values.dates ?? (values.days === 1 ? [day(values.first)] : [day(values.first), day(values.first + 1)]),
      place: "Salle A, Québec",
      status: values.status ?? "open",
      capacity: values.capacity ?? 10,
      trainerAId: values.pair ? profile1 : null,
      trainerBId: values.pair ? profile2 : null,
    })
    .returning();
  return row!;
}

const register = (user: TestUser, sessionId: string) => call(handle.db, registerRoute.action, { path: "/training/register", user, form: registrationForm({ sessionId, intent: "register" }) });

async function lastEmailTo(email: string) {
  const [row] = await handle.db.select().from(emailMessage).where(eq(emailMessage.toAddress, email.toLowerCase())).orderBy(desc(emailMessage.createdAt)).limit(1);
  return row ?? null;
}

beforeAll(async () => {
  handle = await createTestDatabase();
  const db = handle.db;
  tableA = await createTable(db, "TableA");
  tableB = await createTable(db, "TableB");
  for (const name of ["Alpha", "Bêta", "Gamma"]) orgs.push(await createOrganization(db, tableA, name));
  await db.update(organization).set({ acronym: "SPVQ" }).where(eq(organization.id, orgs[2]!));
  coordinator = await createUser(db, { partnershipId: tableA, roles: [{ role: "table_coordinator" }] });
  trainer1 = await createUser(db, { partnershipId: tableA, organizationId: orgs[0], roles: [{ role: "trainer" }] });
  trainer2 = await createUser(db, { partnershipId: tableA, organizationId: orgs[1], roles: [{ role: "trainer" }] });
  for (let i = 0; i < 3; i++) {
    workers.push(await createUser(db, { partnershipId: tableA, organizationId: orgs[i], givenName: `Wörker${i}`, familyName: `Lévesque${i}`, roles: [{ role: "worker", organizationId: orgs[i] }] }));
  }
  const [program] = await db
    .insert(trainingProgram)
    .values({ partnershipId: tableA, slug: "base", nameFr: "Base", nameEn: "Basic", guideModules: ["savoir", "attitudes"] })
    .returning();
  programId = program!.id;
  const [p1] = await db.insert(trainerProfile).values({ partnershipId: tableA, personId: trainer1.personId, organizationId: orgs[0]! }).returning();
  const [p2] = await db.insert(trainerProfile).values({ partnershipId: tableA, personId: trainer2.personId, organizationId: orgs[1]! }).returning();
  profile1 = p1!.id;
  profile2 = p2!.id;
});

afterAll(async () => {
  await handle?.close();
});

describe("the training overview", () => {
  it("puts the sessions to give first, and the given or cancelled ones by year (newest first)", () => {
    const s = (status: "planned" | "open" | "full" | "given" | "cancelled", first: string) => ({ status, dates: [first] });
    const groups = groupSessions([s("given", "2011-03-01"), s("open", "2031-05-01"), s("planned", "2031-01-01"), s("cancelled", "2012-02-01"), s("given", "2012-09-01"), s("full", "2030-12-01")]);
    expect(groups.current.map((x) => x.dates[0])).toEqual(["2030-12-01", "2031-01-01", "2031-05-01"]);
    expect(groups.past.map((y) => [y.year, y.sessions.map((x) => x.dates[0])])).toEqual([
      ["2012", ["2012-09-01", "2012-02-01"]],
      ["2011", ["2011-03-01"]],
    ]);
    expect(isToClose({ status: "open", dates: ["2020-01-01", "2020-01-02"] }, "2020-01-03")).toBe(true);
    expect(isToClose({ status: "given", dates: ["2020-01-01"] }, "2020-01-03")).toBe(false);
    expect(isToClose({ status: "open", dates: ["2020-01-01", "2020-01-02"] }, "2020-01-02")).toBe(false);
  });

  it("serves the current sessions and the past by year, and the guide modules' titles instead of their keys", async () => {
    const given = await newSession({ first: 0, dates: ["2012-10-09", "2012-10-10"], status: "given", pair: true });
    const cancelled = await newSession({ first: 0, dates: ["2011-04-05", "2011-04-06"], status: "cancelled" });
    const upcoming = await newSession({ first: 90, status: "planned" });
    const [knowledge] = await handle.db
      .insert(guideModule)
      .values({ partnershipId: tableA, kind: "knowledge", position: 1, titleFr: "Savoir — comprendre", titleEn: "Knowledge — understand" })
      .returning();
    // Another Table's module of the same kind never shows here.
    await handle.db.insert(guideModule).values({ partnershipId: tableB, kind: "attitudes", position: 1, titleFr: "Autre Table", titleEn: "Other Table" });
    const res = await call(handle.db, overviewRoute.loader, { path: "/training", user: coordinator });
    expect(res.status).toBe(200);
    type Overview = {
      current: { id: string }[];
      years: { year: string; count: number }[];
      archive: { year: string; sessions: { id: string }[] } | null;
      programs: { modules: { kind: string; id: string | null; titleFr: string | null; titleEn: string | null }[] }[];
    };
    const body = res.data as Overview;
    expect(body.current.map((s) => s.id)).toContain(upcoming.id);
    expect(body.current.map((s) => s.id)).not.toContain(given.id);
    // Every year is listed with its count; only the latest year's sessions are sent by default.
    expect(body.years).toEqual([{ year: "2012", count: 1 }, { year: "2011", count: 1 }]);
    expect(body.archive).toMatchObject({ year: "2012", sessions: [{ id: given.id }] });
    const older = (await call(handle.db, overviewRoute.loader, { path: "/training?year=2011", user: coordinator })).data as Overview;
    expect(older.archive).toMatchObject({ year: "2011", sessions: [{ id: cancelled.id }] });
    // A year without sessions (or any other value) falls back to the latest one.
    for (const year of ["1999", "abc", "2012'--"]) {
      const other = await call(handle.db, overviewRoute.loader, { path: `/training?year=${encodeURIComponent(year)}`, user: coordinator });
      expect(other.status).toBe(200);
      expect((other.data as Overview).archive?.year).toBe("2012");
    }
    // "savoir" (a legacy key) is the knowledge module of this Table's guide; "attitudes" has no module here yet.
    // The title comes in the reader's language only (the coordinator reads French).
    expect(body.programs[0]!.modules).toEqual([
      { kind: "knowledge", id: knowledge!.id, title: "Savoir — comprendre" },
      { kind: "attitudes", id: null, title: null },
    ]);
  });
});

describe("a session that loses a day", () => {
  it("sends the seated participants a CANCEL for the removed day's event beside the updated invitation", async () => {
    const s = await newSession({ first: 70, capacity: 1 });
    const seated = workers[0]!;
    const waiting = workers[1]!;
    await register(seated, s.id);
    await register(waiting, s.id);
    const form = {
      programId,
      day1: s.dates[0]!,
      day2: "",
      place: "Salle A, Québec",
      capacity: "1",
      language: "fr",
      status: "open",
      version: String(s.version),
    };
    const saved = await call(handle.db, sessionRoute.action, { path: `/training/sessions/${s.id}`, user: coordinator, params: { sessionId: s.id }, form });
    expect(saved.location).toBe("/training?saved=1");
    const mail = await lastEmailTo(seated.email);
    expect(mail!.subject).toContain("modifiée");
    expect(mail!.textBody).toContain("Jour(s) retiré(s)");
    expect(mail!.textBody).toContain("Day(s) removed");
    expect(mail!.attachments).toHaveLength(2);
    const [update, removal] = mail!.attachments as { content: string; fileName: string }[];
    expect(update!.content).toContain("METHOD:REQUEST");
    expect(update!.content).toContain(`UID:filet-training-${s.id}-day1@filet`);
    expect(update!.content).not.toContain(`-day2@filet`);
    expect(removal!.fileName).toBe("jour-retire-formation.ics");
    expect(removal!.content).toContain("METHOD:CANCEL");
    expect(removal!.content).toContain(`UID:filet-training-${s.id}-day2@filet`);
    expect(removal!.content).not.toContain(`-day1@filet`);
    expect(removal!.content).toContain("STATUS:CANCELLED");
    expect(removal!.content).toContain("SEQUENCE:1");
    expect(removal!.content).toContain(`DTSTART;VALUE=DATE:${s.dates[1]!.replace(/-/g, "")}`);
    // The waiting person had nothing in their calendar: told by text, no file.
    const told = await lastEmailTo(waiting.email);
    expect(told!.subject).toContain("modifiée");
    expect(told!.attachments).toEqual([]);
    // Growing back to two days needs no CANCEL: the invitation carries both days again.
    await call(handle.db, sessionRoute.action, {
      path: `/training/sessions/${s.id}`,
      user: coordinator,
      params: { sessionId: s.id },
      form: { ...form, day2: s.dates[1]!, version: String(s.version + 1) },
    });
    const again = await lastEmailTo(seated.email);
    expect(again!.attachments).toHaveLength(1);
    expect((again!.attachments[0] as { content: string }).content).toContain(`UID:filet-training-${s.id}-day2@filet`);
  });
});

describe("applying a pair proposal", () => {
  async function proposalFor(sessionIds: string[]) {
    const [row] = await handle.db
      .insert(pairProposal)
      .values({ partnershipId: tableA, status: "proposed", sessionIds, assignments: sessionIds.map((sessionId) => ({ sessionId, trainerIds: [profile1, profile2] as [string, string] })) })
      .returning();
    return row!;
  }
  const applyForm = (proposal: { id: string; version: number; sessionIds: string[] }) => {
    const form: Record<string, string> = { intent: "apply", proposalId: proposal.id, version: String(proposal.version) };
    for (const id of proposal.sessionIds) {
      form[`a:${id}`] = profile1;
      form[`b:${id}`] = profile2;
    }
    return form;
  };

  it("refuses, applying nothing, when a session was cancelled or given since the proposal", async () => {
    for (const status of ["cancelled", "given"] as const) {
      const keep = await newSession({ first: 100, status: "planned" });
      const gone = await newSession({ first: 102, status: "planned" });
      const proposal = await proposalFor([keep.id, gone.id]);
      await handle.db.update(trainingSession).set({ status }).where(eq(trainingSession.id, gone.id));
      const res = await call(handle.db, pairsRoute.action, { path: "/training/pairs", user: coordinator, form: applyForm(proposal) });
      expect(res.status).toBe(400);
      expect(res.data).toEqual({ refused: { sessionId: gone.id, message: "training.pair.sessionClosed" } });
      const rows = await handle.db.select().from(trainingSession).where(eq(trainingSession.partnershipId, tableA));
      expect(rows.find((r) => r.id === keep.id)!.trainerAId).toBeNull();
      expect(rows.find((r) => r.id === gone.id)!.trainerAId).toBeNull();
      const [after] = await handle.db.select().from(pairProposal).where(eq(pairProposal.id, proposal.id));
      expect(after!.status).toBe("proposed");
    }
  });

  it("applies when every session is still planned, open or full", async () => {
    const a = await newSession({ first: 110, status: "planned" });
    const b = await newSession({ first: 112, status: "full" });
    const proposal = await proposalFor([a.id, b.id]);
    const res = await call(handle.db, pairsRoute.action, { path: "/training/pairs", user: coordinator, form: applyForm(proposal) });
    expect(res.data).toEqual({ applied: 2 });
    const [row] = await handle.db.select().from(trainingSession).where(eq(trainingSession.id, b.id));
    expect([row!.trainerAId, row!.trainerBId]).toEqual([profile1, profile2]);
  });
});

describe("the attendance window", () => {
  const path = (id: string) => `/training/sessions/${id}/attendance`;
  async function withParticipant(values: Parameters<typeof newSession>[0]) {
    const s = await newSession({ ...values, status: "open", pair: true });
    await register(workers[2]!, s.id).catch(() => undefined);
    // Registration may be closed for a session that already started: the coordinator adds the person.
    await call(handle.db, sessionRoute.action, { path: `/training/sessions/${s.id}`, user: coordinator, params: { sessionId: s.id }, form: withKey({ intent: "addParticipant", personId: workers[2]!.personId }) });
    if (values.status && values.status !== "open") await handle.db.update(trainingSession).set({ status: values.status }).where(eq(trainingSession.id, s.id));
    const [reg] = await handle.db
      .select()
      .from(trainingRegistration)
      .where(and(eq(trainingRegistration.sessionId, s.id), eq(trainingRegistration.personId, workers[2]!.personId)));
    return { s, reg: reg! };
  }
  const marks = (regId: string) => ({ [`day:${regId}:0`]: "present", [`day:${regId}:1`]: "present" });

  it("refuses marks before the first day (the sheet still prints), for the trainer and the coordinator alike", async () => {
    const { s, reg } = await withParticipant({ first: 20 });
    const page = await call(handle.db, attendanceRoute.loader, { path: path(s.id), user: coordinator, params: { sessionId: s.id } });
    expect((page.data as { window: string; participants: unknown[] }).window).toBe("not_yet");
    expect((page.data as { participants: unknown[] }).participants).toHaveLength(1);
    for (const user of [trainer1, coordinator]) {
      const res = await saveSheet(handle.db, user, s.id, marks(reg.id));
      expect(res.status).toBe(409);
      expect(res.data).toEqual({ error: true, refused: "not_yet" });
    }
    const [after] = await handle.db.select().from(trainingRegistration).where(eq(trainingRegistration.id, reg.id));
    expect(after!.completedAt).toBeNull();
  });

  it("refuses marks for a cancelled session", async () => {
    const { s, reg } = await withParticipant({ first: -3, status: "cancelled" });
    const page = await call(handle.db, attendanceRoute.loader, { path: path(s.id), user: coordinator, params: { sessionId: s.id } });
    expect((page.data as { window: string }).window).toBe("cancelled");
    const res = await saveSheet(handle.db, coordinator, s.id, marks(reg.id));
    expect(res.status).toBe(409);
    expect(res.data).toEqual({ error: true, refused: "cancelled" });
  });

  it("takes marks from the first day on, and the coordinator still corrects them once the session is given", async () => {
    const { s, reg } = await withParticipant({ first: 0 });
    const page = await call(handle.db, attendanceRoute.loader, { path: path(s.id), user: trainer1, params: { sessionId: s.id } });
    expect((page.data as { window: string }).window).toBe("open");
    const saved = await saveSheet(handle.db, trainer1, s.id, marks(reg.id));
    expect(saved.location).toBe(`${path(s.id)}?saved=1`);
    await handle.db.update(trainingSession).set({ status: "given" }).where(eq(trainingSession.id, s.id));
    const corrected = await saveSheet(handle.db, coordinator, s.id, { [`day:${reg.id}:1`]: "absent" });
    expect(corrected.location).toBe(`${path(s.id)}?saved=1`);
    const [after] = await handle.db.select().from(trainingRegistration).where(eq(trainingRegistration.id, reg.id));
    expect(after!.completedAt).toBeNull();
  });
});

describe("the coordinator's people search on the session page", () => {
  type Search = { q: string; people: { id: string; label: string }[]; more: boolean };
  const searchFor = async (sessionId: string, q: string) => {
    const res = await call(handle.db, sessionRoute.loader, { path: `/training/sessions/${sessionId}?q=${encodeURIComponent(q)}`, user: coordinator, params: { sessionId } });
    expect(res.status).toBe(200);
    return (res.data as { search: Search }).search;
  };

  it("finds people of the Table by name (accents ignored) or organization, leaves out those already in, and lists nobody without a search", async () => {
    const s = await newSession({ first: 80 });
    expect(await searchFor(s.id, "")).toEqual({ q: "", people: [], more: false });
    expect((await searchFor(s.id, "l")).people).toEqual([]);
    const byName = await searchFor(s.id, "worker1 levesque");
    expect(byName.people.map((p) => p.id)).toEqual([workers[1]!.personId]);
    expect((await searchFor(s.id, "LEVESQUE1")).people.map((p) => p.id)).toEqual([workers[1]!.personId]);
    expect((await searchFor(s.id, "spvq")).people.map((p) => p.id)).toEqual([workers[2]!.personId]);
    expect((await searchFor(s.id, "beta")).people.map((p) => p.id).sort()).toEqual([trainer2.personId, workers[1]!.personId].sort());
    // Another Table's people are never found.
    const [stranger] = await handle.db.insert(person).values({ partnershipId: tableB, givenName: "Wörker1", familyName: "Lévesque1", email: "x@example.test" }).returning();
    expect((await searchFor(s.id, "levesque1")).people.map((p) => p.id)).not.toContain(stranger!.id);
    // Once registered, the person is no longer offered.
    await register(workers[1]!, s.id);
    expect((await searchFor(s.id, "levesque1")).people).toEqual([]);
  });

  it("shows at most a page of results and says there are more", async () => {
    const s = await newSession({ first: 85 });
    await handle.db.insert(person).values(
      Array.from({ length: PEOPLE_SEARCH_LIMIT + 5 }, (_, i) => ({ partnershipId: tableA, organizationId: orgs[0]!, givenName: `Nombreux${i}`, familyName: "Homonyme", email: `n${i}@example.test` })),
    );
    const found = await searchFor(s.id, "homonyme");
    expect(found.people).toHaveLength(PEOPLE_SEARCH_LIMIT);
    expect(found.more).toBe(true);
  });
});
