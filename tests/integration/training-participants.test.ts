import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, desc, eq, sql } from "drizzle-orm";
import type { DatabaseHandle } from "../../app/modules/db/client.server.ts";
import { rowsOf } from "../../app/modules/db/rows.ts";
import { emailMessage } from "../../app/modules/email/tables.ts";
import { organization } from "../../app/modules/governance/tables.ts";
import { organizationSeatCap } from "../../app/modules/training/mix-rules.ts";
import { sendTrainingReminders } from "../../app/modules/training/session-notices.server.ts";
import { trainerProfile, trainingProgram, trainingRegistration, trainingSession } from "../../app/modules/training/tables.ts";
import * as registerRoute from "../../app/routes/training/register.tsx";
import * as nominateRoute from "../../app/routes/training/nominate.tsx";
import * as sessionRoute from "../../app/routes/training/sessions.$sessionId.tsx";
import * as attendanceRoute from "../../app/routes/training/sessions.$sessionId.attendance.tsx";
import * as settingsRoute from "../../app/routes/admin/settings.tsx";
import { createTestDatabase } from "../support/test-db.ts";
import { call, createOrganization, createTable, createUser, type TestUser } from "./pathway-support.ts";
import { asOutcome, registrationForm } from "./training-form-support.ts";
import { participantsPage, saveSheet, withKey } from "./training-session-form-support.ts";

let handle: DatabaseHandle;
let tableA: string;
let programId: string;
const orgs: string[] = [];
let coordinator: TestUser;
let coordinatorB: TestUser;
let pivotCoordA: TestUser;
let trainer: TestUser;
let otherTrainer: TestUser;
let trainerProfileId: string;
let otherTrainerProfileId: string;
/** Workers per organization index: workers[0] are of orgs[0], etc. */
const workers: TestUser[][] = [];

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function newSession(values: { capacity: number; firstDay?: number; status?: "open" | "planned"; trainers?: [string, string | null] }) {
  const first = values.firstDay ?? 60;
  const [row] = await handle.db
    .insert(trainingSession)
    .values({
      partnershipId: tableA,
      programId,
      dates: [day(first), day(first + 1)],
      place: "Salle A, Québec",
      status: values.status ?? "open",
      capacity: values.capacity,
      trainerAId: values.trainers?.[0] ?? null,
      trainerBId: values.trainers?.[1] ?? null,
    })
    .returning();
  return row!;
}

const register = async (user: TestUser, sessionId: string, intent = "register") =>
  asOutcome(await call(handle.db, registerRoute.action, { path: "/training/register", user, form: registrationForm({ sessionId, intent }) }));

async function statusOf(sessionId: string, personId: string) {
  const [row] = await handle.db
    .select()
    .from(trainingRegistration)
    .where(and(eq(trainingRegistration.sessionId, sessionId), eq(trainingRegistration.personId, personId)));
  return row ?? null;
}

async function lastEmailTo(email: string) {
  const [row] = await handle.db.select().from(emailMessage).where(eq(emailMessage.toAddress, email.toLowerCase())).orderBy(desc(emailMessage.createdAt)).limit(1);
  return row ?? null;
}

async function emailsTo(email: string) {
  return handle.db.select().from(emailMessage).where(eq(emailMessage.toAddress, email.toLowerCase())).orderBy(emailMessage.createdAt);
}

beforeAll(async () => {
  handle = await createTestDatabase();
  const db = handle.db;
  tableA = await createTable(db, "TableA");
  const tableB = await createTable(db, "TableB");
  const types = ["school", "police", "community", "health_social_services", "youth_protection"] as const;
  for (let i = 0; i < 5; i++) {
    const id = await createOrganization(db, tableA, `Org${i}`);
    await db.update(organization).set({ type: types[i]! }).where(eq(organization.id, id));
    orgs.push(id);
    workers.push([]);
    for (let w = 0; w < 4; w++) {
      workers[i]!.push(await createUser(db, { partnershipId: tableA, organizationId: id, givenName: `W${i}${w}`, roles: [{ role: "worker", organizationId: id }] }));
    }
  }
  await createOrganization(db, tableB, "OrgB");
  coordinator = await createUser(db, { partnershipId: tableA, roles: [{ role: "table_coordinator" }] });
  coordinatorB = await createUser(db, { partnershipId: tableB, roles: [{ role: "table_coordinator" }] });
  pivotCoordA = await createUser(db, { partnershipId: tableA, organizationId: orgs[0], roles: [{ role: "pivot_coordinator", organizationId: orgs[0] }] });
  trainer = await createUser(db, { partnershipId: tableA, organizationId: orgs[1], roles: [{ role: "trainer" }] });
  otherTrainer = await createUser(db, { partnershipId: tableA, organizationId: orgs[2], roles: [{ role: "trainer" }] });
  const [program] = await db.insert(trainingProgram).values({ partnershipId: tableA, slug: "base", nameFr: "Base", nameEn: "Basic" }).returning();
  programId = program!.id;
  const [p1] = await db.insert(trainerProfile).values({ partnershipId: tableA, personId: trainer.personId, organizationId: orgs[1]! }).returning();
  const [p2] = await db.insert(trainerProfile).values({ partnershipId: tableA, personId: otherTrainer.personId, organizationId: orgs[2]! }).returning();
  trainerProfileId = p1!.id;
  otherTrainerProfileId = p2!.id;
});

