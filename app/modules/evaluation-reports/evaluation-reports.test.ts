import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { DatabaseHandle } from "../db/client.server.ts";
import { systemActor } from "../audit/record-audit-event.server.ts";
import { auditEvent } from "../audit/tables.ts";
import { actionPlan, actionPlanAction, actionPlanActionOrganization, actionPlanObjective } from "../action-plan/tables.ts";
import { meeting, meetingDecision } from "../meetings/tables.ts";
import { responsibility } from "../meetings/responsibilities/tables.ts";
import { createTestDatabase } from "../../../tests/support/test-db.ts";
import { createOrganization, createPartnership, createPerson } from "../../../tests/support/fixtures.ts";
import { addFinding, addRecommendation, createReport, removeFinding, updateRecommendation } from "./create-report.server.ts";
import { attachReportPdf, downloadReportPdf } from "./report-pdf.server.ts";
import { recordResponse } from "./record-response.server.ts";
import { linkKeyAction, unlinkKeyAction } from "./link-key-action.server.ts";
import { verifyRecommendation } from "./verify-recommendation.server.ts";
import { reopenRecommendation } from "./reopen-recommendation.server.ts";
import { getRecommendation, getReport, listReports } from "./list-reports.server.ts";
import { recommendationRates } from "./recommendation-rates.server.ts";
import { keyActionProgress, rollUp } from "./progress.ts";

let handle: DatabaseHandle;
const TODAY = "2026-12-03";
let tableA = "";
let tableB = "";
let orgA = "";
const ids = { evaluator: "", coordinator: "", action: "", lateAction: "", responsibility: "", decision: "", decisionB: "", actionB: "" };
const actor = () => systemActor("test", tableA);
const evaluator = () => ({ partnershipId: tableA, personId: ids.evaluator });
const coordinator = () => ({ partnershipId: tableA, personId: ids.coordinator });

async function planWithActions(partnershipId: string) {
  const [plan] = await handle.db.insert(actionPlan).values({ partnershipId, year: 2026, title: "Plan 2026" }).returning();
  const [objective] = await handle.db.insert(actionPlanObjective).values({ partnershipId, planId: plan!.id, title: "Objectif" }).returning();
  const [a] = await handle.db.insert(actionPlanAction).values({ partnershipId, planId: plan!.id, objectiveId: objective!.id, title: "Réseau des pivots", status: "in_progress", progress: 40, endsOn: "2027-06-30" }).returning();
  const [late] = await handle.db.insert(actionPlanAction).values({ partnershipId, planId: plan!.id, objectiveId: objective!.id, title: "Bilan commun", status: "in_progress", progress: 20, endsOn: "2026-11-01" }).returning();
  return { action: a!.id, late: late!.id };
}

async function decisionOf(partnershipId: string) {
  const [m] = await handle.db.insert(meeting).values({ partnershipId, kind: "table", title: "Table du 1er décembre", startsAt: new Date("2026-12-01T14:00:00Z"), endsAt: new Date("2026-12-01T16:00:00Z"), status: "closed" }).returning();
  const [d] = await handle.db.insert(meetingDecision).values({ partnershipId, meetingId: m!.id, text: "La Table accepte la recommandation." }).returning();
  return d!.id;
}

beforeAll(async () => {
  handle = await createTestDatabase();
  tableA = await createPartnership(handle.db);
  tableB = await createPartnership(handle.db);
  orgA = await createOrganization(handle.db, tableA);
  ids.evaluator = (await createPerson(handle.db, { partnershipId: tableA, givenName: "François", familyName: "Lemieux", roles: [{ role: "evaluator" }] })).personId;
  ids.coordinator = (await createPerson(handle.db, { partnershipId: tableA, givenName: "Claire", familyName: "Coordination", roles: [{ role: "table_coordinator" }] })).personId;
  const a = await planWithActions(tableA);
  ids.action = a.action;
  ids.lateAction = a.late;
  await handle.db.insert(actionPlanActionOrganization).values({ partnershipId: tableA, actionId: a.action, organizationId: orgA });
  ids.actionB = (await planWithActions(tableB)).action;
  const [r] = await handle.db.insert(responsibility).values({ partnershipId: tableA, what: "Compte rendu des pivots", ownerOrganizationId: orgA, dueOn: "2027-01-15", status: "done" }).returning();
  ids.responsibility = r!.id;
  ids.decision = await decisionOf(tableA);
  ids.decisionB = await decisionOf(tableB);
}, 120_000);
afterAll(async () => {
  await handle?.close();
});

