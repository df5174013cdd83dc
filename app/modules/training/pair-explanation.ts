import { eligibleTrainers, type PairInstance } from "./pair-model.ts";
import type { PairAssignment } from "./vocabulary.ts";

/** Why a trainer is not in a session's pair, first reason that applies, in the order people check them. */
export const leftOutReasons = ["notAvailable", "language", "sameDay", "atMax", "sameOrganization", "balance"] as const;
export type LeftOutReason = (typeof leftOutReasons)[number];

export interface TrainerLoad {
  trainerId: string;
  /** Sessions of the proposal this trainer gives. */
  assigned: number;
  /** Sessions of the proposal they could give (available and speaking the session's language). */
  eligible: number;
  maxSessions: number;
}

export interface SessionExplanation {
  sessionId: string;
  /** The two chosen: their load once the proposal is applied. */
  chosen: { trainerId: string; assigned: number; maxSessions: number }[];
  /** Everyone else, grouped by the reason they were left out (groups in `leftOutReasons` order). */
  leftOut: { reason: LeftOutReason; trainerIds: string[] }[];
}

/**
 * The proposal in words a coordinator can check: each trainer's load against their maximum, and
 * for each session why these two and why not the others. Pure: the same instance the solver saw
 * (or the season as it is now) and the assignments proposed.
 */
export function explainProposal(instance: PairInstance, assignments: readonly PairAssignment[]): { loads: TrainerLoad[]; sessions: SessionExplanation[] } {
  const pairOf = new Map(assignments.map((a) => [a.sessionId, a.trainerIds.filter(Boolean)]));
  const assigned = new Map<string, number>();
  const busyDays = new Map<string, Set<string>>();
  for (const s of instance.sessions) {
    for (const id of pairOf.get(s.id) ?? []) {
      assigned.set(id, (assigned.get(id) ?? 0) + 1);
      const days = busyDays.get(id) ?? new Set<string>();
      for (const d of s.dates) days.add(d);
      busyDays.set(id, days);
    }
  }
  const eligibleCount = new Map<string, number>();
  for (const s of instance.sessions) for (const t of eligibleTrainers(instance, s)) eligibleCount.set(t.id, (eligibleCount.get(t.id) ?? 0) + 1);
  const loads = instance.trainers.map((t) => ({ trainerId: t.id, assigned: assigned.get(t.id) ?? 0, eligible: eligibleCount.get(t.id) ?? 0, maxSessions: t.maxSessions }));

  const sessions = instance.sessions.map((s): SessionExplanation => {
    const pair = pairOf.get(s.id) ?? [];
    const chosen = instance.trainers.filter((t) => pair.includes(t.id));
    const chosenOrgs = new Set(chosen.map((t) => t.organizationId));
    const available = new Set(s.available);
    const reasonOf = (t: PairInstance["trainers"][number]): LeftOutReason => {
      if (!available.has(t.id)) return "notAvailable";
      if (!t.languages.includes(s.language)) return "language";
      // Busy on one of this session's days with another session of the proposal.
      if (s.dates.some((d) => busyDays.get(t.id)?.has(d))) return "sameDay";
      if ((assigned.get(t.id) ?? 0) >= t.maxSessions) return "atMax";
      if (chosenOrgs.has(t.organizationId)) return "sameOrganization";
      return "balance";
    };
    const groups = new Map<LeftOutReason, string[]>();
    for (const t of instance.trainers) {
      if (pair.includes(t.id)) continue;
      const reason = reasonOf(t);
      groups.set(reason, [...(groups.get(reason) ?? []), t.id]);
    }
    return {
      sessionId: s.id,
      chosen: chosen.map((t) => ({ trainerId: t.id, assigned: assigned.get(t.id) ?? 0, maxSessions: t.maxSessions })),
      leftOut: leftOutReasons.filter((r) => groups.has(r)).map((reason) => ({ reason, trainerIds: groups.get(reason)! })),
    };
  });
  return { loads, sessions };
}
