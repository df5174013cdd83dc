import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { DatabaseHandle } from "../../app/modules/db/client.server.ts";
import { actionPlanAction, actionPlanIndicator, actionPlanObjective } from "../../app/modules/action-plan/tables.ts";
import { grantReportDate, grantSpending } from "../../app/modules/funding/tables.ts";
import * as plansRoute from "../../app/routes/table/action-plan.tsx";
import * as planRoute from "../../app/routes/table/action-plan.$year.tsx";
import * as newGrantRoute from "../../app/routes/table/funding.new.tsx";
import * as grantRoute from "../../app/routes/table/funding.$grantId.tsx";
import { createTestDatabase, testContext } from "../support/test-db.ts";
import { callRoute, createAuthzDataset, signIn, type AuthzDataset, type FixturePerson } from "../support/fixtures.ts";
import { renderPage } from "../support/render-page.tsx";
import { asPageSends } from "./table-form-support.ts";

/**
 * Deleting an objective, action, indicator, report date, spending line or grant document asks first:
 * the "Delete" control opens a confirmation (?delete=<kind>:<id>, no JavaScript needed) whose form
 * sends the deletion. Opening the confirmation deletes nothing.
 */
let handle: DatabaseHandle;
let ds: AuthzDataset;
const cookies: Record<string, string> = {};
let objectiveId: string;
let actionId: string;
let indicatorId: string;
let grantId: string;
let reportId: string;
let spendingId: string;

type Deleting = { kind: string; id: string; name: string } | null;
const ctx = () => testContext(handle.db);
const cookieOf = async (who: FixturePerson) => (cookies[who.email] ??= await signIn(handle.db, who.accountId!, { activePartnershipId: ds.tableA }));
const get = async (fn: Parameters<typeof callRoute>[0], who: FixturePerson, url: string, params: Record<string, string>) => callRoute(fn, { url, params, cookie: await cookieOf(who), context: ctx() });
const post = async (fn: Parameters<typeof callRoute>[0], who: FixturePerson, url: string, body: Record<string, string | string[]>, params: Record<string, string> = {}) =>
  callRoute(fn, { url, params, cookie: await cookieOf(who), method: "POST", body: await asPageSends({ url, body, cookie: await cookieOf(who), context: ctx() }), context: ctx() });
const planPage = async (query: string, who = ds.people.table_coordinator) => (await get(planRoute.loader, who, `/action-plan/2011?${query}`, { year: "2011" })).data as { deleting: Deleting };
const grantPage = async (query: string, who = ds.people.table_coordinator) => (await get(grantRoute.loader, who, `/funding/${grantId}?${query}`, { grantId })).data as { deleting: Deleting };

beforeAll(async () => {
  handle = await createTestDatabase();
  ds = await createAuthzDataset(handle.db);
  const c = ds.people.table_coordinator;
  const params = { year: "2011" };
  expect((await post(plansRoute.action, c, "/action-plan", { intent: "create", year: "2011", title: "Plan d'action 2011" })).status).toBe(302);
  expect((await post(planRoute.action, c, "/action-plan/2011", { intent: "objective", title: "Mieux se connaître" }, params)).status).toBe(302);
  objectiveId = (await handle.db.select().from(actionPlanObjective))[0]!.id;
  expect((await post(planRoute.action, c, "/action-plan/2011", { intent: "action", objectiveId, title: "Visites croisées", status: "planned", progress: "0", organizationIds: [ds.org1] }, params)).status).toBe(302);
  actionId = (await handle.db.select().from(actionPlanAction))[0]!.id;
  expect((await post(planRoute.action, c, "/action-plan/2011", { intent: "indicator", objectiveId, label: "Visites faites", unit: "visites", target: "4", actual: "" }, params)).status).toBe(302);
  indicatorId = (await handle.db.select().from(actionPlanIndicator))[0]!.id;
  const created = await post(newGrantRoute.action, c, "/funding/new", { funder: "Fondation X", amount: "10 000", startsOn: "2011-01-01", endsOn: "2011-12-31" });
  grantId = created.location!.split("/")[2]!.split("?")[0]!;
  expect((await post(grantRoute.action, c, `/funding/${grantId}`, { intent: "report", dueOn: "2011-06-30", label: "Rapport d'étape" }, { grantId })).status).toBe(302);
  expect((await post(grantRoute.action, c, `/funding/${grantId}`, { intent: "spending", label: "Déplacements", amount: "1200", spentOn: "2011-03-01" }, { grantId })).status).toBe(302);
  reportId = (await handle.db.select().from(grantReportDate))[0]!.id;
  spendingId = (await handle.db.select().from(grantSpending))[0]!.id;
});
afterAll(async () => {
  await handle?.close();
});

