import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { SUBMISSION_KEY_FIELD } from "../../app/modules/forms/submission-field.ts";
import { eq, sql } from "drizzle-orm";
import type { DatabaseHandle } from "../../app/modules/db/client.server.ts";
import { rowsOf } from "../../app/modules/db/rows.ts";
import { seedTrainingDemo } from "../../app/modules/demo/seed-training.server.ts";
import { trainerProfile, trainingProgram, trainingSession } from "../../app/modules/training/tables.ts";
import * as overviewRoute from "../../app/routes/training/_index.tsx";
import * as newRoute from "../../app/routes/training/sessions.new.tsx";
import * as editRoute from "../../app/routes/training/sessions.$sessionId.tsx";
import * as availabilityRoute from "../../app/routes/training/availability.tsx";
import * as pairsRoute from "../../app/routes/training/pairs.tsx";
import * as trainerRoute from "../../app/routes/training/trainers.$trainerId.tsx";
import { createTestDatabase, testConfig } from "../support/test-db.ts";
import { jobHandlers } from "../../server/jobs.ts";
import { startJobRunner } from "../../app/modules/jobs/runner.server.ts";
import { call, createOrganization, createTable, createUser, type TestUser } from "./pathway-support.ts";

let handle: DatabaseHandle;
let tableA: string;
let tableB: string;
let orgX: string;
let orgY: string;
let coordinator: TestUser;
let coordinatorB: TestUser;
let worker: TestUser;
let trainerX1: TestUser;
let programId: string;
const profiles: Record<string, string> = {};

const future = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** The new-session form as the page sends it: with its submission key. */
const newSessionForm = (overrides: Record<string, string> = {}) => ({ ...sessionForm(overrides), [SUBMISSION_KEY_FIELD]: randomUUID() });

const sessionForm = (overrides: Record<string, string> = {}) => ({
  programId,
  day1: future(40),
  day2: future(41),
  place: "Salle du conseil, Québec",
  capacity: "20",
  language: "fr",
  status: "planned",
  ...overrides,
});

/** The proposal is solved by a background job: run the queue as the server's runner would. */
async function runJobs(): Promise<number> {
  const runner = startJobRunner({ db: handle.db, config: testConfig(), handlers: jobHandlers, autoStart: false });
  const ran = await runner.runOnce();
  await runner.stop();
  return ran;
}

async function auditActions(): Promise<string[]> {
  return rowsOf<{ action: string }>(await handle.db.execute(sql`select action from audit_event order by id`)).map((r) => r.action);
}

beforeAll(async () => {
  handle = await createTestDatabase();
  const db = handle.db;
  tableA = await createTable(db, "TableA");
  tableB = await createTable(db, "TableB");
  orgX = await createOrganization(db, tableA, "OrgX");
  orgY = await createOrganization(db, tableA, "OrgY");
  coordinator = await createUser(db, { partnershipId: tableA, roles: [{ role: "table_coordinator" }] });
  coordinatorB = await createUser(db, { partnershipId: tableB, roles: [{ role: "table_coordinator" }] });
  worker = await createUser(db, { partnershipId: tableA, organizationId: orgX, roles: [{ role: "worker", organizationId: orgX }] });
  trainerX1 = await createUser(db, { partnershipId: tableA, organizationId: orgX, givenName: "X1", roles: [{ role: "trainer" }] });
  const trainerX2 = await createUser(db, { partnershipId: tableA, organizationId: orgX, givenName: "X2", roles: [{ role: "trainer" }] });
  const trainerY1 = await createUser(db, { partnershipId: tableA, organizationId: orgY, givenName: "Y1", roles: [{ role: "trainer" }] });
  // The program comes with the demo seed; here the seed runs on a Table without demo people.
  await db.transaction((tx) => seedTrainingDemo(tx, tableA));
  programId = (await db.select({ id: trainingProgram.id }).from(trainingProgram).where(eq(trainingProgram.partnershipId, tableA)))[0]!.id;
  const sync = await call(db, overviewRoute.action, { path: "/training", user: coordinator, form: { intent: "sync" } });
  expect(sync.data).toEqual({ added: 3 });
  for (const row of await db.select().from(trainerProfile).where(eq(trainerProfile.partnershipId, tableA))) {
    const key = row.personId === trainerX1.personId ? "x1" : row.personId === trainerX2.personId ? "x2" : row.personId === trainerY1.personId ? "y1" : "?";
    profiles[key] = row.id;
  }
});

afterAll(async () => {
  await handle?.close();
});

