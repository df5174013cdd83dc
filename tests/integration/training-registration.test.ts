import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { DatabaseHandle } from "../../app/modules/db/client.server.ts";
import { trainingProgram, trainingRegistration, trainingSession } from "../../app/modules/training/tables.ts";
import * as registerRoute from "../../app/routes/training/register.tsx";
import { createTestDatabase } from "../support/test-db.ts";
import { call, createOrganization, createTable, createUser, type TestUser } from "./pathway-support.ts";
import { asOutcome, registrationForm } from "./training-form-support.ts";

let handle: DatabaseHandle;
let tableA: string;
const people: TestUser[] = [];
let outsider: TestUser;
let openSession: string;
let crowdedSession: string;
let plannedSession: string;

async function newSession(partnershipId: string, programId: string, status: "open" | "planned", capacity: number) {
  const [row] = await handle.db.insert(trainingSession).values({ partnershipId, programId, dates: ["2099-03-02", "2099-03-03"], place: "Québec", status, capacity }).returning();
  return row!.id;
}

async function statusOf(sessionId: string, personId: string) {
  const [row] = await handle.db
    .select({ status: trainingRegistration.status })
    .from(trainingRegistration)
    .where(and(eq(trainingRegistration.sessionId, sessionId), eq(trainingRegistration.personId, personId)));
  return row?.status ?? null;
}

beforeAll(async () => {
  handle = await createTestDatabase();
  const db = handle.db;
  tableA = await createTable(db, "TableA");
  const tableB = await createTable(db, "TableB");
  const orgB = await createOrganization(db, tableB, "OrgB");
  // One organization each: these tests are about capacity; the mixed-group cap is tested in training-participants.test.ts.
  for (let i = 0; i < 6; i++) {
    const org = await createOrganization(db, tableA, `Org${i}`);
    people.push(await createUser(db, { partnershipId: tableA, organizationId: org, roles: [{ role: "worker", organizationId: org }] }));
  }
  outsider = await createUser(db, { partnershipId: tableB, organizationId: orgB, roles: [{ role: "worker", organizationId: orgB }] });
  const [program] = await db.insert(trainingProgram).values({ partnershipId: tableA, slug: "base", nameFr: "Base", nameEn: "Basic" }).returning();
  openSession = await newSession(tableA, program!.id, "open", 2);
  crowdedSession = await newSession(tableA, program!.id, "open", 2);
  plannedSession = await newSession(tableA, program!.id, "planned", 2);
});

afterAll(async () => {
  await handle?.close();
});

const register = async (user: TestUser, sessionId: string, intent = "register") =>
  asOutcome(await call(handle.db, registerRoute.action, { path: "/training/register", user, form: registrationForm({ sessionId, intent }) }));

describe("registration with capacity and waiting list", () => {
  it("registers until full, then waitlists; a double click stays one registration", async () => {
    expect((await register(people[0]!, openSession)).data).toMatchObject({ outcome: "registered" });
    expect((await register(people[0]!, openSession)).data).toMatchObject({ outcome: "registered" });
    expect((await register(people[1]!, openSession)).data).toMatchObject({ outcome: "registered" });
    expect((await register(people[2]!, openSession)).data).toMatchObject({ outcome: "waitlisted" });
    const rows = await handle.db.select().from(trainingRegistration).where(eq(trainingRegistration.sessionId, openSession));
    expect(rows).toHaveLength(3);
  });

  it("promotes the first person waiting when a seat frees up", async () => {
    expect((await register(people[3]!, openSession)).data).toMatchObject({ outcome: "waitlisted" });
    expect((await register(people[0]!, openSession, "cancel")).data).toMatchObject({ outcome: "cancelled" });
    expect(await statusOf(openSession, people[2]!.personId)).toBe("registered");
    expect(await statusOf(openSession, people[3]!.personId)).toBe("waitlisted");
    const page = await call(handle.db, registerRoute.loader, { path: "/training/register", user: people[2]! });
    const mine = (page.data as { sessions: { id: string; mine: string | null; taken: number }[] }).sessions.find((s) => s.id === openSession)!;
    expect(mine).toMatchObject({ mine: "registered", taken: 2 });
  });

  it("never overbooks under concurrent registrations", async () => {
    const results = await Promise.all(people.map((p) => register(p, crowdedSession)));
    const outcomes = results.map((r) => (r.data as { outcome: string }).outcome);
    expect(outcomes.filter((o) => o === "registered")).toHaveLength(2);
    expect(outcomes.filter((o) => o === "waitlisted")).toHaveLength(4);
  });

  it("refuses a session not open for registration, or from another Table, as not found", async () => {
    expect((await register(people[4]!, plannedSession)).status).toBe(404);
    expect((await register(outsider, openSession)).status).toBe(404);
    const page = await call(handle.db, registerRoute.loader, { path: "/training/register", user: outsider });
    expect((page.data as { sessions: unknown[] }).sessions).toEqual([]);
  });
});
