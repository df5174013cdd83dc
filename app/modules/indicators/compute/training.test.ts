import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrganization, createPartnership, createPerson } from "../../../../tests/support/fixtures.ts";
import { createTestDatabase } from "../../../../tests/support/test-db.ts";
import type { Database } from "../../db/client.server.ts";
import { trainingEvaluationResponse, trainingObservation, trainingQuestionnaire } from "../../training-evaluation/tables.ts";
import { trainingAttendance, trainingProgram, trainingRegistration, trainingSession } from "../../training/tables.ts";
import { computeFigures } from "../compute-figures.server.ts";
import type { IndicatorQuery, Tallies } from "../figures.ts";
import { trainingIndicators } from "./training.server.ts";

// Hand-computed fixtures for the training indicators; period Q1 2026. The other Table's rows never count.
let db: Database;
let close: () => Promise<void>;
let table: string;
let school: string;
let police: string;
const period = { from: "2026-01-01", to: "2026-03-31" };
const query = (today = "2026-12-03"): IndicatorQuery => ({ partnershipId: table, period, by: null, today });
const definition = (code: string) => {
  const d = trainingIndicators.find((i) => i.code === code);
  if (!d) throw new Error(code);
  return d;
};
const tallies = (code: string, today?: string): Promise<Tallies> => definition(code).compute(db, query(today));
const counts = (t: Tallies) => (t.shape === "count" ? Object.fromEntries(t.byOrganization) : null);
const ratios = (t: Tallies) => (t.shape === "ratio" ? Object.fromEntries(t.byOrganization) : null);

beforeAll(async () => {
  ({ db, close } = await createTestDatabase());
  table = await createPartnership(db);
  const other = await createPartnership(db);
  school = await createOrganization(db, table, { type: "school", nameFr: "A école", territory: "Québec" });
  police = await createOrganization(db, table, { type: "police", nameFr: "B police", territory: "Lévis" });
  const community = await createOrganization(db, table, { type: "community", nameFr: "C communautaire" });
  const otherOrg = await createOrganization(db, other, { type: "school" });
  const p = async (organizationId: string | null, partnershipId = table) => (await createPerson(db, { partnershipId, organizationId })).personId;
  const [s1, s2, s3, pol1, pol2, c1, nobody, o1] = [
    await p(school), await p(school), await p(school), await p(police), await p(police), await p(community), await p(null), await p(otherOrg, other),
  ];

  const program = async (partnershipId: string) =>
    (await db.insert(trainingProgram).values({ partnershipId, slug: `basic-${partnershipId.slice(0, 6)}`, nameFr: "Base", nameEn: "Basic" }).returning({ id: trainingProgram.id }))[0]!.id;
  const programT = await program(table);
  const programO = await program(other);
  const session = async (status: "given" | "cancelled" | "open", dates: string[], partnershipId = table, programId = programT) =>
    (await db.insert(trainingSession).values({ partnershipId, programId, dates, status }).returning({ id: trainingSession.id }))[0]!.id;
  const S1 = await session("given", ["2026-01-20", "2026-01-21"]);
  const S2 = await session("given", ["2026-03-31", "2026-04-01"]); // first day in the period
  const S3 = await session("given", ["2025-12-15", "2025-12-16"]); // before the period
  const S4 = await session("cancelled", ["2026-02-10", "2026-02-11"]);
  const S5 = await session("open", ["2026-02-20", "2026-02-21"]); // held, not closed yet: not "given"
  const SO = await session("given", ["2026-02-01", "2026-02-02"], other, programO);

  const attend = async (sessionId: string, personId: string, days: ("present" | "absent" | "partial")[], organizationId: string | null = null, partnershipId = table) => {
    const [r] = await db.insert(trainingRegistration).values({ partnershipId, sessionId, personId, status: "registered", organizationId }).returning({ id: trainingRegistration.id });
    for (const [dayIndex, status] of days.entries()) await db.insert(trainingAttendance).values({ partnershipId, registrationId: r!.id, dayIndex, status });
  };
  await attend(S1, s1, ["present", "present"]); // school, once
  await attend(S3, s1, ["present", "present"]); // before the period
  await attend(S1, s2, ["absent", "partial"]); // never present
  await attend(S2, pol1, ["present", "present"]); // police (31 March)
  await attend(S2, pol2, ["absent", "present"]); // present on 1 April only: out
  await attend(S4, c1, ["present"]); // cancelled session: out
  await attend(S5, s3, ["present"], police); // the seat counted for the police
  await attend(S1, nobody, ["present"]); // no organization: not attributable
  await attend(SO, o1, ["present"], otherOrg, other);

  const questionnaire = async (partnershipId: string, kind: "observation" | "evaluation") =>
    (await db.insert(trainingQuestionnaire).values({ partnershipId, kind, version: 1, questions: [] }).returning({ id: trainingQuestionnaire.id }))[0]!.id;
  const gridT = await questionnaire(table, "observation");
  const gridO = await questionnaire(other, "observation");
  await db.insert(trainingObservation).values({ partnershipId: table, sessionId: S1, questionnaireId: gridT, observerPersonId: s2, submittedAt: new Date("2026-01-21T20:00:00Z") });
  await db.insert(trainingObservation).values({ partnershipId: table, sessionId: S2, questionnaireId: gridT, observerPersonId: s2 }); // draft only
  await db.insert(trainingObservation).values({ partnershipId: other, sessionId: SO, questionnaireId: gridO, observerPersonId: o1, submittedAt: new Date("2026-02-02T20:00:00Z") });

  const evalT = await questionnaire(table, "evaluation");
  const evalO = await questionnaire(other, "evaluation");
  const answer = (sessionId: string, answers: Record<string, string | number>, partnershipId = table, programId = programT, questionnaireId = evalT) =>
    db.insert(trainingEvaluationResponse).values({ partnershipId, sessionId, programId, questionnaireId, answers });
  await answer(S1, { "sat-overall": 5 });
  await answer(S1, { "sat-overall": 4 });
  await answer(S1, { "sat-overall": 2 });
  await answer(S1, { "sat-comment": "Merci" }); // did not answer the question
  await answer(S2, { "sat-overall": "3" });
  await answer(S2, { "sat-overall": 4 });
  await answer(S3, { "sat-overall": 5 }); // session before the period
  await answer(SO, { "sat-overall": 5 }, other, programO, evalO);
});

