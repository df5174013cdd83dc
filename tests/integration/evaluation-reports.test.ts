import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { DatabaseHandle } from "../../app/modules/db/client.server.ts";
import { auditEvent } from "../../app/modules/audit/tables.ts";
import { emailMessage } from "../../app/modules/email/tables.ts";
import { actionPlan, actionPlanAction, actionPlanActionOrganization, actionPlanObjective } from "../../app/modules/action-plan/tables.ts";
import { meeting, meetingDecision } from "../../app/modules/meetings/tables.ts";
import { evaluationRecommendation } from "../../app/modules/evaluation-reports/tables.ts";
import { EVALUATION_REMINDERS_JOB, sendEvaluationReminders } from "../../app/modules/evaluation-reports/reminders.server.ts";
import { SUBMISSION_KEY_FIELD } from "../../app/modules/forms/submission-field.ts";
import { jobHandlers, recurringJobs } from "../../server/jobs.ts";
import * as newReport from "../../app/routes/evaluation/reports.new.tsx";
import * as reportPage from "../../app/routes/evaluation/reports.$reportId.tsx";
import * as recPage from "../../app/routes/evaluation/recommendations.$recommendationId.tsx";
import * as listPage from "../../app/routes/evaluation/reports.tsx";
import * as pdfRoute from "../../app/routes/evaluation/reports.$reportId.pdf.tsx";
import { storeFile } from "../../app/modules/files/stored-files.server.ts";
import { createTestDatabase, testContext } from "../support/test-db.ts";
import { callRoute, createAuthzDataset, signIn, type AuthzDataset } from "../support/fixtures.ts";

let handle: DatabaseHandle;
let ds: AuthzDataset;
const cookies: Record<"evaluator" | "coordinator" | "member" | "otherTable", string> = { evaluator: "", coordinator: "", member: "", otherTable: "" };
const ids = { decision: "", action: "", actionB: "", report: "", rec: "" };

async function plan(partnershipId: string, endsOn: string) {
  const [p] = await handle.db.insert(actionPlan).values({ partnershipId, year: 2026, title: "Plan" }).returning();
  const [o] = await handle.db.insert(actionPlanObjective).values({ partnershipId, planId: p!.id, title: "Objectif" }).returning();
  const [a] = await handle.db.insert(actionPlanAction).values({ partnershipId, planId: p!.id, objectiveId: o!.id, title: "Réseau de communication des pivots", status: "in_progress", progress: 60, endsOn }).returning();
  return a!.id;
}

const ctx = () => testContext(handle.db);
const post = (mod: { action?: unknown }, url: string, params: Record<string, string>, who: keyof typeof cookies, body: Record<string, string>) =>
  callRoute(mod.action as never, { url, params, cookie: cookies[who], method: "POST", body, context: ctx() });
const get = (mod: { loader?: unknown }, url: string, params: Record<string, string>, who: keyof typeof cookies) => callRoute(mod.loader as never, { url, params, cookie: cookies[who], context: ctx() });
const recUrl = () => `/evaluation/recommendations/${ids.rec}`;
const recParams = () => ({ recommendationId: ids.rec });
const version = async () => String((await handle.db.select({ v: evaluationRecommendation.version }).from(evaluationRecommendation).where(eq(evaluationRecommendation.id, ids.rec)))[0]!.v);
type RecData = { rec: { summary: { status: string; progress: number | null; overdue: boolean; verification: string | null }; history: { kind: string; who: string | null }[] } };

beforeAll(async () => {
  handle = await createTestDatabase();
  ds = await createAuthzDataset(handle.db);
  cookies.evaluator = await signIn(handle.db, ds.people.evaluator.accountId!);
  cookies.coordinator = await signIn(handle.db, ds.people.table_coordinator.accountId!);
  cookies.member = await signIn(handle.db, ds.people.table_member.accountId!);
  cookies.otherTable = await signIn(handle.db, ds.tableBCoordinator.accountId!);
  const [m] = await handle.db.insert(meeting).values({ partnershipId: ds.tableA, kind: "table", title: "Table de décembre", startsAt: new Date("2026-12-01T14:00:00Z"), endsAt: new Date("2026-12-01T16:00:00Z"), status: "closed" }).returning();
  ids.decision = (await handle.db.insert(meetingDecision).values({ partnershipId: ds.tableA, meetingId: m!.id, text: "Accepter la recommandation" }).returning())[0]!.id;
  ids.action = await plan(ds.tableA, "2026-11-15");
  await handle.db.insert(actionPlanActionOrganization).values({ partnershipId: ds.tableA, actionId: ids.action, organizationId: ds.org1 });
  ids.actionB = await plan(ds.tableB, "2027-06-30");
}, 120_000);
afterAll(async () => {
  await handle?.close();
});

