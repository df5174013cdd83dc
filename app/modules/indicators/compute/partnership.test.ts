import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrganization, createPartnership, createPerson } from "../../../../tests/support/fixtures.ts";
import { createTestDatabase } from "../../../../tests/support/test-db.ts";
import type { Database } from "../../db/client.server.ts";
import { responsibility } from "../../meetings/responsibilities/tables.ts";
import { commitmentTextVersion, partnerCommitment, partnerDelegateTerm } from "../../partners/tables.ts";
import { computeFigures } from "../compute-figures.server.ts";
import type { IndicatorQuery, Tallies } from "../figures.ts";
import { partnershipIndicators } from "./partnership.server.ts";

// Hand-computed fixtures for commitments, delegate turnover and responsibilities; period Q1 2026.
// The other Table's rows never count; an organization that left before the period, or joined after it, is out.
let db: Database;
let close: () => Promise<void>;
let table: string;
let school: string;
let police: string;
let youth: string;
const period = { from: "2026-01-01", to: "2026-03-31" };
const query = (today = "2026-12-03"): IndicatorQuery => ({ partnershipId: table, period, by: null, today });
const definition = (code: string) => {
  const d = partnershipIndicators.find((i) => i.code === code);
  if (!d) throw new Error(code);
  return d;
};
const ratios = async (code: string, today?: string) => {
  const t: Tallies = await definition(code).compute(db, query(today));
  return t.shape === "ratio" ? Object.fromEntries(t.byOrganization) : null;
};
const r = (numerator: number, denominator: number) => ({ numerator, denominator });

beforeAll(async () => {
  ({ db, close } = await createTestDatabase());
  table = await createPartnership(db);
  const other = await createPartnership(db);
  school = await createOrganization(db, table, { type: "school", nameFr: "A école", territory: "Québec" });
  police = await createOrganization(db, table, { type: "police", nameFr: "B police", territory: "Lévis" });
  youth = await createOrganization(db, table, { type: "youth_protection", nameFr: "D DPJ", territory: "Québec" });
  const left = await createOrganization(db, table, { type: "community", leftOn: "2025-06-30" });
  const joinedLater = await createOrganization(db, table, { type: "community", joinedOn: "2026-06-01" });
  const otherOrg = await createOrganization(db, other, { type: "school" });
  const p = async (organizationId: string | null, partnershipId = table) => (await createPerson(db, { partnershipId, organizationId })).personId;

  // Commitments, judged at the period's end (31 March).
  const text = async (partnershipId: string) =>
    (await db.insert(commitmentTextVersion).values({ partnershipId, number: 1, status: "published", titleFr: "E", titleEn: "E", bodyFr: "", bodyEn: "" }).returning({ id: commitmentTextVersion.id }))[0]!.id;
  const textT = await text(table);
  const textO = await text(other);
  const commit = (organizationId: string, startsOn: string, endsOn: string, signedOn: string, partnershipId = table, textVersionId = textT) =>
    db.insert(partnerCommitment).values({ partnershipId, organizationId, textVersionId, startsOn, endsOn, signedOn, signatoryName: "Direction" });
  await commit(school, "2025-04-01", "2026-03-31", "2025-04-01"); // in force on 31 March
  await commit(police, "2025-01-01", "2026-02-28", "2025-01-01"); // ended before
  await commit(police, "2026-04-01", "2027-03-31", "2026-03-20"); // begins after
  await commit(police, "2026-01-01", "2026-12-31", "2026-05-01"); // backdated: signed in May
  await commit(left, "2025-01-01", "2027-01-01", "2025-01-01");
  await commit(joinedLater, "2026-01-01", "2027-01-01", "2026-01-01");
  await commit(otherOrg, "2025-01-01", "2027-01-01", "2025-01-01", other, textO);

  // Delegate terms.
  const term = async (organizationId: string, kind: "delegate" | "substitute", since: string, until: string | null, partnershipId = table) =>
    db.insert(partnerDelegateTerm).values({ partnershipId, organizationId, personId: await p(organizationId, partnershipId), kind, since, until });
  await term(school, "delegate", "2024-01-01", "2026-01-31");
  await term(school, "delegate", "2026-02-01", null); // a change in the period
  await term(police, "delegate", "2026-02-15", null); // the police's first delegate: joining, not turnover
  await term(police, "substitute", "2025-01-01", "2026-02-28");
  await term(police, "substitute", "2026-03-01", null); // substitutes do not count
  await term(youth, "delegate", "2020-01-01", "2025-12-31"); // no delegate during the period
  await term(left, "delegate", "2024-01-01", "2026-01-14");
  await term(left, "delegate", "2026-01-15", null);
  await term(otherOrg, "delegate", "2024-01-01", "2026-01-31", other);
  await term(otherOrg, "delegate", "2026-02-01", null, other);

  // Responsibilities.
  const [s1, pol1, nobody, o1] = [await p(school), await p(police), await p(null), await p(otherOrg, other)];
  const owe = (owner: { person: string } | { organization: string }, dueOn: string, status: "todo" | "done" | "dropped", completedAt: string | null, partnershipId = table) =>
    db.insert(responsibility).values({
      partnershipId,
      what: "Suivi",
      ownerPersonId: "person" in owner ? owner.person : null,
      ownerOrganizationId: "organization" in owner ? owner.organization : null,
      dueOn,
      status,
      droppedReason: status === "dropped" ? "Plus utile" : "",
      completedAt: completedAt ? new Date(completedAt) : null,
    });
  await owe({ organization: school }, "2026-02-10", "done", "2026-02-11T03:30:00Z"); // 22:30 on 10 February in Québec: on time
  await owe({ person: pol1 }, "2026-03-01", "done", "2026-03-02T15:00:00Z"); // a day late
  await owe({ person: s1 }, "2026-03-15", "todo", null); // not done
  await owe({ organization: school }, "2026-03-20", "dropped", null);
  await owe({ organization: school }, "2026-04-01", "done", "2026-03-30T15:00:00Z"); // due after the period
  await owe({ person: nobody }, "2026-01-05", "done", "2026-01-04T15:00:00Z"); // no organization
  await owe({ person: o1 }, "2026-02-01", "done", "2026-01-30T15:00:00Z", other);
});