afterAll(async () => {
  await handle?.close();
});

describe("mixed groups: the organization cap", () => {
  it("defines the cap as max(1, floor(share × capacity))", () => {
    expect(organizationSeatCap(20, 40)).toBe(8);
    expect(organizationSeatCap(5, 40)).toBe(2);
    expect(organizationSeatCap(2, 40)).toBe(1);
    expect(organizationSeatCap(1, 40)).toBe(1);
    expect(organizationSeatCap(10, 100)).toBe(10);
  });

  it("waitlists a registration beyond the cap, with the reason shown and emailed", async () => {
    const s = await newSession({ capacity: 5 }); // 40 % of 5 → 2 seats per organization
    expect((await register(workers[0]![0]!, s.id)).data).toMatchObject({ outcome: "registered" });
    expect((await register(workers[0]![1]!, s.id)).data).toMatchObject({ outcome: "registered" });
    const third = await register(workers[0]![2]!, s.id);
    expect(third.data).toEqual({ outcome: "waitlisted", reason: "organization_cap" });
    expect((await statusOf(s.id, workers[0]![2]!.personId))?.waitReason).toBe("organization_cap");
    const mail = await lastEmailTo(workers[0]![2]!.email);
    expect(mail?.textBody).toContain("part maximale");
    expect(mail?.textBody).toContain("maximum share");
    expect(mail?.attachments).toEqual([]); // no seat, nothing for the calendar
    // Another organization still gets a seat.
    expect((await register(workers[1]![0]!, s.id)).data).toMatchObject({ outcome: "registered" });
  });

  it("promotion skips a waiting person whose organization is at the cap and takes the next one", async () => {
    const s = await newSession({ capacity: 5 });
    for (const w of [workers[0]![0]!, workers[0]![1]!, workers[1]![0]!, workers[2]![0]!, workers[3]![0]!]) {
      expect((await register(w, s.id)).data).toMatchObject({ outcome: "registered" });
    }
    expect((await register(workers[0]![2]!, s.id)).data).toEqual({ outcome: "waitlisted", reason: "capacity" });
    expect((await register(workers[4]![0]!, s.id)).data).toEqual({ outcome: "waitlisted", reason: "capacity" });
    expect((await register(workers[1]![0]!, s.id, "cancel")).data).toMatchObject({ outcome: "cancelled" });
    expect((await statusOf(s.id, workers[4]![0]!.personId))?.status).toBe("registered");
    const skipped = await statusOf(s.id, workers[0]![2]!.personId);
    // Still waiting; the session is full again, so the reason shown is "full".
    expect(skipped).toMatchObject({ status: "waitlisted", waitReason: "capacity" });
    const promotedMail = await lastEmailTo(workers[4]![0]!.email);
    expect(promotedMail?.subject).toContain("place");
    expect(promotedMail?.attachments[0]?.content).toContain("METHOD:REQUEST");
  });

  it("never overbooks nor exceeds the cap under concurrent registrations", async () => {
    const s = await newSession({ capacity: 5 });
    const everyone = [...workers[0]!, ...workers[1]!, ...workers[2]!];
    const results = await Promise.all(everyone.map((w) => register(w, s.id)));
    // Every answer is the redirect naming a seat or a place in line (PRG).
    expect(results.every((r) => r.status === 302)).toBe(true);
    const rows = await handle.db.select().from(trainingRegistration).where(eq(trainingRegistration.sessionId, s.id));
    const seated = rows.filter((r) => r.status === "registered");
    expect(seated).toHaveLength(5);
    for (const org of orgs) expect(seated.filter((r) => r.organizationId === org).length).toBeLessThanOrEqual(2);
    expect(rows.filter((r) => r.status === "waitlisted")).toHaveLength(everyone.length - 5);
  });

  it("shows the mix on the session page, with warnings under the Table's minimums", async () => {
    const s = await newSession({ capacity: 10 });
    await register(workers[0]![0]!, s.id);
    await register(workers[0]![1]!, s.id);
    const page = await call(handle.db, sessionRoute.loader, { path: `/training/sessions/${s.id}`, user: coordinator, params: { sessionId: s.id } });
    const data = page.data as { mix: { total: number; organizations: { count: number; percent: number }[]; tooFewOrganizations: boolean; tooFewMilieux: boolean }; cap: number };
    expect(data.cap).toBe(4);
    expect(data.mix.total).toBe(2);
    expect(data.mix.organizations[0]).toMatchObject({ count: 2, percent: 100 });
    expect(data.mix.tooFewOrganizations).toBe(true);
    expect(data.mix.tooFewMilieux).toBe(true);
  });
});

