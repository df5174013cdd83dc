import { describe, expect, it } from "vitest";
import { explainProposal } from "./pair-explanation.ts";
import type { PairInstance } from "./pair-model.ts";

const trainer = (id: string, organizationId: string, extra: Partial<PairInstance["trainers"][number]> = {}) => ({ id, organizationId, organizationName: organizationId, languages: ["fr"], maxSessions: 2, ...extra });

/** Two sessions on different days; each left-out trainer has exactly one reason. */
const instance: PairInstance = {
  trainers: [
    trainer("ana", "spvq"),
    trainer("ben", "cjq"),
    trainer("carl", "spvq"), // same organization as Ana
    trainer("dina", "pipq", { maxSessions: 1 }), // at her maximum after session 2
    trainer("eve", "pipq", { languages: ["en"] }), // does not speak French
    trainer("fay", "cssq"), // not available
    trainer("gus", "traic"), // available, left out for balance
  ],
  sessions: [
    { id: "s1", dates: ["2027-02-01"], language: "fr", available: ["ana", "ben", "carl", "dina", "eve", "gus"] },
    { id: "s2", dates: ["2027-02-08"], language: "fr", available: ["ana", "dina", "gus"] },
  ],
};

describe("the pair proposal explained", () => {
  const explained = explainProposal(instance, [
    { sessionId: "s1", trainerIds: ["ana", "ben"] },
    { sessionId: "s2", trainerIds: ["ana", "dina"] },
  ]);

  it("counts each trainer's load against what they could give and their maximum", () => {
    const load = Object.fromEntries(explained.loads.map((l) => [l.trainerId, [l.assigned, l.eligible, l.maxSessions]]));
    expect(load).toMatchObject({ ana: [2, 2, 2], ben: [1, 1, 2], carl: [0, 1, 2], dina: [1, 2, 1], eve: [0, 0, 2], fay: [0, 0, 2], gus: [0, 2, 2] });
  });

  it("says why each one was chosen or left out, one reason each, in the order people check them", () => {
    const s1 = explained.sessions.find((s) => s.sessionId === "s1")!;
    expect(s1.chosen).toEqual([
      { trainerId: "ana", assigned: 2, maxSessions: 2 },
      { trainerId: "ben", assigned: 1, maxSessions: 2 },
    ]);
    expect(s1.leftOut).toEqual([
      { reason: "notAvailable", trainerIds: ["fay"] },
      { reason: "language", trainerIds: ["eve"] },
      { reason: "atMax", trainerIds: ["dina"] },
      { reason: "sameOrganization", trainerIds: ["carl"] },
      { reason: "balance", trainerIds: ["gus"] },
    ]);
    const s2 = explained.sessions.find((s) => s.sessionId === "s2")!;
    expect(s2.leftOut.find((g) => g.reason === "notAvailable")!.trainerIds).toEqual(["ben", "carl", "eve", "fay"]);
  });

  it("names a trainer already giving another session that day", () => {
    const sameDay: PairInstance = { ...instance, sessions: [instance.sessions[0]!, { ...instance.sessions[1]!, id: "s3", dates: ["2027-02-01"], available: ["ana", "dina", "gus", "carl"] }] };
    const e = explainProposal(sameDay, [
      { sessionId: "s1", trainerIds: ["ana", "ben"] },
      { sessionId: "s3", trainerIds: ["dina", "gus"] },
    ]);
    const s3 = e.sessions.find((s) => s.sessionId === "s3")!;
    expect(s3.leftOut.find((g) => g.reason === "sameDay")!.trainerIds).toEqual(["ana"]);
  });
});