describe("progress roll-up (plain)", () => {
  it("averages the key actions: an action by its progress, a responsibility done = 100, dropped ones leave the mean", () => {
    expect(keyActionProgress({ kind: "action", status: "done", progress: 30, endsOn: null })).toBe(100);
    expect(keyActionProgress({ kind: "responsibility", status: "in_progress", dueOn: TODAY })).toBe(50);
    expect(rollUp([])).toBeNull();
    expect(rollUp([{ kind: "action", status: "in_progress", progress: 40, endsOn: null }, { kind: "responsibility", status: "done", dueOn: TODAY }, { kind: "responsibility", status: "dropped", dueOn: TODAY }])).toBe(70);
  });
});

describe("a recommendation from filing to verification", () => {
  let reportId = "";
  let recId = "";
  let version = 1;

  it("files a report with findings in order and numbered recommendations; the response is due four weeks after", async () => {
    const report = await createReport(handle.db, actor(), evaluator(), { title: "Rapport d'étape 2026", evaluatorName: "François Lemieux", institution: "UQTR", reportOn: "2026-10-01", kind: "interim", responseDueOn: null });
    reportId = report.value;
    await addFinding(handle.db, actor(), evaluator(), reportId, "Engagement des partenaires");
    await addFinding(handle.db, actor(), evaluator(), reportId, "Leadership de la coordination");
    const first = await addRecommendation(handle.db, actor(), evaluator(), reportId, { text: "Concrétiser un réseau de communication entre les pivots", addressee: "pivots", priority: "high" });
    await addRecommendation(handle.db, actor(), evaluator(), reportId, { text: "Mettre en commun les activités", addressee: "partners", priority: "medium" });
    if (first.kind !== "ok") throw new Error("not created");
    recId = first.value;
    const page = await getReport(handle.db, tableA, reportId, TODAY);
    expect(page!.report.responseDueOn).toBe("2026-10-29");
    expect(page!.findings.map((f) => f.text)).toEqual(["Engagement des partenaires", "Leadership de la coordination"]);
    expect(page!.recommendations.map((r) => [r.number, r.status, r.responseLate])).toEqual([
      [1, "awaiting_response", true],
      [2, "awaiting_response", true],
    ]);
    expect(await getReport(handle.db, tableB, reportId, TODAY)).toBeNull();
  });

  it("takes a finding back once; another Table's evaluator cannot", async () => {
    const extra = await addFinding(handle.db, actor(), evaluator(), reportId, "Constat saisi deux fois");
    if (extra.kind !== "ok") throw new Error("not added");
    expect((await removeFinding(handle.db, actor(), { partnershipId: tableB, personId: null }, reportId, extra.value)).kind).toBe("not_found");
    expect((await removeFinding(handle.db, actor(), evaluator(), reportId, extra.value)).kind).toBe("ok");
    expect((await removeFinding(handle.db, actor(), evaluator(), reportId, extra.value)).kind).toBe("not_found");
    const page = await getReport(handle.db, tableA, reportId, TODAY);
    expect(page!.findings.map((f) => f.text)).toEqual(["Engagement des partenaires", "Leadership de la coordination"]);
  });

  it("attaches a PDF after filing, replaces it on a current version only, and audits each download", async () => {
    const pdf = (text: string) => ({ fileName: `${text}.pdf`, mediaType: "application/pdf" as const, bytes: new TextEncoder().encode(`%PDF-1.4\n% ${text}\n%%EOF\n`) });
    const current = async () => (await getReport(handle.db, tableA, reportId, TODAY))!.report.version;
    const v = await current();
    expect((await attachReportPdf(handle.db, actor(), { partnershipId: tableB, personId: null }, reportId, v, pdf("autre"))).kind).toBe("not_found");
    expect((await attachReportPdf(handle.db, actor(), evaluator(), reportId, v, pdf("premier"))).kind).toBe("ok");
    expect((await attachReportPdf(handle.db, actor(), evaluator(), reportId, v, pdf("perdu"))).kind).toBe("conflict");
    expect((await attachReportPdf(handle.db, actor(), evaluator(), reportId, await current(), pdf("corrige"))).kind).toBe("ok");
    expect(await downloadReportPdf(handle.db, actor(), tableB, reportId)).toBeNull();
    const file = await downloadReportPdf(handle.db, actor(), tableA, reportId);
    expect(file?.fileName).toBe("corrige.pdf");
    expect((await getReport(handle.db, tableA, reportId, TODAY))!.pdf?.fileName).toBe("corrige.pdf");
    const audited = await handle.db.select({ action: auditEvent.action, details: auditEvent.details }).from(auditEvent).where(and(eq(auditEvent.targetType, "evaluation_report"), eq(auditEvent.targetId, reportId))).orderBy(auditEvent.id);
    expect(audited.filter((a) => a.action === "evaluation_report.pdf_attached").map((a) => (a.details as { replaced: boolean }).replaced)).toEqual([false, true]);
    expect(audited.filter((a) => a.action === "evaluation_report.pdf_downloaded")).toHaveLength(1);
  });

  it("an edit with a stale version changes nothing", async () => {
    expect((await updateRecommendation(handle.db, actor(), evaluator(), recId, version, { text: "Concrétiser un réseau de communication entre les pivots (écoles, CSSS, police)", addressee: "pivots", priority: "high" })).kind).toBe("ok");
    version++;
    expect((await updateRecommendation(handle.db, actor(), evaluator(), recId, 1, { text: "Autre", addressee: "table", priority: "low" })).kind).toBe("conflict");
  });

  it("records the response only after a decision of the same Table, and refuses a stale one", async () => {
    const answer = { response: "agree" as const, rationale: "Adopté à la Table de décembre", decisionId: ids.decisionB, version };
    expect(await recordResponse(handle.db, actor(), coordinator(), recId, answer)).toMatchObject({ kind: "invalid", errors: { decisionId: ["evalReports.form.decisionRequired"] } });
    expect((await recordResponse(handle.db, actor(), coordinator(), recId, { ...answer, decisionId: ids.decision, version: 1 })).kind).toBe("conflict");
    expect((await recordResponse(handle.db, actor(), coordinator(), recId, { ...answer, decisionId: ids.decision })).kind).toBe("ok");
    version++;
    expect((await recordResponse(handle.db, actor(), { partnershipId: tableB, personId: null }, recId, { ...answer, decisionId: ids.decisionB, version })).kind).toBe("not_found");
  });

  it("links the Table's own action and responsibility (another Table's = not found); the progress rolls up and a late action flags it", async () => {
    expect((await linkKeyAction(handle.db, actor(), coordinator(), recId, { target: { kind: "action", id: ids.actionB }, version })).kind).toBe("not_found");
    expect((await linkKeyAction(handle.db, actor(), coordinator(), recId, { target: { kind: "action", id: ids.action }, version })).kind).toBe("ok");
    version++;
    expect((await linkKeyAction(handle.db, actor(), coordinator(), recId, { target: { kind: "responsibility", id: ids.responsibility }, version })).kind).toBe("ok");
    version++;
    let rec = await getRecommendation(handle.db, tableA, recId, TODAY);
    expect(rec!.summary).toMatchObject({ status: "open", progress: 70, overdue: false, keyActionCount: 2 });
    expect(await linkKeyAction(handle.db, actor(), coordinator(), recId, { target: { kind: "action", id: ids.action }, version })).toMatchObject({ kind: "invalid" });
    expect((await linkKeyAction(handle.db, actor(), coordinator(), recId, { target: { kind: "action", id: ids.lateAction }, version })).kind).toBe("ok");
    version++;
    rec = await getRecommendation(handle.db, tableA, recId, TODAY);
    expect(rec!.summary).toMatchObject({ progress: 53, overdue: true });
    const late = rec!.keyActions.find((k) => k.targetId === ids.lateAction)!;
    expect((await unlinkKeyAction(handle.db, actor(), coordinator(), recId, { keyActionId: late.linkId, version })).kind).toBe("ok");
    version++;
    expect((await getRecommendation(handle.db, tableA, recId, TODAY))!.summary.overdue).toBe(false);
  });

  it("verification needs evidence-backed closure once; reopening needs it verified, and keeps the reason", async () => {
    expect((await reopenRecommendation(handle.db, actor(), coordinator(), recId, { reason: "Rien à rouvrir", version })).kind).toBe("invalid");
    expect((await verifyRecommendation(handle.db, actor(), evaluator(), recId, { verification: "implemented", evidence: "Liste de diffusion active", version: version - 1 })).kind).toBe("conflict");
    expect((await verifyRecommendation(handle.db, actor(), evaluator(), recId, { verification: "implemented", evidence: "Liste de diffusion active", version })).kind).toBe("ok");
    version++;
    expect((await recordResponse(handle.db, actor(), coordinator(), recId, { response: "disagree", rationale: "x", decisionId: ids.decision, version })).kind).toBe("invalid");
    let rates = await recommendationRates(handle.db, tableA, TODAY);
    expect(rates.overall).toMatchObject({ total: 2, responded: 1, acceptance: 1, verified: 1, implementation: 1, open: 1 });
    expect(rates.byOrganization.map((o) => [o.organizationId, o.rates.total, o.rates.implemented])).toEqual([[orgA, 1, 1]]);
    expect((await reopenRecommendation(handle.db, actor(), coordinator(), recId, { reason: "La liste n'est plus utilisée", version })).kind).toBe("ok");
    rates = await recommendationRates(handle.db, tableA, TODAY);
    expect(rates.overall).toMatchObject({ verified: 0, implementation: null, open: 2 });
  });

  it("keeps the full history with who acted, and audits every change in the same transaction", async () => {
    const rec = await getRecommendation(handle.db, tableA, recId, TODAY);
    expect(rec!.history.map((h) => `${h.kind} ${h.who}`)).toEqual([
      "created François Lemieux",
      "edited François Lemieux",
      "responded Claire Coordination",
      "linked Claire Coordination",
      "linked Claire Coordination",
      "linked Claire Coordination",
      "unlinked Claire Coordination",
      "verified François Lemieux",
      "reopened Claire Coordination",
    ]);
    expect(rec!.history.at(-1)!.details).toMatchObject({ from: "implemented", note: "La liste n'est plus utilisée" });
    const audited = await handle.db.select({ action: auditEvent.action, details: auditEvent.details }).from(auditEvent).where(and(eq(auditEvent.targetType, "evaluation_recommendation"), eq(auditEvent.targetId, recId)));
    expect(audited.map((a) => a.action)).toContain("evaluation_recommendation.verified");
    expect(audited).toHaveLength(9);
    // The audit log keeps what kind of change, not the free text.
    expect(JSON.stringify(audited)).not.toContain("liste");
    const list = await listReports(handle.db, tableA, TODAY);
    expect(list.map((r) => [r.title, r.recommendationCount])).toEqual([["Rapport d'étape 2026", 2]]);
    expect(await listReports(handle.db, tableB, TODAY)).toEqual([]);
  });
});
