import { MAX_RESULT_PERIODS, resultPeriods, resultRange } from "./results.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../audit/record-audit-event.server.ts";
import type { DatabaseHandle } from "../db/client.server.ts";
import { createTestDatabase } from "../../../tests/support/test-db.ts";
import { createOrganization, createPartnership, createPerson } from "../../../tests/support/fixtures.ts";
import { reopenReport, reviewReport, submitReport } from "./change-report.server.ts";
import { categorySchema, dataElementSchema, dataSetSchema } from "./definition-schema.ts";
import { getCompleteness } from "./get-completeness.server.ts";
import { parsePeriod, shiftPeriod } from "./periods.ts";
import { saveSection } from "./save-section.server.ts";
import { createCategory, createDataElement, createDataSet, updateCategory } from "./save-definitions.server.ts";
import { categoryEditSchema } from "./definition-schema.ts";
import { statisticsCategoryOption } from "./tables.ts";
import { asc, eq } from "drizzle-orm";
import { checkSection, isJump } from "./validate-counts.ts";
import { sendStatisticsReminders } from "./reminders.server.ts";
import type { CategoryShape } from "./vocabulary.ts";

const age: CategoryShape = { id: "a", code: "age", nameFr: "Âge", nameEn: "Age", options: ["a12", "a14", "a16"].map((code) => ({ id: code, code, nameFr: code, nameEn: code })) };

describe("validation rules of a section", () => {
  it("accepts whole counts, blank is missing (not zero), derives the total when every cell is given", () => {
    const r = checkSection([age], { "cell:a12": "1", "cell:a14": "0", "cell:a16": "4" }, null);
    expect(r.errors).toEqual({});
    expect(Object.fromEntries(r.values)).toEqual({ a12: 1, a14: 0, a16: 4, total: 5 });
    const partial = checkSection([age], { "cell:a12": "1", "cell:a14": "", "cell:total": "3" }, null);
    expect(partial.values.has("a14")).toBe(false);
    expect(partial.errors).toEqual({});
  });
  it("refuses text, negative, fractional and huge numbers", () => {
    for (const bad of ["abc", "-1", "1.5", "1e3", "100001", "99999999999999999999"]) expect(checkSection([age], { "cell:a12": bad }, null).errors["cell:a12"]).toEqual(["statistics.entry.notCount"]);
  });
  it("a total equals the sum of its bands, and is never below the cells given", () => {
    expect(checkSection([age], { "cell:a12": "1", "cell:a14": "2", "cell:a16": "3", "cell:total": "7" }, null).errors["cell:total"]).toEqual(["statistics.entry.totalMismatch"]);
    expect(checkSection([age], { "cell:a12": "5", "cell:total": "4" }, null).errors["cell:total"]).toEqual(["statistics.entry.totalBelowSum"]);
  });
  it("a jump from the previous period is a warning", () => {
    expect(isJump(10, 30)).toBe(true);
    expect(isJump(3, 9)).toBe(false); // small counts move
    expect(isJump(100, 160)).toBe(true); // 60 apart
    expect(isJump(20, 25)).toBe(false);
    expect(checkSection([], { "cell:total": "40" }, 10).jump).toEqual({ previous: 10, current: 40 });
  });
  it("periods parse, shift and refuse nonsense", () => {
    expect(parsePeriod("2026Q3", "quarter")).toEqual({ key: "2026Q3", type: "quarter", from: "2026-07-01", to: "2026-09-30" });
    expect(shiftPeriod(parsePeriod("2026Q1", "quarter")!, -1).key).toBe("2025Q4");
    expect(shiftPeriod(parsePeriod("2026-01", "month")!, -1).key).toBe("2025-12");
    expect(parsePeriod("2026Q5", "quarter")).toBeNull();
    expect(parsePeriod("2026-02", "quarter")).toBeNull();
  });
  it("definition schemas check codes, options and the deadline", () => {
    expect(dataSetSchema.safeParse({ nameFr: "A", nameEn: "A", periodType: "quarter", organizationTypes: ["police"], entryWindowDays: "30", timelinessDays: "40", firstPeriod: "2008Q1" }).success).toBe(false);
    expect(categorySchema.safeParse({ code: "age", nameFr: "Âge", nameEn: "Age", options: "a12 | 12 | 12\nbad line" }).success).toBe(false);
    expect(dataElementSchema.safeParse({ code: "Bad Code", nameFr: "x", nameEn: "x" }).success).toBe(false);
  });
});