describe("training pages: who may see them", () => {
  it("answers 404 to a worker and to a trainer on the coordinator pages", async () => {
    for (const user of [worker, trainerX1]) {
      const res = await call(handle.db, overviewRoute.loader, { path: "/training", user });
      expect(res.status).toBe(404);
    }
    expect(await auditActions()).toContain("access.denied");
  });

  it("lists the 2-day program and the trainer pool to the coordinator", async () => {
    const res = await call(handle.db, overviewRoute.loader, { path: "/training", user: coordinator });
    // The pool's rows carry what the table shows (the organization's name), not its id.
    const body = res.data as { programs: { days: unknown[] }[]; trainers: { organizationName: string }[] };
    expect(body.programs[0]!.days).toHaveLength(2);
    expect(body.trainers.map((t) => t.organizationName).sort()).toEqual(["OrgX", "OrgX", "OrgY"]);
  });
});

describe("the trainer pool", () => {
  it("lets the coordinator edit a profile, versioned and audited; another Table sees nothing", async () => {
    const id = profiles.y1!;
    const foreign = await call(handle.db, trainerRoute.loader, { path: `/training/trainers/${id}`, user: coordinatorB, params: { trainerId: id } });
    expect(foreign.status).toBe(404);
    const form = { version: "1", languages: "fr", otherLanguages: "", accreditedOn: "2024-05-01", maxSessions: "4", active: "on" };
    const saved = await call(handle.db, trainerRoute.action, { path: `/training/trainers/${id}`, user: coordinator, params: { trainerId: id }, form });
    expect(saved.location).toBe("/training?saved=1");
    const [row] = await handle.db.select().from(trainerProfile).where(eq(trainerProfile.id, id));
    expect(row).toMatchObject({ accreditedOn: "2024-05-01", maxSessions: 4, version: 2 });
    const stale = await call(handle.db, trainerRoute.action, { path: `/training/trainers/${id}`, user: coordinator, params: { trainerId: id }, form });
    expect(stale.status).toBe(409);
    expect(await auditActions()).toContain("trainer_profile.updated");
  });
});

describe("the pair rule (duo from different organizations)", () => {
  it("refuses two trainers of the same organization with a clear message, and stores nothing", async () => {
    const before = await handle.db.select().from(trainingSession);
    const res = await call(handle.db, newRoute.action, {
      path: "/training/sessions/new",
      user: coordinator,
      form: newSessionForm({ trainerAId: profiles.x1!, trainerBId: profiles.x2! }),
    });
    expect(res.status).toBe(400);
    expect((res.data as { errors: Record<string, string[]> }).errors.trainerBId).toEqual(["training.pair.sameOrganization"]);
    expect(await handle.db.select().from(trainingSession)).toHaveLength(before.length);
  });

  it("saves a pair from two organizations, audited, and refuses breaking it on edit", async () => {
    const res = await call(handle.db, newRoute.action, {
      path: "/training/sessions/new",
      user: coordinator,
      form: newSessionForm({ trainerAId: profiles.x1!, trainerBId: profiles.y1! }),
    });
    const [row] = await handle.db.select().from(trainingSession).where(eq(trainingSession.trainerBId, profiles.y1!));
    // Back to the overview, naming the new session (a retry of the same submission lands there too).
    expect(res.location).toBe(`/training?saved=1&session=${row!.id}`);
    expect(await auditActions()).toContain("training_session.created");
    const edit = await call(handle.db, editRoute.action, {
      path: `/training/sessions/${row!.id}`,
      user: coordinator,
      params: { sessionId: row!.id },
      form: sessionForm({ version: String(row!.version), trainerAId: profiles.x1!, trainerBId: profiles.x2! }),
    });
    expect(edit.status).toBe(400);
    const stale = await call(handle.db, editRoute.action, {
      path: `/training/sessions/${row!.id}`,
      user: coordinator,
      params: { sessionId: row!.id },
      form: sessionForm({ version: "99", trainerAId: profiles.y1!, trainerBId: profiles.x2! }),
    });
    expect(stale.status).toBe(409);
  });

  it("treats another Table's session as missing", async () => {
    const [row] = await handle.db.select().from(trainingSession).where(eq(trainingSession.partnershipId, tableA)).limit(1);
    const res = await call(handle.db, editRoute.loader, { path: `/training/sessions/${row!.id}`, user: coordinatorB, params: { sessionId: row!.id } });
    expect(res.status).toBe(404);
  });
});

