import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, inArray } from "drizzle-orm";
import { createOrganization, createPartnership, createPerson } from "../../../../tests/support/fixtures.ts";
import { createTestDatabase } from "../../../../tests/support/test-db.ts";
import { auditEvent } from "../../audit/tables.ts";
import type { Database } from "../../db/client.server.ts";
import { pivotDesignation } from "../../directory/tables.ts";
import { meeting, meetingInvitation } from "../../meetings/tables.ts";
import { pivotActivity } from "../../pivot-activities/tables.ts";
import { computeFigures } from "../compute-figures.server.ts";
import type { IndicatorQuery, RawFigures } from "../figures.ts";
import { indicatorByCode } from "../registry.server.ts";

// Hand-computed fixtures for the directory, activity and meeting indicators, on PGlite here and on
// PostgreSQL in CI (same file). The period is Q1 2026; the other Table's rows must never count.
let db: Database;
let close: () => Promise<void>;
let table: string;
let school: string;
let police: string;
const period = { from: "2026-01-01", to: "2026-03-31" };

async function figures(code: string, by: IndicatorQuery["by"]): Promise<RawFigures> {
  const definition = indicatorByCode(code);
  if (!definition) throw new Error(code);
  return computeFigures(db, definition, { partnershipId: table, period, by, today: "2026-12-03" });
}

beforeAll(async () => {
  ({ db, close } = await createTestDatabase());
  table = await createPartnership(db);
  const other = await createPartnership(db);
  school = await createOrganization(db, table, { type: "school", nameFr: "A école", territory: "Québec" });
  police = await createOrganization(db, table, { type: "police", nameFr: "B police", territory: "Lévis" });
  // A partner that left before the period: out of every denominator.
  await createOrganization(db, table, { type: "community", nameFr: "C communautaire", territory: "Québec", leftOn: "2025-06-30" });
  const otherOrg = await createOrganization(db, other, { type: "school" });
  const p = async (organizationId: string, partnershipId = table) => (await createPerson(db, { partnershipId, organizationId })).personId;
  const [s1, s2, s3, pol1, o1] = [await p(school), await p(school), await p(school), await p(police), await p(otherOrg, other)];
  const designate = (organizationId: string, personId: string, since: string, until: string | null, confirmedAt: Date, partnershipId = table) =>
    db.insert(pivotDesignation).values({ partnershipId, organizationId, personId, since, until, confirmedAt }).returning({ id: pivotDesignation.id });
  // School: s1 all along (confirmed in the period), s2 ended before the period, s3 started after it.
  await designate(school, s1, "2024-01-01", null, new Date("2026-02-10T15:00:00Z"));
  await designate(school, s2, "2024-01-01", "2025-12-31", new Date("2025-01-01T15:00:00Z"));
  await designate(school, s3, "2026-04-01", null, new Date("2026-04-01T15:00:00Z"));
  // Police: confirmed last year, but a confirmation in the period is in the audit log.
  const [polDesignation] = await designate(police, pol1, "2025-01-01", null, new Date("2026-06-01T15:00:00Z"));
  await db.insert(auditEvent).values({
    occurredAt: new Date("2026-03-15T15:00:00Z"),
    partnershipId: table,
    action: "pivot.entry_confirmed",
    targetType: "pivot_designation",
    targetId: polDesignation!.id,
    prevHash: "x",
    hash: "y",
  });
  await designate(otherOrg, o1, "2024-01-01", null, new Date("2026-02-01T15:00:00Z"), other);

  const act = (organizationId: string, personId: string, type: "awareness_session" | "case_discussion", occurredOn: string, durationMinutes: number, partnershipId = table) =>
    db.insert(pivotActivity).values({ partnershipId, organizationId, personId, type, occurredOn, durationMinutes });
  await act(school, s1, "awareness_session", "2026-01-05", 90);
  await act(school, s1, "awareness_session", "2026-03-31", 60);
  await act(school, s1, "case_discussion", "2026-02-01", 30);
  await act(police, pol1, "case_discussion", "2026-02-02", 60);
  await act(police, pol1, "case_discussion", "2026-04-01", 60); // after the period
  await act(otherOrg, o1, "awareness_session", "2026-02-01", 600, other);

  const meet = async (kind: string, status: "held" | "closed" | "cancelled" | "planned", startsAt: string, partnershipId = table) => {
    const [m] = await db
      .insert(meeting)
      .values({ partnershipId, kind, title: kind, status, startsAt: new Date(startsAt), endsAt: new Date(new Date(startsAt).getTime() + 3600_000) })
      .returning({ id: meeting.id });
    return m!.id;
  };
  const held = await meet("table", "closed", "2026-02-10T14:00:00Z");
  await meet("table", "cancelled", "2026-02-20T14:00:00Z");
  // 23:30 in Québec on 31 March is 1 April in UTC: still in the period.
  const late = await meet("table", "held", "2026-04-01T03:30:00Z");
  await meet("table", "held", "2026-04-01T05:00:00Z"); // 1 April in Québec
  const regional = await meet("regional_pivots", "held", "2026-03-01T14:00:00Z");
  // Objectives assessed: met on 1 March, not met on 15 February; 20 March not assessed yet.
  const regionalFeb = await meet("regional_pivots", "closed", "2026-02-15T14:00:00Z");
  await meet("regional_pivots", "held", "2026-03-20T14:00:00Z");
  const regionalOther = await meet("regional_pivots", "closed", "2026-02-15T14:00:00Z", other);
  await db.update(meeting).set({ objectivesOutcome: "met" }).where(inArray(meeting.id, [regional, regionalOther]));
  await db.update(meeting).set({ objectivesOutcome: "not_met" }).where(eq(meeting.id, regionalFeb));
  await meet("table", "held", "2026-02-10T14:00:00Z", other);
  const invite = (meetingId: string, personId: string, attendance: "present" | "absent" | "excused") => db.insert(meetingInvitation).values({ partnershipId: table, meetingId, personId, attendance });
  await invite(held, s1, "present");
  await invite(held, pol1, "absent");
  await invite(late, s1, "present");
  await invite(late, pol1, "present");
});

