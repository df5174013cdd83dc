import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { DatabaseHandle } from "../../app/modules/db/client.server.ts";
import { partnership } from "../../app/modules/governance/tables.ts";
import { seedDemo } from "../../app/modules/demo/seed-demo.server.ts";
import { seedTrainingDemo } from "../../app/modules/demo/seed-training.server.ts";
import { HISTORY_SESSIONS, RECENT_SESSIONS } from "../../app/modules/demo/seed-training-history.server.ts";
import { quebecTable } from "../../app/modules/demo/demo-quebec.ts";
import { buildSeasonInstance } from "../../app/modules/training/propose-pairs.server.ts";
import { solvePairs } from "../../app/modules/training/solve-pairs.server.ts";
import { trainerProfile, trainingAttendance, trainingRegistration, trainingSession } from "../../app/modules/training/tables.ts";
import { organization } from "../../app/modules/governance/tables.ts";
import { organizationSeatCap } from "../../app/modules/training/mix-rules.ts";
import { createTestDatabase } from "../support/test-db.ts";

let handle: DatabaseHandle;
let tableId: string;

beforeAll(async () => {
  handle = await createTestDatabase();
  await seedDemo(handle.db);
  tableId = (await handle.db.select({ id: partnership.id }).from(partnership).where(eq(partnership.slug, quebecTable.slug)))[0]!.id;
}, 120_000);

afterAll(async () => {
  await handle?.close();
});

describe("the training demo", () => {
  it("has 8 trainers from 8 organizations, past sessions given and a season to staff", async () => {
    const trainers = await handle.db.select().from(trainerProfile).where(eq(trainerProfile.partnershipId, tableId));
    expect(trainers).toHaveLength(8);
    expect(new Set(trainers.map((t) => t.organizationId)).size).toBe(8);
    const sessions = await handle.db.select().from(trainingSession).where(eq(trainingSession.partnershipId, tableId));
    expect(sessions.filter((s) => s.status === "given").length).toBeGreaterThan(0);
    expect(sessions.filter((s) => s.status === "given")).toHaveLength(HISTORY_SESSIONS + RECENT_SESSIONS);
    expect(sessions.filter((s) => s.status === "planned" || s.status === "open")).toHaveLength(12);
  });

  it("can be staffed by the solver, and seeding again changes nothing", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const instance = await buildSeasonInstance(handle.db, tableId, today);
    expect(instance.sessions).toHaveLength(12);
    expect(instance.pastPairs?.length).toBeGreaterThan(0);
    const solution = await solvePairs(instance, { timeLimitSeconds: 20 });
    expect(solution.status).toBe("optimal");
    await handle.db.transaction((tx) => seedTrainingDemo(tx, tableId));
    expect(await handle.db.select().from(trainingSession).where(eq(trainingSession.partnershipId, tableId))).toHaveLength(HISTORY_SESSIONS + RECENT_SESSIONS + 12);
  }, 60_000);
});

describe("the training history (32 sessions, about 450 trained) and the recent season", () => {
  it("has mixed sessions given in 2009–2012 and over the last two years, with completed participants over the demo organizations and milieux", async () => {
    const given = (await handle.db.select().from(trainingSession).where(eq(trainingSession.partnershipId, tableId))).filter((s) => s.status === "given");
    const seeds = given.filter((s) => s.dates[0]! >= "2009-01-01" && s.dates[0]! <= "2012-12-31");
    expect(seeds).toHaveLength(32);
    // The recent season lies between two years ago and today, both days over.
    const today = new Date().toISOString().slice(0, 10);
    const twoYearsAgo = new Date(Date.now() - 730 * 86_400_000).toISOString().slice(0, 10);
    const recent = given.filter((s) => !seeds.includes(s));
    expect(recent).toHaveLength(RECENT_SESSIONS);
    expect(recent.every((s) => s.dates[0]! >= twoYearsAgo && s.dates.at(-1)! < today)).toBe(true);
    const trainers = await handle.db.select().from(trainerProfile).where(eq(trainerProfile.partnershipId, tableId));
    const orgOf = new Map(trainers.map((t) => [t.id, t.organizationId]));
    expect(given.every((s) => s.trainerAId && s.trainerBId && orgOf.get(s.trainerAId) !== orgOf.get(s.trainerBId))).toBe(true);
    const rows = await handle.db
      .select({ sessionId: trainingRegistration.sessionId, personId: trainingRegistration.personId, organizationId: trainingRegistration.organizationId, completedAt: trainingRegistration.completedAt, type: organization.type })
      .from(trainingRegistration)
      .innerJoin(organization, eq(organization.id, trainingRegistration.organizationId))
      .where(eq(trainingRegistration.partnershipId, tableId));
    const completed = rows.filter((r) => r.completedAt);
    // About 450 in the seeds' years, about 85 more in the recent season.
    expect(completed.length).toBeGreaterThanOrEqual(520);
    expect(completed.length).toBeLessThanOrEqual(550);
    expect(new Set(completed.map((r) => r.personId)).size).toBe(completed.length);
    expect(new Set(completed.map((r) => r.type)).size).toBeGreaterThanOrEqual(5);
    for (const s of given) {
      const here = rows.filter((r) => r.sessionId === s.id);
      const perOrg = new Map<string, number>();
      for (const r of here) perOrg.set(r.organizationId!, (perOrg.get(r.organizationId!) ?? 0) + 1);
      expect(Math.max(...perOrg.values())).toBeLessThanOrEqual(organizationSeatCap(s.capacity, 40));
      expect(perOrg.size).toBeGreaterThanOrEqual(3);
    }
    const attendance = await handle.db.select().from(trainingAttendance).where(eq(trainingAttendance.partnershipId, tableId));
    expect(attendance.length).toBe(rows.length * 2);
  });
});