afterAll(async () => {
  await close();
});

describe("partnership indicators", () => {
  it("rates partner organizations with a commitment in force and signed at the period's end", async () => {
    // School 1/1; police 0/1 (ended, not begun, signed after); the DPJ never signed 0/1.
    expect(await ratios("commitments_signed")).toEqual({ [school]: r(1, 1), [police]: r(0, 1), [youth]: r(0, 1) });
  });

  it("judges commitments at today when the period reaches past it", async () => {
    // On 15 February the police's commitment ending 28 February is in force.
    expect(await ratios("commitments_signed", "2026-02-15")).toEqual({ [school]: r(1, 1), [police]: r(1, 1), [youth]: r(0, 1) });
  });

  it("rolls commitments up by territory", async () => {
    const f = await computeFigures(db, definition("commitments_signed"), { ...query(), by: "territory" });
    if (f.shape !== "ratio") throw new Error();
    expect(Object.fromEntries(f.groups.map((g, i) => [g.key, [f.numerators[i], f.denominators[i]]]))).toEqual({ Québec: [1, 2], Lévis: [0, 1] });
  });

  it("rates delegate turnover over organizations with a delegate during the period", async () => {
    // School: a new delegate after another 1/1. Police: its first delegate 0/1. The DPJ had none during the period.
    expect(await ratios("delegate_turnover")).toEqual({ [school]: r(1, 1), [police]: r(0, 1) });
  });

  it("rates responsibilities done by their due day (Québec's) over those due, not dropped, by the owner's organization", async () => {
    expect(await ratios("responsibilities_on_time")).toEqual({ [school]: r(1, 2), [police]: r(0, 1), null: r(1, 1) });
  });

  it("leaves out responsibilities not yet due before today", async () => {
    // Today 15 March: the one due that day may still be done.
    expect(await ratios("responsibilities_on_time", "2026-03-15")).toEqual({ [school]: r(1, 1), [police]: r(0, 1), null: r(1, 1) });
  });
});