describe("an evaluation recommendation, through the pages", () => {
  it("the evaluator files a report and a numbered recommendation; another Table reads 404", async () => {
    const filed = await post(newReport, "/evaluation/reports/new", {}, "evaluator", { [SUBMISSION_KEY_FIELD]: randomUUID(), title: "Rapport d'étape", evaluatorName: "François Lemieux", institution: "UQTR", reportOn: "2026-10-01", kind: "interim", responseDueOn: "" });
    expect(filed.status).toBe(302);
    ids.report = filed.location!.match(/reports\/([0-9a-f-]{36})/)![1]!;
    // The coordinator does not file reports.
    expect((await post(newReport, "/evaluation/reports/new", {}, "coordinator", { [SUBMISSION_KEY_FIELD]: randomUUID(), title: "x", evaluatorName: "x", reportOn: "2026-10-01", kind: "interim" })).status).toBe(404);
    const added = await post(reportPage, `/evaluation/reports/${ids.report}`, { reportId: ids.report }, "evaluator", { intent: "recommendation", [SUBMISSION_KEY_FIELD]: randomUUID(), text: "Concrétiser un réseau de communication entre les pivots", addressee: "pivots", priority: "high" });
    expect(added.status).toBe(302);
    ids.rec = added.location!.match(/recommendations\/([0-9a-f-]{36})/)![1]!;
    expect((await get(reportPage, `/evaluation/reports/${ids.report}`, { reportId: ids.report }, "otherTable")).status).toBe(404);
    expect((await get(recPage, recUrl(), recParams(), "otherTable")).status).toBe(404);
  });

  it("the response needs its rationale and a decision; a stale one answers 409", async () => {
    const v = await version();
    const noRationale = await post(recPage, recUrl(), recParams(), "coordinator", { intent: "respond", response: "agree", rationale: "", decisionId: ids.decision, version: v });
    expect(noRationale.status).toBe(400);
    expect((noRationale.data as { errors: Record<string, string[]> }).errors.rationale).toEqual(["form.required"]);
    // A Table member reads but does not answer.
    expect((await post(recPage, recUrl(), recParams(), "member", { intent: "respond", response: "agree", rationale: "Oui", decisionId: ids.decision, version: v })).status).toBe(404);
    expect((await post(recPage, recUrl(), recParams(), "coordinator", { intent: "respond", response: "agree", rationale: "Adopté à la Table", decisionId: ids.decision, version: v })).status).toBe(302);
    expect((await post(recPage, recUrl(), recParams(), "coordinator", { intent: "respond", response: "disagree", rationale: "Finalement non", decisionId: ids.decision, version: v })).status).toBe(409);
  });

  it("links only the Table's own actions (another Table's = 404); the progress rolls up and the late action flags it", async () => {
    expect((await post(recPage, recUrl(), recParams(), "coordinator", { intent: "link", target: `action:${ids.actionB}`, version: await version() })).status).toBe(404);
    expect((await post(recPage, recUrl(), recParams(), "coordinator", { intent: "link", target: `action:${ids.action}`, version: await version() })).status).toBe(302);
    const page = (await get(recPage, recUrl(), recParams(), "member")).data as RecData;
    expect(page.rec.summary).toMatchObject({ status: "open", progress: 60, overdue: true });
  });

  it("the coordinator cannot verify (404, nothing written); the evaluator verifies with evidence; the coordinator reopens", async () => {
    const v = await version();
    expect((await post(recPage, recUrl(), recParams(), "coordinator", { intent: "verify", verification: "implemented", evidence: "Liste active", version: v })).status).toBe(404);
    expect(await version()).toBe(v);
    expect((await post(recPage, recUrl(), recParams(), "evaluator", { intent: "verify", verification: "implemented", evidence: "", version: v })).status).toBe(400);
    expect((await post(recPage, recUrl(), recParams(), "evaluator", { intent: "verify", verification: "implemented", evidence: "Liste de diffusion active", version: v })).status).toBe(302);
    let page = (await get(recPage, recUrl(), recParams(), "member")).data as RecData;
    expect(page.rec.summary).toMatchObject({ status: "verified", verification: "implemented", overdue: false });
    const rates = (await get(listPage, "/evaluation/reports", {}, "member")).data as { rates: { overall: { acceptance: number; implementation: number }; byOrganization: { organizationId: string }[] } };
    expect(rates.rates.overall).toMatchObject({ acceptance: 1, implementation: 1 });
    expect(rates.rates.byOrganization.map((o) => o.organizationId)).toEqual([ds.org1]);
    expect((await post(recPage, recUrl(), recParams(), "coordinator", { intent: "reopen", reason: "", version: await version() })).status).toBe(400);
    expect((await post(recPage, recUrl(), recParams(), "coordinator", { intent: "reopen", reason: "La liste n'est plus utilisée", version: await version() })).status).toBe(302);
    page = (await get(recPage, recUrl(), recParams(), "member")).data as RecData;
    expect(page.rec.summary.status).toBe("open");
    expect(page.rec.history.map((h) => h.kind)).toEqual(["created", "responded", "linked", "verified", "reopened"]);
    const audited = await handle.db.select({ action: auditEvent.action }).from(auditEvent).where(and(eq(auditEvent.targetType, "evaluation_recommendation"), eq(auditEvent.targetId, ids.rec)));
    expect(audited.map((a) => a.action)).toEqual(expect.arrayContaining(["evaluation_recommendation.created", "evaluation_recommendation.responded", "evaluation_recommendation.linked", "evaluation_recommendation.verified", "evaluation_recommendation.reopened"]));
  });
});