afterAll(async () => {
  await close();
});

describe("training indicators", () => {
  it("counts the sessions given whose first day is in the period (S1, S2), not cancelled, open, earlier or another Table's", async () => {
    expect(counts(await tallies("training_sessions_given"))).toEqual({ null: [2] });
  });

  it("stops at today: a session starting after today is not counted yet", async () => {
    expect(counts(await tallies("training_sessions_given", "2026-03-30"))).toEqual({ null: [1] });
  });

  it("counts people present on a day of the period once, by the organization their seat counted for", async () => {
    // School: s1 (twice present, once counted; s2 only absent or partial). Police: pol1 (31 March) and s3 (seat
    // counted for the police). Not attributable: the person without an organization.
    expect(counts(await tallies("training_people_trained"))).toEqual({ [school]: [1], [police]: [2], null: [1] });
    // Today 30 March: pol1's 31 March is not reached.
    expect(counts(await tallies("training_people_trained", "2026-03-30"))).toEqual({ [school]: [1], [police]: [1], null: [1] });
  });

  it("rolls people trained up by organization type", async () => {
    const f = await computeFigures(db, definition("training_people_trained"), { ...query(), by: "organization_type" });
    expect(f).toMatchObject({ shape: "count", additive: false, overall: [4] });
    if (f.shape !== "count") throw new Error();
    expect(Object.fromEntries(f.groups.map((g, i) => [g.key, f.counts[i]]))).toEqual({ police: [2], school: [1] });
  });

  it("counts each organization reached once", async () => {
    expect(counts(await tallies("training_organizations_reached"))).toEqual({ [school]: [1], [police]: [1] });
  });

  it("rates sessions observed as submitted grids over sessions given (a draft grid does not count)", async () => {
    expect(ratios(await tallies("training_sessions_observed"))).toEqual({ null: { numerator: 1, denominator: 2 } });
  });

  it("rates satisfaction as overall answers of 4 or 5 over overall answers, for the sessions given in the period", async () => {
    // S1: 5, 4, 2 (and one response without the question); S2: "3", 4. → 3 of 5.
    expect(ratios(await tallies("training_satisfaction"))).toEqual({ null: { numerator: 3, denominator: 5 } });
  });
});
