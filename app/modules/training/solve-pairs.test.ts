import { describe, expect, it } from "vitest";
import { explainInfeasibility, type PairInstance } from "./pair-model.ts";
import { generateInstance } from "./generate-instance.ts";
import { solvePairs } from "./solve-pairs.server.ts";
import type { PairAssignment } from "./vocabulary.ts";

/** The rules, checked here without any help from the model that produced the answer. */
function violations(instance: PairInstance, assignments: PairAssignment[]): string[] {
  const problems: string[] = [];
  const trainers = new Map(instance.trainers.map((t) => [t.id, t]));
  const load = new Map<string, number>();
  const busy = new Set<string>();
  for (const session of instance.sessions) {
    const mine = assignments.filter((a) => a.sessionId === session.id);
    if (mine.length !== 1) {
      problems.push(`${session.id}: ${mine.length} pairs`);
      continue;
    }
    const ids = mine[0]!.trainerIds;
    if (new Set(ids).size !== 2) problems.push(`${session.id}: not two trainers`);
    const [a, b] = ids.map((id) => trainers.get(id)!);
    if (a!.organizationId === b!.organizationId) problems.push(`${session.id}: same organization`);
    for (const t of [a!, b!]) {
      if (!session.available.includes(t.id)) problems.push(`${session.id}: ${t.id} unavailable`);
      if (!t.languages.includes(session.language)) problems.push(`${session.id}: ${t.id} language`);
      load.set(t.id, (load.get(t.id) ?? 0) + 1);
      for (const d of session.dates) {
        if (busy.has(`${t.id}|${d}`)) problems.push(`${t.id} twice on ${d}`);
        busy.add(`${t.id}|${d}`);
      }
    }
  }
  for (const [id, n] of load) if (n > trainers.get(id)!.maxSessions) problems.push(`${id}: ${n} sessions`);
  return problems;
}

describe("trainer pair solver", () => {
  it("respects every rule on generated seasons", async () => {
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const instance = generateInstance({ sessions: 12 + seed * 3, seed });
      const solution = await solvePairs(instance, { timeLimitSeconds: 10 });
      if (solution.status === "infeasible") {
        // Then a reason must be given, never an empty refusal.
        expect(solution.reasons.length, `seed ${seed}`).toBeGreaterThan(0);
        continue;
      }
      expect(violations(instance, solution.assignments), `seed ${seed}`).toEqual([]);
    }
  }, 60_000);

  it("solves a 32-session season with pairs mixed and load balanced", async () => {
    // The first generated season that passes the pre-check (some seeds are truly impossible).
    const instance = Array.from({ length: 20 }, (_, i) => generateInstance({ sessions: 32, trainers: 8, organizations: 4, availability: 0.85, seed: 11 + i })).find(
      (candidate) => explainInfeasibility(candidate).length === 0,
    )!;
    const solution = await solvePairs(instance, { timeLimitSeconds: 10 });
    expect(solution.status).toBe("optimal");
    if (solution.status === "infeasible") return;
    expect(violations(instance, solution.assignments)).toEqual([]);
    const load = new Map<string, number>();
    for (const a of solution.assignments) for (const t of a.trainerIds) load.set(t, (load.get(t) ?? 0) + 1);
    const loads = [...load.values()];
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(2);
  }, 30_000);

  it("names the session where only one organization is available", async () => {
    const instance: PairInstance = {
      trainers: [
        { id: "a", organizationId: "spvq", organizationName: "SPVQ", languages: ["fr"], maxSessions: 4 },
        { id: "b", organizationId: "spvq", organizationName: "SPVQ", languages: ["fr"], maxSessions: 4 },
        { id: "c", organizationId: "cjq", organizationName: "CJQ", languages: ["fr"], maxSessions: 4 },
      ],
      sessions: [
        { id: "s1", dates: ["2027-05-11"], language: "fr", available: ["a", "b", "c"] },
        { id: "s2", dates: ["2027-05-12"], language: "fr", available: ["a", "b"] },
      ],
    };
    const solution = await solvePairs(instance);
    expect(solution.status).toBe("infeasible");
    if (solution.status !== "infeasible") return;
    expect(solution.reasons).toEqual([{ key: "training.pairs.why.oneOrganization", vars: { date: "2027-05-12", organization: "SPVQ" } }]);
  });

  it("names the day when same-day sessions need more trainers than are free", async () => {
    const trainers = ["a", "b", "c"].map((id, i) => ({ id, organizationId: `o${i}`, organizationName: `O${i}`, languages: ["fr"], maxSessions: 4 }));
    const instance: PairInstance = {
      trainers,
      sessions: [
        { id: "s1", dates: ["2027-05-12"], language: "fr", available: ["a", "b", "c"] },
        { id: "s2", dates: ["2027-05-12"], language: "fr", available: ["a", "b", "c"] },
      ],
    };
    const solution = await solvePairs(instance);
    expect(solution.status === "infeasible" && solution.reasons[0]).toEqual({
      key: "training.pairs.why.sameDay",
      vars: { date: "2027-05-12", sessions: 2, needed: 4, count: 3 },
    });
  });

  it("says the rules combined are impossible when no single session explains it", async () => {
    // Each session alone is fine and the day has enough people, but the only cross-organization
    // pairs collide: a and b are both from o0, so s1 and s2 both need c on the same day.
    const instance: PairInstance = {
      trainers: [
        { id: "a", organizationId: "o0", organizationName: "O0", languages: ["fr"], maxSessions: 4 },
        { id: "b", organizationId: "o0", organizationName: "O0", languages: ["fr"], maxSessions: 4 },
        { id: "c", organizationId: "o1", organizationName: "O1", languages: ["fr"], maxSessions: 4 },
        { id: "d", organizationId: "o0", organizationName: "O0", languages: ["fr"], maxSessions: 4 },
      ],
      sessions: [
        { id: "s1", dates: ["2027-05-12"], language: "fr", available: ["a", "c"] },
        { id: "s2", dates: ["2027-05-12"], language: "fr", available: ["b", "c", "d"] },
      ],
    };
    const solution = await solvePairs(instance);
    expect(solution.status === "infeasible" && solution.reasons).toEqual([{ key: "training.pairs.why.combined", vars: {} }]);
  });
});