describe("the report's PDF", () => {
  it("is served to the Table's readers only", async () => {
    const bytes = new TextEncoder().encode("%PDF-1.4\n%%EOF\n");
    await storeFile(handle.db, { partnershipId: ds.tableA, ownerType: "evaluation_report", ownerId: ids.report }, { fileName: "rapport.pdf", mediaType: "application/pdf", bytes }, null);
    const params = { reportId: ids.report };
    expect((await get(pdfRoute, `/evaluation/reports/${ids.report}/pdf`, params, "member")).status).toBe(200);
    expect((await get(pdfRoute, `/evaluation/reports/${ids.report}/pdf`, params, "otherTable")).status).toBe(404);
    const list = (await get(listPage, "/evaluation/reports", {}, "member")).data as { reports: { pdf: { fileName: string } | null }[] };
    expect(list.reports[0]!.pdf?.fileName).toBe("rapport.pdf");
  });
});

describe("evaluation reminders", () => {
  it("is a registered daily job", () => {
    expect(jobHandlers[EVALUATION_REMINDERS_JOB]).toBeTypeOf("function");
    expect(recurringJobs.find((j) => j.name === EVALUATION_REMINDERS_JOB)?.schedule).toMatch(/^every day at /);
  });

  it("emails the coordinators a link once per item and threshold: a response due soon, then overdue, a late key action", async () => {
    const [second] = await handle.db.insert(evaluationRecommendation).values({ partnershipId: ds.tableA, reportId: ids.report, number: 2, text: "Mettre en commun les activités", addressee: "pivots", priority: "medium" }).returning();
    const run = (d: string) => sendEvaluationReminders(handle.db, { now: new Date(`${d}T13:00:00Z`), publicUrl: "https://filet.example.org" });
    // Report of 2026-10-01: responses due 2026-10-29; the linked action ended 2026-11-15.
    expect(await run("2026-10-24")).toEqual({ response_due_soon: 1, response_overdue: 0, action_overdue: 0 });
    expect(await run("2026-10-25")).toEqual({ response_due_soon: 0, response_overdue: 0, action_overdue: 0 });
    expect(await run("2026-11-20")).toEqual({ response_due_soon: 0, response_overdue: 1, action_overdue: 1 });
    expect(await run("2026-11-21")).toEqual({ response_due_soon: 0, response_overdue: 0, action_overdue: 0 });
    const mails = await handle.db.select().from(emailMessage);
    expect(new Set(mails.map((m) => m.toAddress))).toEqual(new Set([ds.people.table_coordinator.email]));
    expect(mails.some((m) => m.textBody.includes(`/evaluation/recommendations/${second!.id}`))).toBe(true);
    // A link, no content.
    expect(mails.some((m) => m.textBody.includes("Mettre en commun") || m.textBody.includes("Concrétiser"))).toBe(false);
  });
});