describe("the lifecycle of a report", () => {
  let handle: DatabaseHandle;
  let ids: { table: string; org: string; other: string; set: string; element: string; person: string; coordinator: string; category: string };
  const actor = systemActor("test");
  const today = "2026-10-10";
  beforeAll(async () => {
    handle = await createTestDatabase();
    const db = handle.db;
    const table = await createPartnership(db);
    const org = await createOrganization(db, table, { nameFr: "Org", nameEn: "Org", type: "police" });
    const other = await createOrganization(db, table, { nameFr: "Autre", nameEn: "Other", type: "police" });
    const p = await createPerson(db, { partnershipId: table, organizationId: org, roles: [{ role: "table_member" }] });
    const c = await createPerson(db, { partnershipId: table, organizationId: org, roles: [{ role: "table_coordinator" }] });
    const access = { partnershipId: table, personId: c.personId };
    const cat = await createCategory(db, actor, access, { code: "age", nameFr: "Âge", nameEn: "Age", options: [{ code: "a12", nameFr: "12", nameEn: "12" }, { code: "a14", nameFr: "14", nameEn: "14" }] });
    if (cat.kind !== "ok") throw new Error("category");
    const set = await createDataSet(db, actor, access, { nameFr: "S", nameEn: "S", periodType: "quarter", organizationTypes: ["police"], entryWindowDays: 60, timelinessDays: 30, firstPeriod: "2026Q1", lastPeriod: null });
    const el = await createDataElement(db, actor, access, set.value, { code: "concern", nameFr: "C", nameEn: "C", categoryIds: [cat.value], indicatorCode: "stats_concern_raised" });
    if (el.kind !== "ok") throw new Error("element");
    ids = { table, org, other, set: set.value, element: el.value, person: p.personId, coordinator: c.personId, category: cat.value };
  });
  afterAll(async () => handle?.close());

  const reporter = () => ({ partnershipId: ids.table, personId: ids.person, organizationId: ids.org });
  const coordinator = () => ({ partnershipId: ids.table, personId: ids.coordinator, organizationId: null });
  const section = (version: number, posted: Record<string, string>, extra: Partial<{ periodKey: string; confirmJump: boolean; organizationId: string }> = {}) =>
    saveSection(handle.db, actor, reporter(), { dataSetId: ids.set, organizationId: ids.org, periodKey: "2026Q3", elementId: ids.element, version, posted, confirmJump: false, today, ...extra });

  it("saves, refuses a stale version, submits, approves (locks), reopens with a reason", async () => {
    const first = await section(0, { "cell:a12": "2", "cell:a14": "" });
    expect(first.kind).toBe("ok");
    const id = first.kind === "ok" ? first.value : "";
    expect((await section(0, { "cell:a12": "3" })).kind).toBe("conflict");
    // Missing is not zero: no total yet, so the report cannot be submitted.
    expect(await submitReport(handle.db, actor, reporter(), id, 1, new Date(), today)).toMatchObject({ kind: "refused", reason: "statistics.submit.missing" });
    expect((await section(1, { "cell:a12": "2", "cell:a14": "1" })).kind).toBe("ok");
    expect((await submitReport(handle.db, actor, reporter(), id, 2, new Date(), today)).kind).toBe("ok");
    expect(await section(3, { "cell:total": "9" })).toMatchObject({ kind: "refused", reason: "statistics.entry.locked" });
    expect((await reviewReport(handle.db, actor, coordinator(), id, { version: 3, decision: "approve", comment: "" }, new Date())).kind).toBe("ok");
    expect(await section(4, { "cell:total": "9" })).toMatchObject({ kind: "refused", reason: "statistics.entry.locked" });
    expect((await reopenReport(handle.db, actor, reporter(), id, { version: 4, reason: "Erreur de saisie" })).kind).toBe("ok");
    expect((await section(5, { "cell:a12": "2", "cell:a14": "2" })).kind).toBe("ok");
  });

  it("renames a category's options by code, keeps every option (values refer to them), refuses an unknown code", async () => {
    const access = { partnershipId: ids.table, personId: ids.coordinator };
    const edit = (version: number, options: string, newOptions = "") => {
      const parsed = categoryEditSchema.parse({ nameFr: "Âge", nameEn: "Age", options, newOptions, version: String(version) });
      return updateCategory(handle.db, actor, access, ids.category, version, parsed);
    };
    expect(await edit(1, "a12 | 12 à 13 ans | 12 to 13 years")).toMatchObject({ kind: "ok" });
    const names = async () => (await handle.db.select().from(statisticsCategoryOption).where(eq(statisticsCategoryOption.categoryId, ids.category)).orderBy(asc(statisticsCategoryOption.position))).map((o) => `${o.code}:${o.nameFr}/${o.nameEn}`);
    // The option left out of the list keeps its name: nothing is removed.
    expect(await names()).toEqual(["a12:12 à 13 ans/12 to 13 years", "a14:14/14"]);
    expect(await edit(2, "a99 | Inconnue | Unknown")).toMatchObject({ kind: "invalid" });
    expect(categoryEditSchema.safeParse({ nameFr: "Âge", nameEn: "Age", options: "a12 | Un | One\na12 | Deux | Two", version: "2" }).success).toBe(false);
    expect(await edit(1, "a12 | Vieux | Stale")).toMatchObject({ kind: "conflict" });
    expect(await names()).toEqual(["a12:12 à 13 ans/12 to 13 years", "a14:14/14"]);
  });

  it("another organization's report is missing to a reporter; a closed window refuses a new report", async () => {
    expect((await section(0, { "cell:total": "1" }, { organizationId: ids.other })).kind).toBe("not_found");
    expect(await section(0, { "cell:total": "1" }, { periodKey: "2026Q1" })).toMatchObject({ kind: "refused", reason: "statistics.entry.closed" });
  });

  it("a jump must be confirmed; completeness and reminders count the reports", async () => {
    // The other organization's Q2 submitted, then a Q3 far from it.
    const q2 = await saveSection(handle.db, actor, { ...reporter(), organizationId: ids.other }, { dataSetId: ids.set, organizationId: ids.other, periodKey: "2026Q2", elementId: ids.element, version: 0, posted: { "cell:total": "10" }, confirmJump: false, today: "2026-07-05" });
    expect(q2.kind).toBe("ok");
    await submitReport(handle.db, actor, { ...reporter(), organizationId: ids.other }, q2.kind === "ok" ? q2.value : "", 1, new Date("2026-07-05T12:00:00Z"), "2026-07-05");
    const other = { ...reporter(), organizationId: ids.other };
    const jump = await saveSection(handle.db, actor, other, { dataSetId: ids.set, organizationId: ids.other, periodKey: "2026Q3", elementId: ids.element, version: 0, posted: { "cell:total": "40" }, confirmJump: false, today });
    expect(jump).toMatchObject({ kind: "refused", reason: "statistics.entry.jump", vars: { previous: 10, current: 40 } });
    expect((await saveSection(handle.db, actor, other, { dataSetId: ids.set, organizationId: ids.other, periodKey: "2026Q3", elementId: ids.element, version: 0, posted: { "cell:total": "40" }, confirmJump: true, today })).kind).toBe("ok");
    const view = await getCompleteness(handle.db, ids.table, ids.set, "2026Q3", today);
    const q3 = view!.rows.find((r) => r.period.key === "2026Q3")!;
    expect(q3).toMatchObject({ expected: 2, submitted: 1, late: 1, awaiting: 1 });
    const sent = await sendStatisticsReminders(handle.db, { now: new Date("2026-10-25T12:00:00Z"), publicUrl: "http://x" });
    expect(sent.due_soon).toBe(1);
    expect((await sendStatisticsReminders(handle.db, { now: new Date("2026-10-25T12:00:00Z"), publicUrl: "http://x" })).due_soon).toBe(0);
  });
});

