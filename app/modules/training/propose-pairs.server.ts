import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import { listAvailability, listSessions, listTrainers } from "./list-training.server.ts";
import type { PairInstance } from "./pair-model.ts";
import { checkTrainerPair, type PairProblem } from "./save-session.server.ts";
import { pairProposal, trainingSession } from "./tables.ts";
import type { PairAssignment } from "./vocabulary.ts";

export type ProposalRow = typeof pairProposal.$inferSelect;

/** The season to staff: planned or open sessions from today on (or, to explain a proposal, its sessions). */
export async function buildSeasonInstance(db: Database, partnershipId: string, today: string, only?: readonly string[]): Promise<PairInstance> {
  const [sessions, trainers] = await Promise.all([listSessions(db, partnershipId), listTrainers(db, partnershipId)]);
  const upcoming = only ? sessions.filter((s) => only.includes(s.id)) : sessions.filter((s) => (s.status === "planned" || s.status === "open") && (s.dates[0] ?? "") >= today);
  const availability = await listAvailability(db, partnershipId, upcoming.map((s) => s.id));
  const pastPairs = new Map<string, number>();
  for (const s of sessions) {
    if (s.status !== "given" || !s.trainerAId || !s.trainerBId) continue;
    const key = [s.trainerAId, s.trainerBId].sort().join("|");
    pastPairs.set(key, (pastPairs.get(key) ?? 0) + 1);
  }
  const active = trainers.filter((t) => t.active);
  return {
    trainers: active.map((t) => ({
      id: t.id,
      organizationId: t.organizationId,
      organizationName: t.organizationAcronym || t.organizationName,
      languages: t.languages,
      maxSessions: t.maxSessions,
    })),
    sessions: upcoming.map((s) => ({
      id: s.id,
      dates: s.dates,
      language: s.language,
      available: active.filter((t) => availability.get(`${s.id}|${t.id}`) === true).map((t) => t.id),
    })),
    pastPairs: [...pastPairs].map(([key, n]) => {
      const [a, b] = key.split("|") as [string, string];
      return [a, b, n] as const;
    }),
  };
}

export async function loadProposal(db: Database, partnershipId: string, proposalId?: string): Promise<ProposalRow | null> {
  const where = [eq(pairProposal.partnershipId, partnershipId)];
  if (proposalId) where.push(eq(pairProposal.id, proposalId));
  const [row] = await db.select().from(pairProposal).where(and(...where)).orderBy(desc(pairProposal.createdAt)).limit(1);
  return row ?? null;
}

export type ApplyResult =
  | { status: "ok"; applied: number }
  | { status: "invalid"; sessionId: string; message: PairProblem | "training.pair.incomplete" | "training.pair.sessionClosed" }
  | { status: "conflict" }
  | { status: "not_found" };

/**
 * Applies the reviewed (possibly edited) pairs. Every pair passes the same hard rule as the
 * session form, and every session must still be to give (planned, open or full: not given or
 * cancelled since the proposal); one refusal refuses the whole application, nothing half-applied.
 */
export async function applyProposal(
  db: Database,
  actor: AuditActor,
  input: { partnershipId: string; proposalId: string; version: number; assignments: PairAssignment[] },
): Promise<ApplyResult> {
  return db.transaction(async (tx): Promise<ApplyResult> => {
    const [proposal] = await tx
      .select()
      .from(pairProposal)
      .where(and(eq(pairProposal.partnershipId, input.partnershipId), eq(pairProposal.id, input.proposalId)));
    if (!proposal) return { status: "not_found" };
    if (proposal.status !== "proposed" || proposal.version !== input.version) return { status: "conflict" };
    const inScope = new Set(proposal.sessionIds);
    if (input.assignments.some((a) => !inScope.has(a.sessionId))) return { status: "not_found" };
    // The sessions as they are now, locked until the end of the transaction (a status change waits).
    const ids = input.assignments.map((a) => a.sessionId);
    const current = ids.length
      ? await tx
          .select({ id: trainingSession.id, status: trainingSession.status })
          .from(trainingSession)
          .where(and(eq(trainingSession.partnershipId, input.partnershipId), inArray(trainingSession.id, ids)))
          .for("update")
      : [];
    const statusOf = new Map(current.map((s) => [s.id, s.status]));
    for (const a of input.assignments) {
      const status = statusOf.get(a.sessionId);
      if (!status) return { status: "not_found" };
      if (status !== "planned" && status !== "open" && status !== "full") return { status: "invalid", sessionId: a.sessionId, message: "training.pair.sessionClosed" };
      if (!a.trainerIds[0] || !a.trainerIds[1]) return { status: "invalid", sessionId: a.sessionId, message: "training.pair.incomplete" };
      const problem = await checkTrainerPair(tx, input.partnershipId, a.trainerIds[0], a.trainerIds[1]);
      if (problem) return { status: "invalid", sessionId: a.sessionId, message: problem };
    }
    for (const a of input.assignments) {
      await tx
        .update(trainingSession)
        .set({ trainerAId: a.trainerIds[0], trainerBId: a.trainerIds[1], version: sql`${trainingSession.version} + 1`, updatedAt: new Date() })
        .where(and(eq(trainingSession.partnershipId, input.partnershipId), inArray(trainingSession.id, [a.sessionId])));
    }
    const done = await tx
      .update(pairProposal)
      .set({ status: "applied", assignments: input.assignments, appliedAt: new Date(), version: sql`${pairProposal.version} + 1` })
      .where(and(eq(pairProposal.id, proposal.id), eq(pairProposal.version, input.version)))
      .returning({ id: pairProposal.id });
    if (done.length === 0) return { status: "conflict" };
    await recordAuditEvent(tx, actor, {
      action: "pair_proposal.applied",
      targetType: "pair_proposal",
      targetId: proposal.id,
      partnershipId: input.partnershipId,
      details: { sessions: input.assignments.length, edited: JSON.stringify(input.assignments) !== JSON.stringify(proposal.assignments) },
    });
    return { status: "ok", applied: input.assignments.length };
  });
}