describe("availability and pairs", () => {
  let sessions: string[] = [];
  /** The availability form as the page sends it: with the version the page was drawn with. */
  const answer = async (user: TestUser, sessionId: string, available: "yes" | "no" = "yes") => {
    const page = await call(handle.db, availabilityRoute.loader, { path: "/training/availability", user });
    const version = String((page.data as { version: number }).version);
    return call(handle.db, availabilityRoute.action, { path: "/training/availability", user, form: { sessionId, available, version } });
  };

  it("lets a trainer mark their own availability, and only for sessions of their Table", async () => {
    for (const day of [60, 75]) {
      await call(handle.db, newRoute.action, { path: "/training/sessions/new", user: coordinator, form: newSessionForm({ day1: future(day), day2: future(day + 1) }) });
    }
    sessions = (await handle.db.select().from(trainingSession).where(eq(trainingSession.partnershipId, tableA)))
      .filter((s) => !s.trainerAId)
      .map((s) => s.id);
    expect(sessions).toHaveLength(2);
    const page = await call(handle.db, availabilityRoute.loader, { path: "/training/availability", user: trainerX1 });
    expect((page.data as { sessions: unknown[] }).sessions.length).toBeGreaterThanOrEqual(2);
    const res = await answer(trainerX1, sessions[0]!);
    expect(res.data).toEqual({ saved: true });
    // A second tab drawn before that save: refused, nothing written.
    const stale = await call(handle.db, availabilityRoute.action, { path: "/training/availability", user: trainerX1, form: { sessionId: sessions[0]!, available: "no", version: "1" } });
    expect(stale.status).toBe(409);
    const [foreignProgram] = await handle.db.insert(trainingProgram).values({ partnershipId: tableB, slug: "b", nameFr: "B", nameEn: "B" }).returning();
    const [foreign] = await handle.db.insert(trainingSession).values({ partnershipId: tableB, programId: foreignProgram!.id, dates: [future(50)] }).returning();
    const denied = await answer(trainerX1, foreign!.id);
    expect(denied.status).toBe(404);
  });

  it("explains which rule blocks the proposal", async () => {
    // Only X1 answered: every session lacks trainers.
    await call(handle.db, pairsRoute.action, { path: "/training/pairs", user: coordinator, form: { intent: "propose" } });
    expect(await runJobs()).toBeGreaterThan(0);
    const page = await call(handle.db, pairsRoute.loader, { path: "/training/pairs", user: coordinator });
    const proposal = (page.data as { proposal: { status: string; reasons: { key: string }[] } }).proposal;
    expect(proposal.status).toBe("infeasible");
    expect(proposal.reasons.map((r) => r.key)).toContain("training.pairs.why.tooFew");
  });

  it("proposes valid pairs, refuses an edited same-organization pair, then applies", async () => {
    for (const user of [trainerX1]) {
      for (const id of sessions) await answer(user, id);
    }
    // X2 and Y1 answer through the domain directly (same function the page calls).
    const { setOwnAvailability } = await import("../../app/modules/training/set-availability.server.ts");
    const actor = { accountId: null, role: "trainer", organizationId: null, partnershipId: tableA, requestId: "t", ip: "127.0.0.1" };
    // Every upcoming session of the Table is in the season, including the one already paired.
    const upcoming = (await handle.db.select().from(trainingSession).where(eq(trainingSession.partnershipId, tableA))).map((s) => s.id);
    for (const id of upcoming) {
      for (const t of ["x1", "x2", "y1"]) await setOwnAvailability(handle.db, actor, { partnershipId: tableA, trainerId: profiles[t]!, sessionId: id, available: true });
    }
    await call(handle.db, pairsRoute.action, { path: "/training/pairs", user: coordinator, form: { intent: "propose" } });
    await runJobs();
    const page = await call(handle.db, pairsRoute.loader, { path: "/training/pairs", user: coordinator });
    const proposal = (page.data as { proposal: { id: string; version: number; status: string; assignments: { sessionId: string; trainerIds: string[] }[] } }).proposal;
    expect(proposal.status).toBe("proposed");
    expect(proposal.assignments).toHaveLength(upcoming.length);
    for (const a of proposal.assignments) expect(a.trainerIds).toContain(profiles.y1); // Y1 is the only other organization
    const form: Record<string, string> = { intent: "apply", proposalId: proposal.id, version: String(proposal.version) };
    for (const a of proposal.assignments) {
      form[`a:${a.sessionId}`] = a.trainerIds[0]!;
      form[`b:${a.sessionId}`] = a.trainerIds[1]!;
    }
    const first = proposal.assignments[0]!.sessionId;
    const refused = await call(handle.db, pairsRoute.action, {
      path: "/training/pairs",
      user: coordinator,
      form: { ...form, [`a:${first}`]: profiles.x1!, [`b:${first}`]: profiles.x2! },
    });
    expect(refused.status).toBe(400);
    expect((refused.data as { refused: { message: string } }).refused.message).toBe("training.pair.sameOrganization");
    const applied = await call(handle.db, pairsRoute.action, { path: "/training/pairs", user: coordinator, form });
    expect(applied.data).toEqual({ applied: upcoming.length });
    const rows = await handle.db.select().from(trainingSession).where(eq(trainingSession.partnershipId, tableA));
    for (const r of rows) expect([r.trainerAId, r.trainerBId]).toContain(profiles.y1);
    expect(await auditActions()).toContain("pair_proposal.applied");
    const again = await call(handle.db, pairsRoute.action, { path: "/training/pairs", user: coordinator, form });
    expect(again.status).toBe(409);
  });
});