describe("nomination by a pivot coordinator", () => {
  it("registers a worker of their organization, audited and emailed; refuses another organization's worker", async () => {
    const s = await newSession({ capacity: 10 });
    const target = workers[0]![3]!;
    const ok = asOutcome(await call(handle.db, nominateRoute.action, { path: "/training/nominate", user: pivotCoordA, form: registrationForm({ sessionId: s.id, personId: target.personId, intent: "nominate" }) }));
    expect(ok.data).toMatchObject({ outcome: "registered" });
    expect(await statusOf(s.id, target.personId)).toMatchObject({ status: "registered", nominatedBy: pivotCoordA.personId });
    const mail = await lastEmailTo(target.email);
    expect(mail?.textBody).toContain("coordonnatrice pivot");
    const audit = rowsOf<{ details: { mode: string } }>(
      await handle.db.execute(sql`select details from audit_event where action = 'training_registration.registered' and target_id = ${s.id}`),
    );
    expect(audit[0]?.details.mode).toBe("nomination");

    const refused = await call(handle.db, nominateRoute.action, { path: "/training/nominate", user: pivotCoordA, form: registrationForm({ sessionId: s.id, personId: workers[1]![3]!.personId, intent: "nominate" }) });
    expect(refused.status).toBe(404);
    expect(await statusOf(s.id, workers[1]![3]!.personId)).toBeNull();
    // The nomination page's person search (no JavaScript: ?personIdSearch=…) finds their own workers only.
    const found = async (q: string) => {
      const page = await call(handle.db, nominateRoute.loader, { path: `/training/nominate?personIdSearch=${encodeURIComponent(q)}`, user: pivotCoordA });
      return ((page.data as { picker: { search: { people: { id: string }[] } | null } }).picker.search?.people ?? []).map((p) => p.id);
    };
    expect(await found("W03")).toContain(target.personId);
    expect(await found("W13")).not.toContain(workers[1]![3]!.personId);
  });

  it("is closed to a worker and to another Table", async () => {
    expect((await call(handle.db, nominateRoute.loader, { path: "/training/nominate", user: workers[0]![0]! })).status).toBe(404);
    const s = await newSession({ capacity: 10 });
    const b = await call(handle.db, nominateRoute.action, { path: "/training/nominate", user: coordinatorB, form: registrationForm({ sessionId: s.id, personId: workers[0]![0]!.personId, intent: "nominate" }) });
    expect(b.status).toBe(404);
  });
});

