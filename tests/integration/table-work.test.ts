import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { DatabaseHandle } from "../../app/modules/db/client.server.ts";
import { rowsOf } from "../../app/modules/db/rows.ts";
import { actionPlan, actionPlanAction, actionPlanActionOrganization, actionPlanIndicator, actionPlanObjective } from "../../app/modules/action-plan/tables.ts";
import { buildYearEndReport } from "../../app/modules/action-plan/year-end-report.server.ts";
import { listObjectivesForSelect } from "../../app/modules/action-plan/list-objectives.server.ts";
import { countUnread } from "../../app/modules/announcements/announcements.server.ts";
import { loadPageChrome } from "../../app/modules/chrome/page-chrome.server.ts";
import { sendFundingAlerts } from "../../app/modules/funding/funding-alerts.server.ts";
import { grant } from "../../app/modules/funding/tables.ts";
import { account } from "../../app/modules/identity/tables.ts";
import { roleAssignment } from "../../app/modules/people/tables.ts";
import { responsibility } from "../../app/modules/meetings/responsibilities/tables.ts";
import * as plansRoute from "../../app/routes/table/action-plan.tsx";
import * as planRoute from "../../app/routes/table/action-plan.$year.tsx";
import * as timelineRoute from "../../app/routes/table/action-plan.$year.timeline.tsx";
import * as reportRoute from "../../app/routes/table/action-plan.$year.report.tsx";
import * as pdfRoute from "../../app/routes/table/action-plan.$year.report.pdf.tsx";
import * as fundingRoute from "../../app/routes/table/funding.tsx";
import * as newGrantRoute from "../../app/routes/table/funding.new.tsx";
import * as grantRoute from "../../app/routes/table/funding.$grantId.tsx";
import * as grantFileRoute from "../../app/routes/table/funding.$grantId.files.$fileId.tsx";
import * as handoverRoute from "../../app/routes/table/handover.tsx";
import * as announcementsRoute from "../../app/routes/table/announcements.tsx";
import * as newAnnouncementRoute from "../../app/routes/table/announcements.new.tsx";
import * as announcementRoute from "../../app/routes/table/announcements.$announcementId.tsx";
import { createTestDatabase, testContext } from "../support/test-db.ts";
import { callRoute, createAuthzDataset, fixtureRoles, signIn, type AuthzDataset, type FixtureRole } from "../support/fixtures.ts";
import { asPageSends } from "./table-form-support.ts";
import { SUBMISSION_KEY_FIELD } from "../../app/modules/forms/submission-field.ts";
import { pdfText } from "../support/pdf-text.ts";

let handle: DatabaseHandle;
let ds: AuthzDataset;
const cookies = new Map<string, string>();

async function cookieOf(role: FixtureRole | "tableB"): Promise<string> {
  if (!cookies.has(role)) {
    const who = role === "tableB" ? ds.tableBCoordinator : ds.people[role];
    cookies.set(role, await signIn(handle.db, who.accountId!, { activePartnershipId: role === "tableB" ? ds.tableB : ds.tableA }));
  }
  return cookies.get(role)!;
}

type Fn = Parameters<typeof callRoute>[0];
async function get(fn: Fn, role: FixtureRole | "tableB", url: string, params: Record<string, string> = {}) {
  return callRoute(fn, { url, params, cookie: await cookieOf(role), context: testContext(handle.db) });
}
async function post(fn: Fn, role: FixtureRole | "tableB", url: string, body: Record<string, string | string[]>, params: Record<string, string> = {}) {
  const cookie = await cookieOf(role);
  return callRoute(fn, { url, params, cookie, method: "POST", body: await asPageSends({ url, body, cookie, context: testContext(handle.db) }), context: testContext(handle.db) });
}

async function auditActions(): Promise<string[]> {
  return rowsOf<{ action: string }>(await handle.db.execute(sql`select action from audit_event order by id`)).map((r) => r.action);
}
async function emailsTo(address: string): Promise<{ subject: string; text_body: string }[]> {
  return rowsOf<{ subject: string; text_body: string }>(await handle.db.execute(sql`select subject, text_body from email_message where to_address = ${address} order by created_at`));
}

const utf16 = (text: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, "utf16le").swap16()]);
const planReaders: FixtureRole[] = ["platform_admin", "table_coordinator", "table_member", "observer", "evaluator"];
const fundingReaders: FixtureRole[] = ["platform_admin", "table_coordinator", "table_member"];

