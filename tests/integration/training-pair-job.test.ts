import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import type { Database, DatabaseHandle } from "../../app/modules/db/client.server.ts";
import { rowsOf } from "../../app/modules/db/rows.ts";
import { seedTrainingDemo } from "../../app/modules/demo/seed-training.server.ts";
import { jobHandlers } from "../../server/jobs.ts";
import { startJobRunner } from "../../app/modules/jobs/runner.server.ts";
import { job } from "../../app/modules/jobs/tables.ts";
import { generateInstance } from "../../app/modules/training/generate-instance.ts";
import { runPairProposalJob, SOLVE_PAIRS_JOB } from "../../app/modules/training/pair-proposal-job.server.ts";
import { solvePairs, type SolveProgress } from "../../app/modules/training/solve-pairs.server.ts";
import { setOwnAvailability } from "../../app/modules/training/set-availability.server.ts";
import { pairProposal, trainerProfile, trainingProgram, trainingSession } from "../../app/modules/training/tables.ts";
import * as overviewRoute from "../../app/routes/training/_index.tsx";
import * as pairsRoute from "../../app/routes/training/pairs.tsx";
import { createTestDatabase, testConfig } from "../support/test-db.ts";
import { call, createOrganization, createTable, createUser, type TestUser } from "./pathway-support.ts";

/*
 * The pair proposal as a background job: the request only queues it; the job runner (here with
 * an injected clock, driven by hand) solves it and writes its status and progress on the row,
 * which the page polls.
 */
let handle: DatabaseHandle;
let tableA: string;
let coordinator: TestUser;
let coordinatorB: TestUser;
const NOW = new Date("2031-03-02T14:00:00Z");

const future = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

function runner(db: Database = handle.db) {
  return startJobRunner({ db, config: testConfig(), handlers: jobHandlers, autoStart: false, now: () => NOW });
}

async function proposalOf(id: string) {
  const [row] = await handle.db.select().from(pairProposal).where(eq(pairProposal.id, id));
  return row!;
}

async function auditActions(): Promise<string[]> {
  return rowsOf<{ action: string }>(await handle.db.execute(sql`select action from audit_event order by id`)).map((r) => r.action);
}

async function page(user: TestUser) {
  const res = await call(handle.db, pairsRoute.loader, { path: "/training/pairs", user });
  return res.data as { pending: boolean; elapsedSeconds: number; proposal: { id: string; status: string; progress: { phase: string } } | null };
}

beforeAll(async () => {
  handle = await createTestDatabase();
  const db = handle.db;
  tableA = await createTable(db, "JobA");
  const tableB = await createTable(db, "JobB");
  const orgX = await createOrganization(db, tableA, "OrgX");
  const orgY = await createOrganization(db, tableA, "OrgY");
  coordinator = await createUser(db, { partnershipId: tableA, roles: [{ role: "table_coordinator" }] });
  coordinatorB = await createUser(db, { partnershipId: tableB, roles: [{ role: "table_coordinator" }] });
  for (const [org, name] of [[orgX, "X1"], [orgX, "X2"], [orgY, "Y1"], [orgY, "Y2"]] as const) {
    await createUser(db, { partnershipId: tableA, organizationId: org, givenName: name, roles: [{ role: "trainer" }] });
  }
  await db.transaction((tx) => seedTrainingDemo(tx, tableA));
  const [program] = await db.select({ id: trainingProgram.id }).from(trainingProgram).where(eq(trainingProgram.partnershipId, tableA));
  await call(db, overviewRoute.action, { path: "/training", user: coordinator, form: { intent: "sync" } });
  const trainers = await db.select().from(trainerProfile).where(eq(trainerProfile.partnershipId, tableA));
  const actor = { accountId: null, role: "trainer", organizationId: null, partnershipId: tableA, requestId: "t", ip: "127.0.0.1" };
  for (const day of [30, 37, 44]) {
    const [s] = await db.insert(trainingSession).values({ partnershipId: tableA, programId: program!.id, dates: [future(day), future(day + 1)], status: "planned" }).returning();
    for (const t of trainers) await setOwnAvailability(db, actor, { partnershipId: tableA, trainerId: t.id, sessionId: s!.id, available: true });
  }
});

afterAll(async () => {
  await handle?.close();
});