describe("results periods", () => {
  const ended = { periodType: "quarter" as const, firstPeriod: "2008Q1", lastPeriod: "2012Q4" };
  const live = { periodType: "quarter" as const, firstPeriod: "2026Q1", lastPeriod: null };
  it("offers the ended periods between the first and the last (or the last ended one)", () => {
    expect(resultPeriods(ended, "2026-12-06")).toHaveLength(20);
    expect(resultPeriods(live, "2026-12-06").map((p) => p.key)).toEqual(["2026Q1", "2026Q2", "2026Q3"]);
    expect(resultPeriods({ ...live, firstPeriod: "2027Q1" }, "2026-12-06")).toEqual([]);
  });
  it("shows the last four by default, a chosen range in either order, at most MAX_RESULT_PERIODS", () => {
    const choices = resultPeriods(ended, "2026-12-06");
    expect(resultRange(choices, null, null).map((p) => p.key)).toEqual(["2012Q1", "2012Q2", "2012Q3", "2012Q4"]);
    expect(resultRange(choices, "2010Q4", "2010Q2").map((p) => p.key)).toEqual(["2010Q2", "2010Q3", "2010Q4"]);
    expect(resultRange(choices, "1999Q1", "2010Q2")).toHaveLength(4);
    const months = resultPeriods({ periodType: "month", firstPeriod: "2000-01", lastPeriod: null }, "2026-12-06");
    expect(resultRange(months, "2000-01", "2026-11")).toHaveLength(MAX_RESULT_PERIODS);
    expect(resultRange([], null, null)).toEqual([]);
  });
});
