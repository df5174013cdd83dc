import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrganization, createPartnership, createPerson } from "../../../../tests/support/fixtures.ts";
import { createTestDatabase } from "../../../../tests/support/test-db.ts";
import { consultation, consultationMessage, consultationMetric } from "../../consultations/tables.ts";
import type { Database } from "../../db/client.server.ts";
import type { DayRange, Tallies } from "../figures.ts";
import { consultationIndicators } from "./consultations.server.ts";

// Hand-computed fixtures for the consultation indicators; period Q1 2026. The other Table's rows never count.
let db: Database;
let close: () => Promise<void>;
let table: string;
let school: string;
let police: string;
const q1 = { from: "2026-01-01", to: "2026-03-31" };
const tallies = (code: string, period: DayRange = q1): Promise<Tallies> => {
  const d = consultationIndicators.find((i) => i.code === code);
  if (!d) throw new Error(code);
  return d.compute(db, { partnershipId: table, period, by: null, today: "2026-12-03" });
};
const counts = (t: Tallies) => (t.shape === "count" ? Object.fromEntries(t.byOrganization) : null);

beforeAll(async () => {
  ({ db, close } = await createTestDatabase());
  table = await createPartnership(db);
  const other = await createPartnership(db);
  school = await createOrganization(db, table, { type: "school", nameFr: "A école" });
  police = await createOrganization(db, table, { type: "police", nameFr: "B police" });
  const otherOrg = await createOrganization(db, other, { type: "school" });
  const p = async (organizationId: string, partnershipId = table) => (await createPerson(db, { partnershipId, organizationId })).personId;
  const [worker, pivotS, pivotP, otherWorker, otherPivot] = [await p(school), await p(school), await p(police), await p(otherOrg, other), await p(otherOrg, other)];

  const ask = async (targetOrganizationId: string, createdAt: string, firstResponseAt: string | null, partnershipId = table, askerPersonId = worker) =>
    (
      await db
        .insert(consultation)
        .values({
          partnershipId,
          askerPersonId,
          targetOrganizationId,
          subject: "Sujet",
          context: "Contexte",
          question: "Question",
          status: firstResponseAt ? "answered" : "new",
          createdAt: new Date(createdAt),
          firstResponseAt: firstResponseAt ? new Date(firstResponseAt) : null,
        })
        .returning({ id: consultation.id })
    )[0]!.id;
  const write = (consultationId: string, authorPersonId: string, createdAt: string, partnershipId = table) =>
    db.insert(consultationMessage).values({ consultationId, partnershipId, authorPersonId, body: "Réponse", createdAt: new Date(createdAt) });

  const c1 = await ask(school, "2026-01-10T15:00:00Z", "2026-01-10T16:30:00Z"); // 90 minutes
  await write(c1, pivotS, "2026-01-10T16:30:00Z");
  // 23:30 on 30 March in Québec; first answered 2 April (out of the period): 56.5 h = 3390 minutes.
  const c2 = await ask(police, "2026-03-31T03:30:00Z", "2026-04-02T12:00:00Z");
  await write(c2, pivotP, "2026-04-02T12:00:00Z");
  await ask(police, "2026-04-01T05:00:00Z", null); // 1 April in Québec: out
  // Asked and first answered in December; a pivot's follow-up in February: answered in the period.
  const c4 = await ask(school, "2025-12-20T15:00:00Z", "2025-12-21T15:00:00Z");
  await write(c4, pivotS, "2025-12-21T15:00:00Z");
  await write(c4, pivotS, "2026-02-01T15:00:00Z");
  // Unanswered: the asker's own message is no answer.
  const c5 = await ask(school, "2026-02-05T15:00:00Z", null);
  await write(c5, worker, "2026-02-06T15:00:00Z");
  const co = await ask(otherOrg, "2026-02-01T15:00:00Z", "2026-02-01T15:10:00Z", other, otherWorker);
  await write(co, otherPivot, "2026-02-01T15:10:00Z", other);

  const purged = (month: string, targetOrganizationId: string | null, responseMinutes: number | null, partnershipId = table) =>
    db.insert(consultationMetric).values({ partnershipId, targetOrganizationId, month, urgency: "normal", responseMinutes });
  await purged("2026-02-01", school, 30);
  await purged("2026-03-01", police, null);
  await purged("2025-12-01", school, 10); // before the period
  await purged("2026-01-01", null, 60); // its organization is gone: not attributable
  await purged("2026-02-01", otherOrg, 5, other);
});

afterAll(async () => {
  await close();
});

describe("consultation indicators", () => {
  it("counts consultations asked on Québec's days of the period, with purged ones of the period's months, by the organization consulted", async () => {
    // School: c1, c5, February's purged one. Police: c2 (30 March in Québec), March's purged one. Unattributed: January's.
    expect(counts(await tallies("consultations_asked"))).toEqual({ [school]: [3], [police]: [2], null: [1] });
  });

  it("counts a purged consultation only when its whole month is in the period", async () => {
    // From 10 February: February's purged row and c5 (5 February) are out; c2 and March's row stay.
    expect(counts(await tallies("consultations_asked", { from: "2026-02-10", to: "2026-03-31" }))).toEqual({ [police]: [2] });
  });

  it("counts consultations with a pivot's answer in the period (a follow-up counts, the asker's message does not)", async () => {
    // School: c1, c4 (February follow-up), February's purged one (answered). Police: c2 was answered in April. Unattributed: January's.
    expect(counts(await tallies("consultations_answered"))).toEqual({ [school]: [3], null: [1] });
  });

  it("gives the minutes to the first answer of the consultations asked in the period and answered", async () => {
    const t = await tallies("consultations_first_answer_median");
    if (t.shape !== "median") throw new Error();
    const sorted = [...t.observations].sort((a, b) => a.value - b.value);
    expect(sorted).toEqual([
      { organizationId: school, value: 30 },
      { organizationId: null, value: 60 },
      { organizationId: school, value: 90 },
      { organizationId: police, value: 3390 },
    ]);
  });
});