beforeAll(async () => {
  handle = await createTestDatabase();
  ds = await createAuthzDataset(handle.db);
});
afterAll(async () => {
  await handle?.close();
});

describe("annual action plan", () => {
  let objectiveId: string;
  it("the coordinator creates a plan, objectives, actions and indicators; delegates may not", async () => {
    expect((await post(plansRoute.action, "table_member", "/action-plan", { intent: "create", year: "2010", title: "Plan d'action 2010" })).status).toBe(404);
    const created = await post(plansRoute.action, "table_coordinator", "/action-plan", { intent: "create", year: "2010", title: "Plan d'action 2010" });
    expect(created).toMatchObject({ status: 302, location: "/action-plan/2010?saved=1" });
    const again = await post(plansRoute.action, "table_coordinator", "/action-plan", { intent: "create", year: "2010", title: "Doublon" });
    expect(again.status).toBe(409);
    const params = { year: "2010" };
    expect((await post(planRoute.action, "table_coordinator", "/action-plan/2010", { intent: "objective", title: "" }, params)).status).toBe(400);
    expect((await post(planRoute.action, "table_coordinator", "/action-plan/2010", { intent: "objective", title: "Consolider le réseau des pivots" }, params)).status).toBe(302);
    objectiveId = (await handle.db.select({ id: actionPlanObjective.id }).from(actionPlanObjective))[0]!.id;
    const action = (title: string, status: string, progress: string, orgs: string[] = [ds.org1]) =>
      post(planRoute.action, "table_coordinator", "/action-plan/2010", { intent: "action", objectiveId, title, status, progress, startsOn: "2010-02-01", endsOn: "2010-05-31", organizationIds: orgs }, params);
    expect((await action("Rencontres régionales", "done", "20")).status).toBe(302);
    expect((await action("Bottin à jour", "done", "100", [ds.org1, ds.org2])).status).toBe(302);
    expect((await action("Formation", "in_progress", "50")).status).toBe(302);
    expect((await action("Traduction", "dropped", "10")).status).toBe(302);
    // Another Table's organization cannot be made responsible.
    expect((await action("Intrus", "planned", "0", [ds.orgB])).status).toBe(400);
    const indicator = (label: string, target: string, actual: string) =>
      post(planRoute.action, "table_coordinator", "/action-plan/2010", { intent: "indicator", objectiveId, label, unit: "rencontres", target, actual }, params);
    expect((await indicator("Rencontres tenues", "3", "3")).status).toBe(302);
    expect((await indicator("Organisations avec pivots", "12", "9")).status).toBe(302);
    expect((await indicator("Satisfaction", "80", "")).status).toBe(302);
    expect((await post(planRoute.action, "table_member", "/action-plan/2010", { intent: "objective", title: "Non" }, params)).status).toBe(404);
    // A done action is 100 % whatever was typed; an objective with content is not deleted.
    const [done] = await handle.db.select().from(actionPlanAction).where(eq(actionPlanAction.title, "Rencontres régionales"));
    expect(done!.progress).toBe(100);
    expect((await post(planRoute.action, "table_coordinator", "/action-plan/2010", { intent: "delete", kind: "objective", id: objectiveId }, params)).status).toBe(400);
    expect(await auditActions()).toEqual(expect.arrayContaining(["action_plan.created", "action_plan.objective_added", "action_plan.action_added", "action_plan.indicator_added"]));
    expect(await listObjectivesForSelect(handle.db, ds.tableA)).toEqual([{ id: objectiveId, label: "2010 — Consolider le réseau des pivots", year: 2010 }]);
    expect(await listObjectivesForSelect(handle.db, ds.tableB)).toEqual([]);
  });

  it("edits an action and an indicator in place, and deletes an indicator", async () => {
    const params = { year: "2010" };
    const [formation] = await handle.db.select().from(actionPlanAction).where(eq(actionPlanAction.title, "Formation"));
    const edited = await post(planRoute.action, "table_coordinator", "/action-plan/2010", {
      intent: "action",
      id: formation!.id,
      objectiveId,
      title: "Formation",
      status: "in_progress",
      progress: "50",
      startsOn: "2010-02-01",
      endsOn: "2010-05-31",
      organizationIds: [ds.org2],
    }, params);
    expect(edited.status).toBe(302);
    const links = await handle.db.select().from(actionPlanActionOrganization).where(eq(actionPlanActionOrganization.actionId, formation!.id));
    expect(links.map((l) => l.organizationId)).toEqual([ds.org2]);
    expect((await post(planRoute.action, "table_coordinator", "/action-plan/2010", { intent: "action", objectiveId, title: "X", status: "planned", progress: "150" }, params)).status).toBe(400);
    await post(planRoute.action, "table_coordinator", "/action-plan/2010", { intent: "indicator", objectiveId, label: "Temporaire", target: "1", actual: "" }, params);
    const [temp] = await handle.db.select().from(actionPlanIndicator).where(eq(actionPlanIndicator.label, "Temporaire"));
    expect((await post(planRoute.action, "table_coordinator", "/action-plan/2010", { intent: "delete", kind: "indicator", id: temp!.id }, params)).status).toBe(302);
    expect(await handle.db.select().from(actionPlanIndicator).where(eq(actionPlanIndicator.label, "Temporaire"))).toEqual([]);
    // Another Table's coordinator cannot touch it (their Table has no 2010 plan: 404).
    expect((await post(planRoute.action, "tableB", "/action-plan/2010", { intent: "delete", kind: "indicator", id: temp!.id }, params)).status).toBe(404);
    expect(await auditActions()).toEqual(expect.arrayContaining(["action_plan.action_updated", "action_plan.indicator_deleted"]));
  });

  it("every page × role: Table readers see it, others and other Tables get 404", async () => {
    const pages: { fn: Fn; url: string; params: Record<string, string> }[] = [
      { fn: plansRoute.loader, url: "/action-plan", params: {} },
      { fn: planRoute.loader, url: "/action-plan/2010", params: { year: "2010" } },
      { fn: timelineRoute.loader, url: "/action-plan/2010/timeline", params: { year: "2010" } },
      { fn: reportRoute.loader, url: "/action-plan/2010/report", params: { year: "2010" } },
      { fn: pdfRoute.loader, url: "/action-plan/2010/report/pdf", params: { year: "2010" } },
    ];
    for (const page of pages) {
      for (const role of fixtureRoles) {
        const res = await get(page.fn, role, page.url, page.params);
        expect(res.status, `${page.url} as ${role}`).toBe(planReaders.includes(role) ? 200 : 404);
      }
      if (Object.keys(page.params).length) expect((await get(page.fn, "tableB", page.url, page.params)).status).toBe(404);
    }
    const plan = await get(planRoute.loader, "table_member", "/action-plan/2010", { year: "2010" });
    expect((plan.data as { canEdit: boolean }).canEdit).toBe(false);
    const timeline = await get(timelineRoute.loader, "observer", "/action-plan/2010/timeline", { year: "2010" });
    const months = (timeline.data as { objectives: { actions: { months: boolean[] }[] }[] }).objectives[0]!.actions[0]!.months;
    expect(months.map((m) => (m ? 1 : 0)).join("")).toBe("011110000000");
  });

  it("the year-end report counts what was done against what was planned, with linked responsibilities", async () => {
    await handle.db.insert(responsibility).values([
      { partnershipId: ds.tableA, objectiveId, what: "Réserver la salle", ownerOrganizationId: ds.org1, dueOn: "2010-03-01", status: "done" },
      { partnershipId: ds.tableA, objectiveId, what: "Suivi interne", ownerOrganizationId: ds.org1, scopeOrganizationId: ds.org1, dueOn: "2010-03-01" },
    ]);
    const report = await buildYearEndReport(handle.db, ds.tableA, 2010);
    expect(report!.totals).toEqual({
      actions: 4,
      byStatus: { planned: 0, in_progress: 1, done: 2, dropped: 1 },
      doneRate: 67,
      averageProgress: 83,
      indicators: 3,
      indicatorsMeasured: 2,
      indicatorsMet: 1,
      responsibilities: 1,
      responsibilitiesDone: 1,
    });
    const [first] = report!.objectives;
    expect(first!.indicators.map((i) => [i.label, i.percent, i.met])).toEqual([
      ["Rencontres tenues", 100, true],
      ["Organisations avec pivots", 75, false],
      ["Satisfaction", null, null],
    ]);
    expect(first!.responsibilities.map((r) => r.what)).toEqual(["Réserver la salle"]);
    expect(await buildYearEndReport(handle.db, ds.tableB, 2010)).toBeNull();
  });

  it("the report PDF is a PDF holding the plan's title and objectives", async () => {
    const res = await get(pdfRoute.loader, "evaluator", "/action-plan/2010/report/pdf", { year: "2010" });
    expect(res.status).toBe(200);
    const outcome = await pdfRoute.loader({
      request: new Request("http://localhost:3000/action-plan/2010/report/pdf", { headers: { cookie: await cookieOf("evaluator") } }),
      params: { year: "2010" },
      context: testContext(handle.db),
    } as never);
    const response = outcome as Response;
    expect(response.headers.get("content-type")).toBe("application/pdf");
    const pdf = Buffer.from(await response.arrayBuffer());
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf.includes(utf16("Bilan du plan d'action 2010 — Plan d'action 2010"))).toBe(true);
    const text = pdfText(pdf);
    expect(text).toContain("Consolider le réseau des pivots");
    expect(text).toMatch(/Page 1 sur \d+/);
  });

  it("copies last year's plan as a start: targets kept, results, statuses and progress reset", async () => {
    expect((await post(plansRoute.action, "table_member", "/action-plan", { intent: "copy", fromYear: "2010", toYear: "2011" })).status).toBe(404);
    expect((await post(plansRoute.action, "table_coordinator", "/action-plan", { intent: "copy", fromYear: "2010", toYear: "2009" })).status).toBe(400);
    const copied = await post(plansRoute.action, "table_coordinator", "/action-plan", { intent: "copy", fromYear: "2010", toYear: "2011" });
    expect(copied).toMatchObject({ status: 302, location: "/action-plan/2011?copied=1" });
    const [plan2011] = await handle.db.select().from(actionPlan).where(and(eq(actionPlan.partnershipId, ds.tableA), eq(actionPlan.year, 2011)));
    expect(plan2011!.title).toBe("Plan d'action 2011");
    const actions = await handle.db.select().from(actionPlanAction).where(eq(actionPlanAction.planId, plan2011!.id));
    expect(actions.map((a) => [a.title, a.status, a.progress, a.startsOn, a.endsOn])).toContainEqual(["Bottin à jour", "planned", 0, "2011-02-01", "2011-05-31"]);
    expect(actions).toHaveLength(4);
    const links = await handle.db.select().from(actionPlanActionOrganization).where(eq(actionPlanActionOrganization.actionId, actions.find((a) => a.title === "Bottin à jour")!.id));
    expect(links).toHaveLength(2);
    const indicators = await handle.db.select().from(actionPlanIndicator).where(eq(actionPlanIndicator.planId, plan2011!.id));
    expect(indicators.map((i) => [i.label, i.target, i.actual]).sort()).toEqual([
      ["Organisations avec pivots", 12, null],
      ["Rencontres tenues", 3, null],
      ["Satisfaction", 80, null],
    ]);
    expect(await auditActions()).toContain("action_plan.copied");
    // Copying onto a year that has a plan is refused.
    expect((await post(plansRoute.action, "table_coordinator", "/action-plan", { intent: "copy", fromYear: "2010", toYear: "2011" })).status).toBe(409);
  });
});

