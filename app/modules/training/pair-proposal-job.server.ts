import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, systemActor, type AuditActor } from "../audit/record-audit-event.server.ts";
import { enqueueJob } from "../jobs/enqueue-job.server.ts";
import type { JobContext } from "../jobs/runner.server.ts";
import { buildSeasonInstance } from "./propose-pairs.server.ts";
import { solvePairs, type SolveProgress } from "./solve-pairs.server.ts";
import { pairProposal } from "./tables.ts";
import type { ProposalProgress } from "./vocabulary.ts";

/** The background job that solves one pair proposal. */
export const SOLVE_PAIRS_JOB = "training.solve_pairs";

const QUEUED: ProposalProgress = { phase: "queued", elapsedMs: 0, gap: null, incumbent: null, bound: null };
/** Progress is written at most this often while HiGHS works (the page polls every second). */
const PROGRESS_EVERY_MS = 500;

/**
 * The coordinator asks for pairs: a proposal row (queued) and its job, in one transaction.
 * A proposal of the Table still queued or solving is returned instead (a double click, or a
 * second coordinator) — one solve at a time per Table.
 */
export async function requestPairProposal(
  db: Database,
  actor: AuditActor,
  input: { partnershipId: string; personId: string; today: string; timeLimitSeconds?: number },
): Promise<{ id: string; created: boolean }> {
  return db.transaction(async (tx) => {
    // One request at a time per Table: two parallel clicks find the same pending proposal.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`filet.pair-proposal:${input.partnershipId}`}))`);
    const [pending] = await tx
      .select({ id: pairProposal.id })
      .from(pairProposal)
      .where(and(eq(pairProposal.partnershipId, input.partnershipId), inArray(pairProposal.status, ["queued", "solving"])))
      .orderBy(desc(pairProposal.createdAt))
      .limit(1);
    if (pending) return { id: pending.id, created: false };
    const [row] = await tx
      .insert(pairProposal)
      .values({ partnershipId: input.partnershipId, status: "queued", requestedBy: input.personId, sessionIds: [], progress: QUEUED })
      .returning({ id: pairProposal.id });
    await enqueueJob(
      tx,
      SOLVE_PAIRS_JOB,
      { proposalId: row!.id, partnershipId: input.partnershipId, today: input.today, timeLimitSeconds: input.timeLimitSeconds ?? 20 },
      { maxAttempts: 2 },
    );
    await recordAuditEvent(tx, actor, {
      action: "pair_proposal.requested",
      targetType: "pair_proposal",
      targetId: row!.id,
      partnershipId: input.partnershipId,
      details: { today: input.today },
    });
    return { id: row!.id, created: true };
  });
}

async function setProgress(db: Database, id: string, progress: ProposalProgress): Promise<void> {
  await db
    .update(pairProposal)
    .set({ progress })
    .where(and(eq(pairProposal.id, id), eq(pairProposal.status, "solving")));
}

/**
 * The job: builds the season from the database as it is now, solves it in a worker thread
 * (time-limited), writes progress on the proposal while HiGHS works, then the answer. A run
 * taken over after a crash solves again; a second failure marks the proposal failed.
 */
export async function runPairProposalJob(payload: Record<string, unknown>, ctx: Pick<JobContext, "db" | "now" | "isLastAttempt">): Promise<void> {
  const proposalId = String(payload.proposalId ?? "");
  const partnershipId = String(payload.partnershipId ?? "");
  const today = String(payload.today ?? "");
  const timeLimitSeconds = Number(payload.timeLimitSeconds ?? 20) || 20;
  const { db } = ctx;
  const [row] = await db
    .select({ id: pairProposal.id, status: pairProposal.status })
    .from(pairProposal)
    .where(and(eq(pairProposal.partnershipId, partnershipId), eq(pairProposal.id, proposalId)))
    .limit(1);
  if (!row || (row.status !== "queued" && row.status !== "solving")) return;
  const started = Date.now();
  await db
    .update(pairProposal)
    .set({ status: "solving", startedAt: ctx.now, progress: { ...QUEUED, phase: "building" } })
    .where(eq(pairProposal.id, row.id));
  try {
    const instance = await buildSeasonInstance(db, partnershipId, today);
    await db
      .update(pairProposal)
      .set({ sessionIds: instance.sessions.map((s) => s.id) })
      .where(eq(pairProposal.id, row.id));
    // Progress writes are chained (never two at once) and throttled; the last one is awaited.
    let writes = Promise.resolve();
    let lastWrite = 0;
    let lastPhase = "";
    const onProgress = (p: SolveProgress) => {
      const now = Date.now();
      if (p.phase === lastPhase && now - lastWrite < PROGRESS_EVERY_MS) return;
      lastWrite = now;
      lastPhase = p.phase;
      const progress: ProposalProgress = { ...p, elapsedMs: now - started };
      writes = writes.then(() => setProgress(db, row.id, progress)).catch(() => {});
    };
    const solution = await solvePairs(instance, { timeLimitSeconds, onProgress });
    await writes;
    const elapsedMs = Date.now() - started;
    await db.transaction(async (tx) => {
      const infeasible = solution.status === "infeasible";
      await tx
        .update(pairProposal)
        .set({
          status: infeasible ? "infeasible" : "proposed",
          assignments: infeasible ? [] : solution.assignments,
          reasons: infeasible ? solution.reasons : [],
          solverStatus: solution.solverStatus,
          solveMs: solution.solveMs,
          finishedAt: new Date(ctx.now.getTime() + elapsedMs),
          progress: { phase: "done", elapsedMs, gap: infeasible ? null : solution.status === "optimal" ? 0 : null, incumbent: null, bound: null },
        })
        .where(eq(pairProposal.id, row.id));
      await recordAuditEvent(tx, systemActor(SOLVE_PAIRS_JOB, partnershipId), {
        action: "pair_proposal.solved",
        targetType: "pair_proposal",
        targetId: row.id,
        partnershipId,
        details: { sessions: instance.sessions.length, status: solution.status, solveMs: solution.solveMs },
      });
    });
  } catch (error) {
    if (!ctx.isLastAttempt) throw error;
    await db
      .update(pairProposal)
      .set({ status: "failed", solverStatus: String(error instanceof Error ? error.message : error).slice(0, 200), progress: { ...QUEUED, phase: "done", elapsedMs: Date.now() - started } })
      .where(eq(pairProposal.id, row.id));
  }
}