describe("closing of registration N days before the first day", () => {
  it("closes self-registration and cancellation, while the coordinator still manages", async () => {
    const s = await newSession({ capacity: 10, firstDay: 3 }); // default closing: 7 days before
    const closed = await register(workers[2]![1]!, s.id);
    expect(closed.status).toBe(409);
    expect(closed.data).toMatchObject({ outcome: "closed" });
    const added = await call(handle.db, sessionRoute.action, {
      path: `/training/sessions/${s.id}`,
      user: coordinator,
      params: { sessionId: s.id },
      form: withKey({ intent: "addParticipant", personId: workers[2]![1]!.personId }),
    });
    expect(added.location).toBe(participantsPage(s.id, "registered"));
    expect((await register(workers[2]![1]!, s.id, "cancel")).status).toBe(409);
    // Per-session override: closing 1 day before opens it again.
    const [row] = await handle.db.select({ version: trainingSession.version }).from(trainingSession).where(eq(trainingSession.id, s.id));
    const closing = { intent: "closing", registrationClosesDays: "1", version: String(row!.version) };
    const set = await call(handle.db, sessionRoute.action, { path: `/training/sessions/${s.id}`, user: coordinator, params: { sessionId: s.id }, form: closing });
    expect(set.location).toBe(participantsPage(s.id, "closing"));
    // The same form again (drawn before that save): stale, refused, nothing changed.
    const stale = await call(handle.db, sessionRoute.action, { path: `/training/sessions/${s.id}`, user: coordinator, params: { sessionId: s.id }, form: { ...closing, registrationClosesDays: "5" } });
    expect(stale.status).toBe(409);
    expect((await handle.db.select().from(trainingSession).where(eq(trainingSession.id, s.id)))[0]!.registrationClosesDays).toBe(1);
    expect((await register(workers[2]![1]!, s.id, "cancel")).data).toMatchObject({ outcome: "cancelled" });
  });

  it("takes the Table setting from /admin/settings (validated)", async () => {
    const bad = await call(handle.db, settingsRoute.action, {
      path: "/admin/settings",
      user: coordinator,
      form: { directoryFreshnessMonths: "6", consultationRetentionMonths: "12", version: "1", trainingRegistrationClosesDays: "500" },
    });
    expect(bad.status).toBe(400);
    const ok = await call(handle.db, settingsRoute.action, {
      path: "/admin/settings",
      user: coordinator,
      form: {
        directoryFreshnessMonths: "6",
        consultationRetentionMonths: "12",
        version: "1",
        trainingRegistrationClosesDays: "2",
        trainingReminderDays: "3",
        trainingMaxOrganizationSharePercent: "40",
        trainingMinOrganizations: "3",
        trainingMinMilieux: "3",
      },
    });
    expect(ok.location).toBe("/admin/settings?saved=1");
    const s = await newSession({ capacity: 10, firstDay: 4 });
    expect((await register(workers[3]![1]!, s.id)).data).toMatchObject({ outcome: "registered" });
  });
});

describe("emails with a calendar file", () => {
  it("confirms with REQUEST, changes with a raised SEQUENCE and the same UID, cancels with CANCEL", async () => {
    const s = await newSession({ capacity: 10 });
    const w = workers[4]![1]!;
    await register(w, s.id);
    const confirm = await lastEmailTo(w.email);
    const ics = confirm!.attachments[0]!.content;
    expect(ics).toContain("METHOD:REQUEST");
    expect(ics).toContain(`UID:filet-training-${s.id}-day1@filet`);
    expect(ics).toContain(`UID:filet-training-${s.id}-day2@filet`);
    expect(ics).toContain("SEQUENCE:0");
    const form = (place: string, status: string, version: number) => ({
      programId,
      day1: s.dates[0]!,
      day2: s.dates[1]!,
      place,
      capacity: "10",
      language: "fr",
      status,
      version: String(version),
    });
    const moved = await call(handle.db, sessionRoute.action, { path: `/training/sessions/${s.id}`, user: coordinator, params: { sessionId: s.id }, form: form("Salle B, Lévis", "open", 1) });
    expect(moved.location).toBe("/training?saved=1");
    const change = await lastEmailTo(w.email);
    expect(change!.subject).toContain("modifiée");
    expect(change!.attachments[0]!.content).toContain("SEQUENCE:1");
    expect(change!.attachments[0]!.content).toContain(`UID:filet-training-${s.id}-day1@filet`);
    expect(change!.attachments[0]!.content).toContain("Lévis");
    await call(handle.db, sessionRoute.action, { path: `/training/sessions/${s.id}`, user: coordinator, params: { sessionId: s.id }, form: form("Salle B, Lévis", "cancelled", 2) });
    const cancel = await lastEmailTo(w.email);
    expect(cancel!.attachments[0]!.content).toContain("METHOD:CANCEL");
    expect(cancel!.attachments[0]!.content).toContain("SEQUENCE:2");
    expect(cancel!.attachments[0]!.content).toContain("STATUS:CANCELLED");
  });

  it("sends a CANCEL when a seated person cancels, and none to a waiting one", async () => {
    const s = await newSession({ capacity: 10 });
    const w = workers[3]![2]!;
    await register(w, s.id);
    await register(w, s.id, "cancel");
    const mail = await lastEmailTo(w.email);
    expect(mail!.attachments[0]!.content).toContain("METHOD:CANCEL");
  });

  it("sends the reminder once, N days before (clock injected)", async () => {
    const soon = await newSession({ capacity: 10, firstDay: 30 });
    const later = await newSession({ capacity: 10, firstDay: 40 });
    const w = workers[2]![3]!;
    await register(w, soon.id);
    await register(w, later.id);
    const before = (await emailsTo(w.email)).length;
    const now = new Date(Date.now() + 28 * 86_400_000); // 2 days before `soon`, 12 before `later`
    expect(await sendTrainingReminders(handle.db, { now, publicUrl: "http://localhost:3000" })).toBeGreaterThanOrEqual(1);
    const after = await emailsTo(w.email);
    expect(after.length).toBe(before + 1);
    expect(after.at(-1)!.subject).toContain("Rappel");
    expect(after.at(-1)!.attachments[0]!.content).toContain("METHOD:REQUEST");
    expect(await sendTrainingReminders(handle.db, { now, publicUrl: "http://localhost:3000" })).toBe(0);
    expect((await emailsTo(w.email)).length).toBe(before + 1);
  });
});