describe("funding", () => {
  let grantId: string;
  let actionId: string;
  it("the coordinator records a grant, report dates and spending per action; delegates read; others 404", async () => {
    expect((await post(newGrantRoute.action, "table_member", "/funding/new", { funder: "X", amount: "1", startsOn: "2026-01-01", endsOn: "2026-12-31" })).status).toBe(404);
    expect((await post(newGrantRoute.action, "table_coordinator", "/funding/new", { funder: "MSP", amount: "abc", startsOn: "2026-01-01", endsOn: "2025-12-31" })).status).toBe(400);
    const created = await post(newGrantRoute.action, "table_coordinator", "/funding/new", {
      funder: "Ministère de la Sécurité publique",
      program: "Prévention",
      amount: "95 000,00",
      startsOn: "2024-04-01",
      endsOn: "2027-03-31",
      conditions: "Rapport semestriel",
    });
    expect(created.status).toBe(302);
    grantId = created.location!.split("/")[2]!.split("?")[0]!;
    const [g] = await handle.db.select().from(grant).where(eq(grant.id, grantId));
    expect(g!.amount).toBe(95000);
    const params = { grantId };
    const url = `/funding/${grantId}`;
    expect((await post(grantRoute.action, "table_coordinator", url, { intent: "report", dueOn: "2026-12-15", label: "Rapport semestriel" }, params)).status).toBe(302);
    actionId = (await handle.db.select({ id: actionPlanAction.id }).from(actionPlanAction).where(eq(actionPlanAction.title, "Formation")).limit(1))[0]!.id;
    expect((await post(grantRoute.action, "table_coordinator", url, { intent: "spending", label: "Formateurs", amount: "8600", spentOn: "2026-05-01", actionId }, params)).status).toBe(302);
    expect((await post(grantRoute.action, "table_coordinator", url, { intent: "spending", label: "Coordination", amount: "30000", spentOn: "2026-06-01" }, params)).status).toBe(302);
    expect((await post(grantRoute.action, "table_member", url, { intent: "spending", label: "Non", amount: "1", spentOn: "2026-06-01" }, params)).status).toBe(404);
    for (const role of fixtureRoles) {
      expect((await get(fundingRoute.loader, role, "/funding")).status, `/funding as ${role}`).toBe(fundingReaders.includes(role) ? 200 : 404);
      expect((await get(grantRoute.loader, role, url, params)).status, `${url} as ${role}`).toBe(fundingReaders.includes(role) ? 200 : 404);
    }
    expect((await get(grantRoute.loader, "tableB", url, params)).status).toBe(404);
    const overview = await get(fundingRoute.loader, "table_member", "/funding");
    const data = overview.data as { grants: { spent: number; remaining: number; nextReport: { dueOn: string } | null }[]; actions: { title: string; spent: number; fundedUntil: string }[]; canManage: boolean };
    expect(data.canManage).toBe(false);
    expect(data.grants[0]).toMatchObject({ spent: 38600, remaining: 56400, nextReport: { dueOn: "2026-12-15" } });
    expect(data.actions).toEqual([expect.objectContaining({ title: "Formation", spent: 8600, fundedUntil: "2027-03-31" })]);
    expect(await auditActions()).toEqual(expect.arrayContaining(["grant.created", "grant.report_date_added", "grant.spending_added"]));
  });

  it("grant documents: uploaded by the coordinator, checked for type, hidden from delegates", async () => {
    const tinyPdf: Uint8Array<ArrayBuffer> = new TextEncoder().encode("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
    const upload = async (bytes: Uint8Array<ArrayBuffer>, role: FixtureRole) => {
      const form = new FormData();
      form.set("intent", "document");
      // As the page sends it: the documents form is a create, with its submission key.
      form.set(SUBMISSION_KEY_FIELD, randomUUID());
      form.set("document", new File([bytes], "entente.pdf"));
      const request = new Request(`http://localhost:3000/funding/${grantId}`, { method: "POST", headers: { cookie: await cookieOf(role) }, body: form });
      try {
        return await grantRoute.action({ request, params: { grantId }, context: testContext(handle.db) } as never);
      } catch (thrown) {
        return thrown;
      }
    };
    expect(await upload(tinyPdf, "table_coordinator")).toBeInstanceOf(Response);
    const refused = (await upload(new TextEncoder().encode("<html></html>"), "table_coordinator")) as { init: { status: number }; data: { errors: Record<string, string[]> } };
    expect(refused.init.status).toBe(400);
    expect(refused.data.errors.document).toEqual(["funding.uploadError.wrong_type"]);
    expect(((await upload(tinyPdf, "table_member")) as { init: { status: number } }).init.status).toBe(404);
    const asCoordinator = await get(grantRoute.loader, "table_coordinator", `/funding/${grantId}`, { grantId });
    const documents = (asCoordinator.data as { documents: { id: string }[] }).documents;
    expect(documents).toHaveLength(1);
    expect(((await get(grantRoute.loader, "table_member", `/funding/${grantId}`, { grantId })).data as { documents: unknown[] }).documents).toEqual([]);
    const fileParams = { grantId, fileId: documents[0]!.id };
    expect((await get(grantFileRoute.loader, "table_member", "/funding/x/files/y", fileParams)).status).toBe(404);
    expect((await get(grantFileRoute.loader, "table_coordinator", "/funding/x/files/y", fileParams)).status).toBe(200);
    expect((await get(grantFileRoute.loader, "tableB", "/funding/x/files/y", fileParams)).status).toBe(404);
  });

  it("alerts the coordinator before a report is due and 6 then 3 months before the end, each once (injected clock)", async () => {
    const run = (iso: string) => sendFundingAlerts(handle.db, { now: new Date(`${iso}T13:00:00Z`), publicUrl: "http://localhost:3000" });
    const coordinator = ds.people.table_coordinator.email;
    expect(await run("2026-09-01")).toBe(0);
    expect(await run("2026-10-01")).toBe(1); // 6 months before 2027-03-31
    expect(await run("2026-10-02")).toBe(0);
    expect(await run("2026-11-20")).toBe(1); // report of 2026-12-15 within 30 days
    expect(await run("2026-11-21")).toBe(0);
    expect(await run("2027-01-01")).toBe(1); // 3 months before the end
    expect(await run("2027-01-02")).toBe(0);
    const mails = await emailsTo(coordinator);
    expect(mails.map((m) => m.subject)).toEqual([
      expect.stringContaining("Fin de la subvention dans 6 mois"),
      expect.stringContaining("Reddition de comptes à remettre le 15 déc. 2026"),
      expect.stringContaining("Fin de la subvention dans 3 mois"),
    ]);
    expect(mails[0]!.text_body).toContain(`/funding/${grantId}`);
    // No amount in the email (the link's grant id may hold the digits by chance: left out).
    expect(mails[0]!.text_body.replaceAll(grantId, "")).not.toContain("95");
    expect(await emailsTo(ds.people.table_member.email)).toEqual([]);
    expect(await emailsTo(ds.tableBCoordinator.email)).toEqual([]);
    expect((await auditActions()).filter((a) => a === "grant.alert_sent")).toHaveLength(3);
  });

  it("a new end date lets the end alerts be sent again", async () => {
    const url = `/funding/${grantId}`;
    const [g] = await handle.db.select().from(grant).where(eq(grant.id, grantId));
    const moved = await post(grantRoute.action, "table_coordinator", url, {
      intent: "grant",
      version: String(g!.version),
      funder: g!.funder,
      program: g!.program,
      amount: "95000",
      startsOn: g!.startsOn,
      endsOn: "2027-06-30",
      conditions: g!.conditions,
    }, { grantId });
    expect(moved.status).toBe(302);
    // A stale version is a conflict.
    expect((await post(grantRoute.action, "table_coordinator", url, { intent: "grant", version: String(g!.version), funder: "X", amount: "1", startsOn: "2026-01-01", endsOn: "2026-12-31" }, { grantId })).status).toBe(409);
    expect(await sendFundingAlerts(handle.db, { now: new Date("2027-01-03T13:00:00Z"), publicUrl: "http://x" })).toBe(1); // 6 months before 2027-06-30
    expect(await sendFundingAlerts(handle.db, { now: new Date("2027-01-04T13:00:00Z"), publicUrl: "http://x" })).toBe(0);
  });

  it("a grant found inside both thresholds sends only the nearest, once", async () => {
    await handle.db.insert(grant).values({ partnershipId: ds.tableA, funder: "Fondation", amount: 1000, startsOn: "2026-01-01", endsOn: "2027-03-01" });
    const before = (await emailsTo(ds.people.table_coordinator.email)).length;
    expect(await sendFundingAlerts(handle.db, { now: new Date("2027-01-15T13:00:00Z"), publicUrl: "http://x" })).toBe(1);
    expect(await sendFundingAlerts(handle.db, { now: new Date("2027-01-20T13:00:00Z"), publicUrl: "http://x" })).toBe(0);
    const mails = await emailsTo(ds.people.table_coordinator.email);
    expect(mails.slice(before).map((m) => m.subject)).toEqual([expect.stringContaining("dans 3 mois")]);
  });
});

describe("announcements", () => {
  let tableAnnouncement: string;
  it("resolves the audience: the Table, all pivots, one organization, a pivot coordinator's pivots", async () => {
    const postAs = (role: FixtureRole, body: Record<string, string>) => post(newAnnouncementRoute.action, role, "/announcements/new", { title: "Annonce", body: "Texte", ...body });
    expect((await postAs("table_coordinator", { audience: "table" })).status).toBe(302);
    const counts = async () =>
      rowsOf<{ audience: string; n: number }>(
        await handle.db.execute(sql`select a.audience, count(r.person_id)::int as n from announcement a left join announcement_recipient r on r.announcement_id = a.id group by a.id, a.audience, a.created_at order by a.created_at`),
      ).map((r) => [r.audience, r.n]);
    // Everyone of Table A with an account and a role, except the author (the platform admin holds no Table role).
    expect(await counts()).toEqual([["table", 8]]);
    expect((await postAs("table_coordinator", { audience: "pivots" })).status).toBe(302);
    expect((await postAs("table_coordinator", { audience: "organization", organizationId: ds.org2 })).status).toBe(302);
    // Another Table's organization reads like a missing one (nothing stored).
    expect((await postAs("table_coordinator", { audience: "organization", organizationId: ds.orgB })).status).toBe(404);
    expect((await postAs("pivot_coordinator", { audience: "organization_pivots", organizationId: ds.org1 })).status).toBe(302);
    expect((await postAs("pivot_coordinator", { audience: "table" })).status).toBe(404);
    expect((await postAs("pivot_coordinator", { audience: "organization_pivots", organizationId: ds.org2 })).status).toBe(404);
    expect((await postAs("table_coordinator", { audience: "organization" })).status).toBe(400);
    expect(await counts()).toEqual([
      ["table", 8],
      ["pivots", 2], // the pivot and the pivot coordinator
      ["organization", 3], // trainer, observer, evaluator of organization two
      ["organization_pivots", 1], // the pivot (the author is left out)
    ]);
    for (const role of ["table_member", "pivot", "worker", "trainer", "observer"] as const) {
      expect((await get(newAnnouncementRoute.loader, role, "/announcements/new")).status, role).toBe(404);
    }
    expect((await get(newAnnouncementRoute.loader, "pivot_coordinator", "/announcements/new")).status).toBe(200);
    const mails = await emailsTo(ds.people.worker.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text_body).not.toContain("Texte");
    expect(await auditActions()).toContain("announcement.posted");
    tableAnnouncement = rowsOf<{ id: string }>(await handle.db.execute(sql`select id from announcement where audience = 'table' order by created_at limit 1`))[0]!.id;
  });

  it("read status: unread for the worker until opened; the author sees read by N of M", async () => {
    const list = async (role: FixtureRole) => (await get(announcementsRoute.loader, role, "/announcements")).data as { items: { id: string; readAt: Date | null | undefined; readCount: number; recipientCount: number }[] };
    const workerItems = (await list("worker")).items;
    expect(workerItems.map((i) => i.id)).toEqual([tableAnnouncement]);
    expect(workerItems[0]!.readAt).toBeNull();
    expect(await countUnread(handle.db, ds.tableA, ds.people.worker.personId)).toBe(1);
    expect((await loadPageChrome(handle.db, { partnershipId: ds.tableA, personId: ds.people.worker.personId, network: false })).unreadAnnouncements).toBe(1);
    const opened = await get(announcementRoute.loader, "worker", `/announcements/${tableAnnouncement}`, { announcementId: tableAnnouncement });
    expect(opened.status).toBe(200);
    expect((opened.data as { showReads: boolean }).showReads).toBe(false);
    expect(await countUnread(handle.db, ds.tableA, ds.people.worker.personId)).toBe(0);
    expect((await loadPageChrome(handle.db, { partnershipId: ds.tableA, personId: ds.people.worker.personId, network: false })).unreadAnnouncements).toBe(0);
    expect((await list("worker")).items[0]!.readAt).toBeInstanceOf(Date);
    const asAuthor = await get(announcementRoute.loader, "table_coordinator", `/announcements/${tableAnnouncement}`, { announcementId: tableAnnouncement });
    expect((asAuthor.data as { item: { readCount: number; recipientCount: number }; showReads: boolean })).toMatchObject({ item: { readCount: 1, recipientCount: 8 }, showReads: true });
    // Not addressed to them, another Table, unknown: 404.
    const orgTwo = rowsOf<{ id: string }>(await handle.db.execute(sql`select id from announcement where organization_id = ${ds.org2}`))[0]!.id;
    expect((await get(announcementRoute.loader, "pivot", `/announcements/${orgTwo}`, { announcementId: orgTwo })).status).toBe(404);
    expect((await get(announcementRoute.loader, "trainer", `/announcements/${orgTwo}`, { announcementId: orgTwo })).status).toBe(200);
    expect((await get(announcementRoute.loader, "tableB", `/announcements/${tableAnnouncement}`, { announcementId: tableAnnouncement })).status).toBe(404);
  });
});

describe("coordination handover", () => {
  it("only the coordinator (or a platform admin) reaches it", async () => {
    for (const role of fixtureRoles) {
      const allowed = role === "platform_admin" || role === "table_coordinator";
      expect((await get(handoverRoute.loader, role, "/handover")).status, role).toBe(allowed ? 200 : 404);
    }
    expect((await post(handoverRoute.action, "table_member", "/handover", { intent: "start" })).status).toBe(404);
  });

  it("builds the checklist from live data, refuses an unchecked transfer, then transfers the role in one audited step", async () => {
    const outgoing = ds.people.table_coordinator;
    const successor = ds.people.table_member;
    const started = await post(handoverRoute.action, "table_coordinator", "/handover", { intent: "start", outgoingPersonId: outgoing.personId, successorPersonId: successor.personId, note: "Dossiers" });
    expect(started).toMatchObject({ status: 302, location: "/handover?saved=started" });
    expect((await post(handoverRoute.action, "table_coordinator", "/handover", { intent: "start", outgoingPersonId: outgoing.personId, successorPersonId: successor.personId })).status).toBe(409);
    const page = await get(handoverRoute.loader, "table_coordinator", "/handover");
    const open = (page.data as { open: { id: string; items: { key: string; kind: string; label: string }[] } }).open;
    const kinds = new Set(open.items.map((i) => i.kind));
    expect([...kinds].sort()).toEqual(["commitment", "document", "grant", "plan"]);
    expect(open.items.find((i) => i.kind === "plan")!.label).toBe("2011 — Plan d'action 2011");
    expect(open.items.filter((i) => i.kind === "grant").map((i) => i.label)).toEqual(expect.arrayContaining(["Ministère de la Sécurité publique — Prévention"]));
    // Responsibilities are open (H2's table): the Table-wide one, not the organization's.
    await handle.db.insert(responsibility).values({ partnershipId: ds.tableA, what: "Préparer le renouvellement", ownerOrganizationId: ds.org1, dueOn: "2027-01-31" });
    expect((await post(handoverRoute.action, "table_coordinator", "/handover", { intent: "refresh", handoverId: open.id, checked: [] })).status).toBe(302);
    const refreshed = ((await get(handoverRoute.loader, "table_coordinator", "/handover")).data as { open: { items: { key: string; kind: string; label: string }[] } }).open.items;
    expect(refreshed.filter((i) => i.kind === "responsibility").map((i) => i.label)).toEqual(["Préparer le renouvellement"]);
    const refused = await post(handoverRoute.action, "table_coordinator", "/handover", { intent: "transfer", handoverId: open.id });
    expect(refused.status).toBe(409);
    expect((await post(handoverRoute.action, "table_member", "/handover", { intent: "transfer", handoverId: open.id })).status).toBe(404);
    expect((await post(handoverRoute.action, "tableB", "/handover", { intent: "transfer", handoverId: open.id })).status).toBe(404);
    expect((await post(handoverRoute.action, "table_coordinator", "/handover", { intent: "checklist", handoverId: open.id, checked: refreshed.map((i) => i.key) })).status).toBe(302);
    const done = await post(handoverRoute.action, "table_coordinator", "/handover", { intent: "transfer", handoverId: open.id });
    expect(done).toMatchObject({ status: 302, location: "/?handover=done" });
    const active = async (personId: string) =>
      (await handle.db.select({ role: roleAssignment.role }).from(roleAssignment).where(and(eq(roleAssignment.personId, personId), isNull(roleAssignment.revokedAt)))).map((r) => r.role);
    expect(await active(successor.personId)).toEqual(expect.arrayContaining(["table_coordinator", "table_member"]));
    expect(await active(outgoing.personId)).not.toContain("table_coordinator");
    const actions = await auditActions();
    expect(actions).toEqual(expect.arrayContaining(["handover.started", "handover.checklist_updated", "role.granted", "role.revoked", "handover.transferred"]));
    const mails = await emailsTo(successor.email);
    expect(mails.at(-1)!.text_body).toContain("/mfa/setup");
    // The outgoing coordinator no longer reaches the page; the successor does and sees the history.
    cookies.delete("table_coordinator");
    expect((await get(handoverRoute.loader, "table_coordinator", "/handover")).status).toBe(404);
    cookies.delete("table_member");
    // The role requires a second factor: the successor is first sent to set it up.
    expect(await get(handoverRoute.loader, "table_member", "/handover")).toMatchObject({ status: 302, location: "/mfa/setup" });
    await handle.db.update(account).set({ mfaEnabledAt: new Date() }).where(eq(account.id, successor.accountId!));
    const successorView = await get(handoverRoute.loader, "table_member", "/handover");
    expect(successorView.status).toBe(200);
    expect((successorView.data as { history: { status: string }[]; open: unknown }).history.map((h) => h.status)).toEqual(["transferred"]);
  });
});
