import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { DatabaseHandle } from "../../app/modules/db/client.server.ts";
import { partnership } from "../../app/modules/governance/tables.ts";
import { seedDemo } from "../../app/modules/demo/seed-demo.server.ts";
import { seedTrainingDemo } from "../../app/modules/demo/seed-training.server.ts";
import { quebecTable } from "../../app/modules/demo/demo-quebec.ts";
import { buildSeasonInstance } from "../../app/modules/training/propose-pairs.server.ts";
import { solvePairs } from "../../app/modules/training/solve-pairs.server.ts";
import { trainerProfile, trainingSession } from "../../app/modules/training/tables.ts";
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
    expect(await handle.db.select().from(trainingSession).where(eq(trainingSession.partnershipId, tableId))).toHaveLength(16);
  }, 60_000);
});