afterAll(async () => {
  await close();
});

describe("directory indicators", () => {
  it("counts the pivots designated at some point of the period, per organization", async () => {
    const f = await figures("pivots_designated", "organization");
    expect(f).toMatchObject({ shape: "count", additive: true });
    if (f.shape !== "count") throw new Error();
    expect(Object.fromEntries(f.groups.map((g, i) => [g.name?.fr, f.counts[i]]))).toEqual({ "A école": [1], "B police": [1] });
  });

  it("measures coverage over the organizations that were partners in the period (one that left before is out)", async () => {
    const f = await figures("pivot_coverage", null);
    expect(f).toMatchObject({ shape: "ratio", numerators: [2], denominators: [2] });
  });

  it("counts an entry as confirmed in the period from its last confirmation or from the audit log", async () => {
    const f = await figures("directory_freshness", "organization");
    if (f.shape !== "ratio") throw new Error();
    expect(f.numerators).toEqual([1, 1]);
    expect(f.denominators).toEqual([1, 1]);
  });
});

describe("activity indicators", () => {
  it("counts activities by type and organization within the period's days", async () => {
    const f = await figures("pivot_activities", "organization");
    if (f.shape !== "count") throw new Error();
    const col = (type: string) => (f.categories ?? []).indexOf(type);
    expect(f.counts[0]?.[col("awareness_session")]).toBe(2);
    expect(f.counts[0]?.[col("case_discussion")]).toBe(1);
    expect(f.counts[1]?.[col("case_discussion")]).toBe(1);
    expect(f.counts.flat().reduce((a, b) => a + b, 0)).toBe(4);
  });

  it("adds the hours (180 min at the school, 60 at the police)", async () => {
    const f = await figures("pivot_activity_hours", null);
    expect(f).toMatchObject({ counts: [[4]] });
  });
});

describe("meeting indicators", () => {
  it("counts Table meetings held on Québec's days, not cancelled ones, nor another Table's", async () => {
    expect(await figures("table_meetings_held", null)).toMatchObject({ counts: [[2]] });
    expect(await figures("regional_pivot_meetings_held", null)).toMatchObject({ counts: [[3]] });
  });

  it("rates regional meetings whose objectives were met over those assessed (not another Table's)", async () => {
    expect(await figures("regional_pivot_meeting_objectives_met", null)).toMatchObject({ numerators: [1], denominators: [2] });
  });

  it("rates attendance as present over invited, by the invitee's organization", async () => {
    const f = await figures("table_meeting_attendance", "organization");
    if (f.shape !== "ratio") throw new Error();
    expect(Object.fromEntries(f.groups.map((g, i) => [g.name?.fr, [f.numerators[i], f.denominators[i]]]))).toEqual({ "A école": [2, 2], "B police": [1, 2] });
    expect(await figures("table_meeting_attendance", null)).toMatchObject({ numerators: [3], denominators: [4] });
  });
});