describe("action plan: delete asks first", () => {
  it("the page offers links to the confirmation, not one-click delete forms", async () => {
    const page = await get(planRoute.loader, ds.people.table_coordinator, "/action-plan/2011", { year: "2011" });
    const html = renderPage(planRoute.default as never, { path: "/action-plan/2011", loaderData: page.data });
    expect(html).not.toContain('value="delete"');
    expect(html).toContain(`href="/action-plan/2011?delete=action:${actionId}#delete-heading"`);
    expect(html).toContain(`href="/action-plan/2011?delete=indicator:${indicatorId}#delete-heading"`);
    expect(html).toContain(`href="/action-plan/2011?delete=objective:${objectiveId}#delete-heading"`);
    const confirming = await get(planRoute.loader, ds.people.table_coordinator, `/action-plan/2011?delete=action:${actionId}`, { year: "2011" });
    const box = renderPage(planRoute.default as never, { path: `/action-plan/2011?delete=action:${actionId}`, loaderData: confirming.data, locale: "en" });
    expect(box).toContain("Delete “Visites croisées”?");
    expect(box).toContain('name="intent" value="delete"');
    expect(box).toContain(`name="id" value="${actionId}"`);
    expect(box).toContain("Delete for good");
  });

  it("opens a confirmation naming the action, indicator or objective, and deletes nothing", async () => {
    expect((await planPage(`delete=action:${actionId}`)).deleting).toEqual({ kind: "action", id: actionId, name: "Visites croisées" });
    expect((await planPage(`delete=indicator:${indicatorId}`)).deleting).toEqual({ kind: "indicator", id: indicatorId, name: "Visites faites" });
    expect((await planPage(`delete=objective:${objectiveId}`)).deleting).toEqual({ kind: "objective", id: objectiveId, name: "Mieux se connaître" });
    expect(await handle.db.select().from(actionPlanAction)).toHaveLength(1);
    expect(await handle.db.select().from(actionPlanIndicator)).toHaveLength(1);
  });

  it("no confirmation for readers, unknown ids or unknown kinds", async () => {
    expect((await planPage(`delete=action:${actionId}`, ds.people.table_member)).deleting).toBeNull();
    expect((await planPage("delete=action:00000000-0000-4000-8000-000000000000")).deleting).toBeNull();
    expect((await planPage(`delete=plan:${actionId}`)).deleting).toBeNull();
  });

  it("the confirmation's form deletes", async () => {
    const res = await post(planRoute.action, ds.people.table_coordinator, "/action-plan/2011", { intent: "delete", kind: "action", id: actionId }, { year: "2011" });
    expect(res.status).toBe(302);
    expect(await handle.db.select().from(actionPlanAction)).toHaveLength(0);
  });
});

describe("funding: delete asks first", () => {
  it("the page offers links to the confirmation, not one-click delete forms", async () => {
    const page = await get(grantRoute.loader, ds.people.table_coordinator, `/funding/${grantId}`, { grantId });
    const html = renderPage(grantRoute.default as never, { path: `/funding/${grantId}`, loaderData: page.data });
    expect(html).not.toMatch(/value="(report|spending|document)-delete"/);
    expect(html).toContain(`href="/funding/${grantId}?delete=report:${reportId}#delete-heading"`);
    expect(html).toContain(`href="/funding/${grantId}?delete=spending:${spendingId}#delete-heading"`);
    const confirming = await get(grantRoute.loader, ds.people.table_coordinator, `/funding/${grantId}?delete=spending:${spendingId}`, { grantId });
    const box = renderPage(grantRoute.default as never, { path: `/funding/${grantId}?delete=spending:${spendingId}`, loaderData: confirming.data });
    expect(box).toContain("Supprimer «\u00a0Déplacements");
    expect(box).toContain('name="intent" value="spending-delete"');
    expect(box).toContain("Supprimer définitivement");
  });

  it("opens a confirmation naming the report date or the spending line, and deletes nothing", async () => {
    const report = (await grantPage(`delete=report:${reportId}`)).deleting;
    expect(report).toMatchObject({ kind: "report", id: reportId });
    expect(report!.name).toContain("Rapport d'étape");
    const spending = (await grantPage(`delete=spending:${spendingId}`)).deleting;
    expect(spending).toMatchObject({ kind: "spending", id: spendingId });
    expect(spending!.name).toContain("Déplacements");
    expect(await handle.db.select().from(grantReportDate)).toHaveLength(1);
    expect(await handle.db.select().from(grantSpending)).toHaveLength(1);
  });

  it("no confirmation for readers or unknown ids", async () => {
    expect((await grantPage(`delete=spending:${spendingId}`, ds.people.table_member)).deleting).toBeNull();
    expect((await grantPage("delete=report:00000000-0000-4000-8000-000000000000")).deleting).toBeNull();
  });

  it("the confirmation's form deletes", async () => {
    expect((await post(grantRoute.action, ds.people.table_coordinator, `/funding/${grantId}`, { intent: "spending-delete", id: spendingId }, { grantId })).status).toBe(302);
    expect(await handle.db.select().from(grantSpending).where(eq(grantSpending.id, spendingId))).toHaveLength(0);
  });
});