describe("the pair solve as a background job", () => {
  let proposalId: string;

  it("queues the request (row + job, audited) and answers at once with a redirect", async () => {
    const res = await call(handle.db, pairsRoute.action, { path: "/training/pairs", user: coordinator, form: { intent: "propose" } });
    expect(res.status).toBe(302);
    expect(res.location).toBe("/training/pairs");
    const shown = await page(coordinator);
    expect(shown.pending).toBe(true);
    expect(shown.proposal).toMatchObject({ status: "queued", progress: { phase: "queued" } });
    proposalId = shown.proposal!.id;
    const jobs = await handle.db.select().from(job).where(eq(job.name, SOLVE_PAIRS_JOB));
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.payload).toMatchObject({ proposalId, partnershipId: tableA });
    expect(await auditActions()).toContain("pair_proposal.requested");
    // A second click while it is queued does not queue a second solve.
    await call(handle.db, pairsRoute.action, { path: "/training/pairs", user: coordinator, form: { intent: "propose" } });
    expect(await handle.db.select().from(job).where(eq(job.name, SOLVE_PAIRS_JOB))).toHaveLength(1);
    expect(await handle.db.select().from(pairProposal)).toHaveLength(1);
    // Another Table sees no proposal at all.
    expect((await page(coordinatorB)).proposal).toBeNull();
  });

  it("is solved by the job runner: status, times and progress end on the row", async () => {
    const r = runner();
    expect(await r.runOnce()).toBeGreaterThan(0);
    await r.stop();
    const row = await proposalOf(proposalId);
    expect(row.status).toBe("proposed");
    expect(row.sessionIds).toHaveLength(3);
    expect(row.assignments).toHaveLength(3);
    expect(row.startedAt?.toISOString()).toBe(NOW.toISOString());
    expect(row.finishedAt!.getTime()).toBeGreaterThanOrEqual(NOW.getTime());
    expect(row.progress).toMatchObject({ phase: "done", gap: 0 });
    expect(row.solverStatus).toBe("Optimal");
    const shown = await page(coordinator);
    expect(shown.pending).toBe(false);
    expect(await auditActions()).toContain("pair_proposal.solved");
    const [done] = await handle.db.select().from(job).where(eq(job.name, SOLVE_PAIRS_JOB));
    expect(done!.status).toBe("done");
  });

  it("does nothing when the job runs again for a proposal already answered", async () => {
    const before = await proposalOf(proposalId);
    await runPairProposalJob({ proposalId, partnershipId: tableA, today: "2000-01-01" }, { db: handle.db, now: NOW, isLastAttempt: false });
    expect(await proposalOf(proposalId)).toEqual(before);
    // Nor for another Table's id.
    await runPairProposalJob({ proposalId, partnershipId: crypto.randomUUID(), today: "2000-01-01" }, { db: handle.db, now: NOW, isLastAttempt: false });
    expect(await proposalOf(proposalId)).toEqual(before);
  });

  it("retries a crashed solve, then marks it failed on the last attempt", async () => {
    await call(handle.db, pairsRoute.action, { path: "/training/pairs", user: coordinator, form: { intent: "propose" } });
    const id = (await page(coordinator)).proposal!.id;
    expect(id).not.toBe(proposalId);
    // A database that cannot save the answer (its transactions fail).
    const broken = new Proxy(handle.db, {
      get(target, key, receiver) {
        if (key === "transaction") return () => Promise.reject(new Error("disk full"));
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    const payload = { proposalId: id, partnershipId: tableA, today: "2000-01-01" };
    await expect(runPairProposalJob(payload, { db: broken, now: NOW, isLastAttempt: false })).rejects.toThrow("disk full");
    const midway = await proposalOf(id);
    expect(midway.status).toBe("solving");
    expect((await page(coordinator)).pending).toBe(true);
    await runPairProposalJob(payload, { db: broken, now: NOW, isLastAttempt: true });
    const failed = await proposalOf(id);
    expect(failed.status).toBe("failed");
    expect(failed.solverStatus).toBe("disk full");
    expect((await page(coordinator)).pending).toBe(false);
  });
});

describe("solver progress", () => {
  it("reports the pre-check, then the solve with growing elapsed time (and the gap once HiGHS has pairs)", async () => {
    const instance = generateInstance({ sessions: 60, trainers: 16, organizations: 8, availability: 0.75, seed: 2 });
    const seen: SolveProgress[] = [];
    const solution = await solvePairs(instance, { timeLimitSeconds: 30, onProgress: (p) => seen.push(p) });
    expect(solution.status).toBe("optimal");
    expect(seen[0]!.phase).toBe("precheck");
    expect(seen.some((p) => p.phase === "solving")).toBe(true);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.elapsedMs).toBeGreaterThanOrEqual(seen[i - 1]!.elapsedMs);
    for (const p of seen) if (p.gap !== null) expect(p.gap).toBeGreaterThanOrEqual(0);
  });
});