describe("attendance and completion", () => {
  it("lets the session's trainers and the coordinator fill the sheet; others get 404", async () => {
    const s = await newSession({ capacity: 10, trainers: [trainerProfileId, otherTrainerProfileId] });
    const lone = await newSession({ capacity: 10, trainers: [otherTrainerProfileId, null] });
    const path = (id: string) => `/training/sessions/${id}/attendance`;
    expect((await call(handle.db, attendanceRoute.loader, { path: path(s.id), user: coordinator, params: { sessionId: s.id } })).status).toBe(200);
    expect((await call(handle.db, attendanceRoute.loader, { path: path(s.id), user: trainer, params: { sessionId: s.id } })).status).toBe(200);
    expect((await call(handle.db, attendanceRoute.loader, { path: path(lone.id), user: trainer, params: { sessionId: lone.id } })).status).toBe(404);
    expect((await call(handle.db, attendanceRoute.loader, { path: path(s.id), user: workers[0]![0]!, params: { sessionId: s.id } })).status).toBe(404);
    expect((await call(handle.db, attendanceRoute.loader, { path: path(s.id), user: coordinatorB, params: { sessionId: s.id } })).status).toBe(404);
    expect((await call(handle.db, attendanceRoute.action, { path: path(lone.id), user: trainer, params: { sessionId: lone.id }, form: {} })).status).toBe(404);
  });

  it("completes on both days present; partial does not, unless the coordinator marks it", async () => {
    const s = await newSession({ capacity: 10, trainers: [trainerProfileId, otherTrainerProfileId] });
    const full = workers[1]![1]!;
    const partial = workers[2]![2]!;
    await register(full, s.id);
    await register(partial, s.id);
    const regFull = (await statusOf(s.id, full.personId))!.id;
    const regPartial = (await statusOf(s.id, partial.personId))!.id;
    // The session takes place (first day yesterday): attendance can now be recorded.
    await handle.db.update(trainingSession).set({ dates: [day(-1), day(0)] }).where(eq(trainingSession.id, s.id));
    const path = `/training/sessions/${s.id}/attendance`;
    const saved = await saveSheet(handle.db, trainer, s.id, {
      [`day:${regFull}:0`]: "present",
      [`day:${regFull}:1`]: "present",
      [`day:${regPartial}:0`]: "present",
      [`day:${regPartial}:1`]: "partial",
    });
    expect(saved.location).toBe(`${path}?saved=1`);
    expect((await statusOf(s.id, full.personId))!.completedAt).not.toBeNull();
    expect((await statusOf(s.id, partial.personId))!.completedAt).toBeNull();
    // A trainer cannot decide completion.
    expect((await saveSheet(handle.db, trainer, s.id, { [`complete:${regPartial}`]: "on" })).status).toBe(400);
    // The coordinator recognizes the partial attendance.
    await saveSheet(handle.db, coordinator, s.id, { [`decide:${regPartial}`]: "1", [`complete:${regPartial}`]: "on" });
    expect(await statusOf(s.id, partial.personId)).toMatchObject({ completionMarkedBy: coordinator.personId });
    expect((await statusOf(s.id, partial.personId))!.completedAt).not.toBeNull();
    // A later attendance edit by the trainer keeps the coordinator's decision; an absence un-completes the other.
    await saveSheet(handle.db, trainer, s.id, { [`day:${regFull}:1`]: "absent" });
    expect((await statusOf(s.id, full.personId))!.completedAt).toBeNull();
    expect((await statusOf(s.id, partial.personId))!.completedAt).not.toBeNull();
    // Marks for someone not registered in this session are refused.
    // A different id of the same shape (changing its first digit to one it does not already have).
    const strangerId = regFull.replace(/^./, (first) => (first === "0" ? "1" : "0"));
    const stranger = await saveSheet(handle.db, trainer, s.id, { [`day:${strangerId}:0`]: "present" });
    expect(stranger.status).toBe(400);
    const audit = rowsOf<{ n: number }>(await handle.db.execute(sql`select count(*)::int as n from audit_event where action = 'training_attendance.recorded' and target_id = ${s.id}`));
    expect(audit[0]!.n).toBeGreaterThanOrEqual(3);
  });
});
