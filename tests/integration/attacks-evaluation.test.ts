import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { SUBMISSION_KEY_FIELD } from "../../app/modules/forms/submission-field.ts";
import { eq, sql } from "drizzle-orm";
import type { DatabaseHandle } from "../../app/modules/db/client.server.ts";
import { rowsOf } from "../../app/modules/db/rows.ts";
import { storeFile } from "../../app/modules/files/stored-files.server.ts";
import { storedFile } from "../../app/modules/files/tables.ts";
import { trainerProfile, trainingProgram, trainingRegistration, trainingSession } from "../../app/modules/training/tables.ts";
import { defaultEvaluation, defaultObservationGrid } from "../../app/modules/training-evaluation/default-questionnaires.ts";
import { sessionFileOwner } from "../../app/modules/training-evaluation/session-materials.server.ts";
import { trainingCertificate, trainingEvaluationResponse, trainingObservation, trainingQuestionnaire } from "../../app/modules/training-evaluation/tables.ts";
import type { Results } from "../../app/modules/training-evaluation/evaluation-results.server.ts";
import * as evaluationRoute from "../../app/routes/training/sessions.$sessionId.evaluation.tsx";
import * as sessionResultsRoute from "../../app/routes/training/sessions.$sessionId.results.tsx";
import * as resultsRoute from "../../app/routes/training/results.tsx";
import * as observationRoute from "../../app/routes/training/sessions.$sessionId.observation.tsx";
import * as questionnaireRoute from "../../app/routes/training/questionnaires.$kind.tsx";
import * as spaceRoute from "../../app/routes/training/sessions.$sessionId.space.tsx";
import * as documentRoute from "../../app/routes/training/sessions.$sessionId.documents.$fileId.tsx";
import * as certificateRoute from "../../app/routes/training/sessions.$sessionId.certificate.tsx";
import * as certificatesRoute from "../../app/routes/training/certificates.tsx";
import * as verifyRoute from "../../app/routes/training/certificates.verify.tsx";
import * as statsRoute from "../../app/routes/training/stats.tsx";
import * as mineRoute from "../../app/routes/training/mine.tsx";
import * as tableRoute from "../../app/routes/table/_index.tsx";
import { createTestDatabase, testContext } from "../support/test-db.ts";
import { callRoute, createAuthzDataset, createPerson, signIn, type AuthzDataset, type FixturePerson, type RouteOutcome } from "../support/fixtures.ts";

/*
 * An attacker's review of the training evaluation: the anonymous questionnaire and its results,
 * the observation grid, the session space and its documents, certificates and their public
 * verification, and the /table hub. The attacker is a participant, a trainer or an observer of
 * another session, a member of Table B, or anonymous; they also try to tie an anonymous answer
 * to its author.
 */

let handle: DatabaseHandle;
let ds: AuthzDataset;
const cookies = new Map<string, string>();
const ctx = () => testContext(handle.db);
const MISSING = "00000000-0000-4000-8000-000000000000";
const notFoundBody = { status: 404, location: null, data: { message: "not_found" } };
const strip = (o: RouteOutcome) => ({ status: o.status, location: o.location, data: o.data });
const tinyPdf = new TextEncoder().encode("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

const w: Record<string, FixturePerson> = {};
let trainerOrg1: FixturePerson;
let otherObserver: FixturePerson;
let workerB: FixturePerson;
let coordinatorB: FixturePerson;
let programA: string;
let sessionA: string; // given; trainers ds.people.trainer + trainerOrg1; observer ds.people.observer; w1..w4 (+ w5 waitlisted)
let sessionA2: string; // given, same program; one lone participant (lone)
let sessionA3: string; // given, observed by otherObserver, no trainer in common
let sessionB: string; // Table B, given; workerB
let fileB: string; // a document of session B
let fileA3: string; // a document of session A3

const inB = (who: FixturePerson) => who === coordinatorB || who === workerB;
const cookieOf = async (who: FixturePerson) => {
  if (!cookies.has(who.email)) cookies.set(who.email, await signIn(handle.db, who.accountId!, { activePartnershipId: inB(who) ? ds.tableB : ds.tableA }));
  return cookies.get(who.email)!;
};
type Fn = Parameters<typeof callRoute>[0];
const get = async (fn: Fn, who: FixturePerson | null, url: string, params: Record<string, string> = {}) =>
  callRoute(fn, { url, params, cookie: who ? await cookieOf(who) : null, context: ctx() });
const post = async (fn: Fn, who: FixturePerson, url: string, body: Record<string, string>, params: Record<string, string> = {}) =>
  callRoute(fn, { url, params, cookie: await cookieOf(who), method: "POST", body, context: ctx() });

async function postMultipart(fn: (args: never) => unknown, who: FixturePerson, url: string, form: FormData, params: Record<string, string>): Promise<RouteOutcome> {
  const request = new Request(new URL(url, "http://localhost:3000"), { method: "POST", headers: { cookie: await cookieOf(who) }, body: form });
  const settle = (value: unknown): RouteOutcome => {
    if (value instanceof Response) return { status: value.status, location: value.headers.get("location"), data: null };
    const d = value as { type?: string; data: unknown; init: { status?: number } | null };
    if (d && typeof d === "object" && d.type === "DataWithResponseInit") return { status: d.init?.status ?? 200, location: null, data: d.data };
    return { status: 200, location: null, data: value };
  };
  try {
    return settle(await fn({ request, params, context: ctx(), url: new URL(request.url), pattern: "" } as never));
  } catch (thrown) {
    if (!(thrown instanceof Response) && (thrown as { type?: string })?.type !== "DataWithResponseInit") throw thrown;
    return settle(thrown);
  }
}

/** Complete answers to the default evaluation, with a chosen scale value and comment, as the page sends them (with a fresh submission key). */
function answers(scale: string, comment: string): Record<string, string> {
  const form: Record<string, string> = { [SUBMISSION_KEY_FIELD]: randomUUID() };
  for (const q of defaultEvaluation) form[`a_${q.key}`] = q.kind === "scale" ? scale : q.kind === "yesno" ? (q.correct ?? "yes") : comment;
  return form;
}
const evalUrl = (id: string) => `/training/sessions/${id}/evaluation`;
const answer = (who: FixturePerson, sessionId: string, form: Record<string, string>) => post(evaluationRoute.action, who, evalUrl(sessionId), form, { sessionId });

async function newSession(partnershipId: string, programId: string, fields: Partial<typeof trainingSession.$inferInsert> = {}) {
  const [row] = await handle.db
    .insert(trainingSession)
    .values({ partnershipId, programId, dates: ["2025-05-13", "2025-05-14"], place: "Salle", status: "given", ...fields })
    .returning({ id: trainingSession.id });
  return row!.id;
}
async function register(partnershipId: string, sessionId: string, who: FixturePerson, status: "registered" | "waitlisted" | "cancelled" = "registered", completed = true) {
  await handle.db.insert(trainingRegistration).values({ partnershipId, sessionId, personId: who.personId, status, completedAt: completed ? new Date("2025-05-14T20:00:00Z") : null });
}

beforeAll(async () => {
  handle = await createTestDatabase();
  const db = handle.db;
  ds = await createAuthzDataset(db);
  coordinatorB = ds.tableBCoordinator;
  trainerOrg1 = await createPerson(db, { partnershipId: ds.tableA, organizationId: ds.org1, email: "trainer-org1@a.filet.test", roles: [{ role: "trainer" }] });
  otherObserver = await createPerson(db, { partnershipId: ds.tableA, organizationId: ds.org1, email: "observer2@a.filet.test", roles: [{ role: "observer" }] });
  workerB = await createPerson(db, { partnershipId: ds.tableB, organizationId: ds.orgB, email: "worker@b.filet.test", roles: [{ role: "worker" }] });
  for (const k of ["w1", "w2", "w3", "w4", "w5", "lone"]) {
    w[k] = await createPerson(db, { partnershipId: ds.tableA, organizationId: ds.org1, email: `${k}@a.filet.test`, givenName: `Nom-${k}`, familyName: "Secret", roles: [{ role: "worker" }] });
  }
  for (const t of [ds.tableA, ds.tableB]) {
    await db.insert(trainingQuestionnaire).values([
      { partnershipId: t, kind: "evaluation", version: 1, questions: defaultEvaluation },
      { partnershipId: t, kind: "observation", version: 1, questions: defaultObservationGrid },
    ]);
  }
  const [pa] = await db.insert(trainingProgram).values({ partnershipId: ds.tableA, slug: "base", nameFr: "Base", nameEn: "Basic" }).returning();
  const [pb] = await db.insert(trainingProgram).values({ partnershipId: ds.tableB, slug: "base", nameFr: "Base", nameEn: "Basic" }).returning();
  programA = pa!.id;
  const [t1] = await db.insert(trainerProfile).values({ partnershipId: ds.tableA, personId: ds.people.trainer.personId, organizationId: ds.org2 }).returning();
  const [t2] = await db.insert(trainerProfile).values({ partnershipId: ds.tableA, personId: trainerOrg1.personId, organizationId: ds.org1 }).returning();
  sessionA = await newSession(ds.tableA, programA, { trainerAId: t1!.id, trainerBId: t2!.id, observerPersonId: ds.people.observer.personId });
  sessionA2 = await newSession(ds.tableA, programA, { dates: ["2025-06-01", "2025-06-02"] });
  sessionA3 = await newSession(ds.tableA, programA, { dates: ["2025-07-01", "2025-07-02"], observerPersonId: otherObserver.personId });
  sessionB = await newSession(ds.tableB, pb!.id);
  for (const k of ["w1", "w2", "w3"]) await register(ds.tableA, sessionA, w[k]!);
  await register(ds.tableA, sessionA, w.w4!, "registered", false);
  await register(ds.tableA, sessionA, w.w5!, "waitlisted");
  await register(ds.tableA, sessionA2, w.lone!);
  await register(ds.tableB, sessionB, workerB);
  const upload = { fileName: "support.pdf", mediaType: "application/pdf" as const, bytes: tinyPdf };
  fileB = (await storeFile(db, sessionFileOwner(ds.tableB, sessionB), upload, null)).id;
  fileA3 = (await storeFile(db, sessionFileOwner(ds.tableA, sessionA3), upload, null)).id;
});
afterAll(async () => {
  await handle?.close();
});

describe("the anonymous evaluation", () => {
  it("only the session's seated participants answer; other sessions, Tables, waitlisted people and trainers read 404", async () => {
    const full = answers("4", "Bien");
    expect(strip(await answer(w.w1!, sessionB, full))).toEqual(notFoundBody);
    expect(strip(await answer(w.w1!, sessionA2, full))).toEqual(notFoundBody);
    expect(strip(await answer(w.w1!, MISSING, full))).toEqual(notFoundBody);
    expect(strip(await answer(workerB, sessionA, full))).toEqual(notFoundBody);
    expect(strip(await answer(w.w5!, sessionA, full))).toEqual(notFoundBody);
    expect(strip(await answer(ds.people.trainer, sessionA, full))).toEqual(notFoundBody);
    expect(strip(await answer(ds.people.table_coordinator, sessionA, full))).toEqual(notFoundBody);
    expect(strip(await get(evaluationRoute.loader, ds.people.observer, evalUrl(sessionA), { sessionId: sessionA }))).toEqual(notFoundBody);
    const anonymous = await callRoute(evaluationRoute.action, { url: evalUrl(sessionA), params: { sessionId: sessionA }, method: "POST", body: full, context: ctx() });
    expect(anonymous.status).toBe(302);
    expect(anonymous.location).toMatch(/^\/login/);
    expect(await handle.db.select().from(trainingEvaluationResponse)).toEqual([]);
  });

  it("values outside the questions are refused or ignored; over-long comments refused; nothing stored", async () => {
    expect((await answer(w.w1!, sessionA, { ...answers("4", "ok"), "a_sat-overall": "9" })).status).toBe(400);
    expect((await answer(w.w1!, sessionA, { ...answers("4", "ok"), "a_kn-consent": "maybe" })).status).toBe(400);
    expect((await answer(w.w1!, sessionA, answers("4", "x".repeat(2001)))).status).toBe(400);
    expect(await handle.db.select().from(trainingEvaluationResponse)).toEqual([]);
  });

  it("the answer's audit event carries nothing that points to its author (no account, role, address, request)", async () => {
    const res = await answer(w.w1!, sessionA, { ...answers("5", "zzz dernier en ordre alphabétique"), a_injected: "<script>", personId: w.w1!.personId });
    expect(res.status).toBe(302);
    const [stored] = await handle.db.select().from(trainingEvaluationResponse);
    expect(Object.keys(stored!.answers).sort()).toEqual(defaultEvaluation.map((q) => q.key).sort());
    expect(JSON.stringify(stored)).not.toContain(w.w1!.personId);
    const events = rowsOf<Record<string, unknown>>(await handle.db.execute(sql`select * from audit_event where action = 'training_evaluation.answered'`));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actor_account_id: null, actor_role: "participant", organization_id: null, ip: "", request_id: "" });
    expect(JSON.stringify(events[0])).not.toContain(w.w1!.accountId!);
    expect(JSON.stringify(events[0])).not.toContain(w.w1!.personId);
    // Answering twice is refused (the marker), and writes no second response.
    expect((await answer(w.w1!, sessionA, answers("1", "encore"))).status).toBe(409);
    expect(await handle.db.select().from(trainingEvaluationResponse)).toHaveLength(1);
  });

  it("comments are listed sorted, never in the order they arrived (which the audit trail's times would tie to people)", async () => {
    expect((await answer(w.w2!, sessionA, answers("3", "mmm au milieu"))).status).toBe(302);
    expect((await answer(w.w3!, sessionA, answers("4", "aaa premier en ordre alphabétique"))).status).toBe(302);
    const res = await get(sessionResultsRoute.loader, ds.people.table_coordinator, `/training/sessions/${sessionA}/results`, { sessionId: sessionA });
    const results = (res.data as { results: Results }).results;
    expect(results).toMatchObject({ responses: 3, shown: true });
    const comments = results.questions.find((q) => q.question.key === "sat-comment")!.texts;
    expect(comments).toEqual(["aaa premier en ordre alphabétique", "mmm au milieu", "zzz dernier en ordre alphabétique"]);
  });

  it("a program's figures count only sessions whose own results are shown: a lone answer cannot be had by subtraction", async () => {
    const programOf = async () => {
      const res = await get(resultsRoute.loader, ds.people.evaluator, "/training/results");
      return (res.data as { perProgram: { program: { id: string }; results: Results }[] }).perProgram.find((p) => p.program.id === programA)!.results;
    };
    const before = await programOf();
    expect(before).toMatchObject({ responses: 3, shown: true });
    expect((await answer(w.lone!, sessionA2, answers("1", "seul"))).status).toBe(302);
    // Session A2's single answer: hidden on its own page, and absent from the program's figures.
    const lone = await get(sessionResultsRoute.loader, ds.people.table_coordinator, `/x`, { sessionId: sessionA2 });
    expect((lone.data as { results: Results }).results).toEqual({ responses: 1, shown: false, questions: [] });
    expect(await programOf()).toEqual(before);
  });

  it("results: only the coordinator, the evaluator and the session's trainers; others read 404", async () => {
    const url = `/training/sessions/${sessionA}/results`;
    for (const who of [ds.people.table_coordinator, ds.people.evaluator, ds.people.trainer, trainerOrg1]) {
      expect((await get(sessionResultsRoute.loader, who, url, { sessionId: sessionA })).status).toBe(200);
    }
    for (const who of [w.w1!, ds.people.observer, ds.people.worker, ds.people.table_member, coordinatorB, ds.people.privacy_officer]) {
      expect(strip(await get(sessionResultsRoute.loader, who, url, { sessionId: sessionA }))).toEqual(notFoundBody);
    }
    expect(strip(await get(sessionResultsRoute.loader, ds.people.table_coordinator, "/x", { sessionId: sessionB }))).toEqual(notFoundBody);
    for (const who of [ds.people.trainer, ds.people.observer, w.w1!, ds.people.privacy_officer]) {
      expect(strip(await get(resultsRoute.loader, who, "/training/results"))).toEqual(notFoundBody);
      expect(strip(await get(statsRoute.loader, who, "/training/stats"))).toEqual(notFoundBody);
    }
  });
});

describe("the observation grid", () => {
  const url = (id: string) => `/training/sessions/${id}/observation`;
  const full = { version: "0", intent: "draft", "a_obs-objectives": "4", "a_obs-pair": "5", "a_obs-participation": "3", "a_obs-exercises": "yes", "a_obs-safety": "yes", "a_obs-notes": "Bon rythme." };

  it("an observer of another session, a participant, another Table read 404; trainers read but never write", async () => {
    for (const who of [otherObserver, w.w1!, coordinatorB, ds.people.evaluator]) {
      expect(strip(await get(observationRoute.loader, who, url(sessionA), { sessionId: sessionA }))).toEqual(notFoundBody);
      expect(strip(await post(observationRoute.action, who, url(sessionA), full, { sessionId: sessionA }))).toEqual(notFoundBody);
    }
    expect((await get(observationRoute.loader, ds.people.trainer, url(sessionA), { sessionId: sessionA })).status).toBe(200);
    expect(strip(await post(observationRoute.action, ds.people.trainer, url(sessionA), full, { sessionId: sessionA }))).toEqual(notFoundBody);
    expect(strip(await post(observationRoute.action, ds.people.table_coordinator, url(sessionA), full, { sessionId: sessionA }))).toEqual(notFoundBody);
    expect(strip(await post(observationRoute.action, ds.people.observer, url(sessionA3), full, { sessionId: sessionA3 }))).toEqual(notFoundBody);
    expect(await handle.db.select().from(trainingObservation)).toEqual([]);
  });

  it("bad values, over-long notes and a bogus version are refused; once submitted it no longer changes", async () => {
    const o = ds.people.observer;
    const p = { sessionId: sessionA };
    expect((await post(observationRoute.action, o, url(sessionA), { ...full, "a_obs-pair": "6" }, p)).status).toBe(400);
    expect((await post(observationRoute.action, o, url(sessionA), { ...full, "a_obs-notes": "x".repeat(2001) }, p)).status).toBe(400);
    // A version that is no number is not a form of ours (400); a step the page has no button for either.
    expect((await post(observationRoute.action, o, url(sessionA), { ...full, version: "abc" }, p)).status).toBe(400);
    expect((await post(observationRoute.action, o, url(sessionA), { ...full, intent: "publish" }, p)).status).toBe(400);
    // A version someone else's save replaced: 409, nothing written.
    expect((await post(observationRoute.action, o, url(sessionA), { ...full, version: "7" }, p)).status).toBe(409);
    expect(await handle.db.select().from(trainingObservation)).toEqual([]);
    expect((await post(observationRoute.action, o, url(sessionA), { ...full, intent: "submit" }, p)).status).toBe(302);
    expect((await post(observationRoute.action, o, url(sessionA), { ...full, version: "1", "a_obs-notes": "Réécrit" }, p)).status).toBe(409);
    const [row] = await handle.db.select().from(trainingObservation);
    expect(row!.answers["obs-notes"]).toBe("Bon rythme.");
  });
});

describe("the questionnaires editor", () => {
  it("an unknown kind is a 404; only the coordinator edits; bad rows and versions are refused", async () => {
    const c = ds.people.table_coordinator;
    expect(strip(await get(questionnaireRoute.loader, c, "/training/questionnaires/bogus", { kind: "bogus" }))).toEqual(notFoundBody);
    expect(strip(await post(questionnaireRoute.action, c, "/x", { expectedVersion: "1" }, { kind: "__proto__" }))).toEqual(notFoundBody);
    for (const who of [ds.people.trainer, ds.people.evaluator, ds.people.observer, w.w1!]) {
      expect(strip(await post(questionnaireRoute.action, who, "/x", { expectedVersion: "1", "q0.labelFr": "a", "q0.labelEn": "a" }, { kind: "evaluation" }))).toEqual(notFoundBody);
    }
    const row = { "q0.labelFr": "Question", "q0.labelEn": "Question", "q0.kind": "scale", "q0.section": "satisfaction" };
    expect((await post(questionnaireRoute.action, c, "/x", { expectedVersion: "-1", ...row }, { kind: "evaluation" })).status).toBe(400);
    expect((await post(questionnaireRoute.action, c, "/x", { expectedVersion: "1", ...row, "q0.labelFr": "x".repeat(301) }, { kind: "evaluation" })).status).toBe(400);
    expect((await post(questionnaireRoute.action, c, "/x", { expectedVersion: "1", ...row, "q0.kind": "file" }, { kind: "evaluation" })).status).toBe(400);
    expect((await post(questionnaireRoute.action, c, "/x", { expectedVersion: "1", ...row, "q0.key": "../x" }, { kind: "evaluation" })).status).toBe(400);
    // Table B's coordinator saving "version 1 → 2" touches only Table B's questionnaire.
    expect((await post(questionnaireRoute.action, coordinatorB, "/x", { expectedVersion: "1", ...row }, { kind: "evaluation" })).status).toBe(302);
    const versions = await handle.db.select().from(trainingQuestionnaire).where(eq(trainingQuestionnaire.partnershipId, ds.tableA));
    expect(versions.map((v) => v.version).sort()).toEqual([1, 1]);
  });
});

describe("the session space and its documents", () => {
  const url = (id: string) => `/training/sessions/${id}/space`;

  it("another session's or Table's document is not reachable through a session one belongs to", async () => {
    for (const fileId of [fileB, fileA3, MISSING]) {
      expect(strip(await get(documentRoute.loader, w.w1!, "/x", { sessionId: sessionA, fileId }))).toEqual(notFoundBody);
      expect(strip(await get(documentRoute.loader, ds.people.trainer, "/x", { sessionId: sessionA, fileId }))).toEqual(notFoundBody);
    }
    expect(strip(await get(documentRoute.loader, coordinatorB, "/x", { sessionId: sessionA3, fileId: fileA3 }))).toEqual(notFoundBody);
    expect(strip(await get(documentRoute.loader, w.w1!, "/x", { sessionId: sessionA3, fileId: fileA3 }))).toEqual(notFoundBody);
    expect(strip(await get(documentRoute.loader, otherObserver, "/x", { sessionId: sessionA3, fileId: "not-a-uuid" }))).toEqual(notFoundBody);
    const own = (await documentRoute.loader({ request: new Request("http://localhost:3000/x", { headers: { cookie: await cookieOf(otherObserver) } }), params: { sessionId: sessionA3, fileId: fileA3 }, context: ctx() } as never)) as Response;
    expect(own.status).toBe(200);
    expect(own.headers.get("content-disposition")).toMatch(/^attachment;/);
  });

  it("a trainer cannot remove another session's document by naming it; participants change nothing; intents are checked", async () => {
    const t = ds.people.trainer;
    expect(strip(await post(spaceRoute.action, t, url(sessionA), { intent: "removeDocument", fileId: fileA3 }, { sessionId: sessionA }))).toEqual(notFoundBody);
    expect(strip(await post(spaceRoute.action, t, url(sessionA), { intent: "removeDocument", fileId: fileB }, { sessionId: sessionA }))).toEqual(notFoundBody);
    expect(strip(await post(spaceRoute.action, t, url(sessionA3), { intent: "removeDocument", fileId: fileA3 }, { sessionId: sessionA3 }))).toEqual(notFoundBody);
    expect(strip(await post(spaceRoute.action, otherObserver, url(sessionA3), { intent: "removeDocument", fileId: fileA3 }, { sessionId: sessionA3 }))).toEqual(notFoundBody);
    expect(strip(await post(spaceRoute.action, w.w1!, url(sessionA), { intent: "attachExercise", exerciseKey: "x" }, { sessionId: sessionA }))).toEqual(notFoundBody);
    expect((await post(spaceRoute.action, t, url(sessionA), { intent: "purge" }, { sessionId: sessionA })).status).toBe(400);
    expect((await post(spaceRoute.action, t, url(sessionA), { intent: "removeDocument", fileId: "x" }, { sessionId: sessionA })).status).toBe(400);
    expect((await post(spaceRoute.action, t, url(sessionA), { intent: "attachExercise", exerciseKey: "k".repeat(101) }, { sessionId: sessionA })).status).toBe(400);
    // A key that is not an exercise of the Table's published guide is refused.
    expect(strip(await post(spaceRoute.action, t, url(sessionA), { intent: "attachExercise", exerciseKey: "made-up" }, { sessionId: sessionA }))).toEqual(notFoundBody);
    expect(await handle.db.select({ id: storedFile.id }).from(storedFile)).toHaveLength(2);
  });

  it("uploads are judged from their bytes; a participant cannot upload", async () => {
    const form = (bytes: Uint8Array<ArrayBuffer>, name: string) => {
      const f = new FormData();
      f.set("intent", "upload");
      f.set("document", new File([bytes], name, { type: "application/pdf" }));
      return f;
    };
    const html = new TextEncoder().encode("<!doctype html><script>alert(1)</script>");
    expect((await postMultipart(spaceRoute.action, ds.people.trainer, url(sessionA), form(html, "support.pdf"), { sessionId: sessionA })).status).toBe(400);
    expect(strip(await postMultipart(spaceRoute.action, w.w1!, url(sessionA), form(tinyPdf, "support.pdf"), { sessionId: sessionA }))).toEqual(notFoundBody);
    expect(await handle.db.select({ id: storedFile.id }).from(storedFile)).toHaveLength(2);
  });
});

describe("certificates", () => {
  const url = (id: string) => `/training/sessions/${id}/certificate`;
  let code = "";

  it("only one's own completed registration gives a certificate; others read 404", async () => {
    expect(strip(await get(certificateRoute.loader, w.w4!, url(sessionA), { sessionId: sessionA }))).toEqual(notFoundBody); // not completed
    expect(strip(await get(certificateRoute.loader, w.w5!, url(sessionA), { sessionId: sessionA }))).toEqual(notFoundBody); // waitlisted
    expect(strip(await get(certificateRoute.loader, w.w1!, url(sessionB), { sessionId: sessionB }))).toEqual(notFoundBody);
    expect(strip(await get(certificateRoute.loader, w.w1!, url(sessionA2), { sessionId: sessionA2 }))).toEqual(notFoundBody);
    expect(strip(await get(certificateRoute.loader, workerB, url(sessionA), { sessionId: sessionA }))).toEqual(notFoundBody);
    expect(strip(await get(certificateRoute.loader, ds.people.table_coordinator, url(sessionA), { sessionId: sessionA }))).toEqual(notFoundBody);
    expect(await handle.db.select().from(trainingCertificate)).toEqual([]);
    expect((await get(certificateRoute.loader, w.w1!, url(sessionA), { sessionId: sessionA })).status).toBe(200);
    const [cert] = await handle.db.select().from(trainingCertificate);
    expect(cert!.personId).toBe(w.w1!.personId);
    code = cert!.code;
  });

  it("the public verification shows only what the certificate prints, and gives nothing for unknown or revoked codes", async () => {
    const verify = (typed: string) => get(verifyRoute.loader, null, `/certificates/verify?code=${encodeURIComponent(typed)}`);
    const valid = await verify(code.toLowerCase().replace(/(.{4})/g, "$1 "));
    expect(valid.data).toMatchObject({ state: "valid", certificate: { holderName: "Nom-w1 Secret" } });
    const json = JSON.stringify(valid.data);
    for (const secret of [w.w1!.personId, w.w1!.email, ds.tableA, sessionA]) expect(json).not.toContain(secret);
    // One character changed: unknown, nothing about the near miss.
    const near = code.slice(0, 15) + (code[15] === "0" ? "1" : "0");
    expect((await verify(near)).data).toEqual({ state: "unknown", code: near.replace(/(.{4})(?!$)/g, "$1-") });
    expect((await verify("x".repeat(5000))).data).toMatchObject({ state: "malformed" });
    expect(((await verify("x".repeat(5000))).data as { code: string }).code.length).toBeLessThanOrEqual(64);
    // Table B's coordinator cannot revoke Table A's certificate; a malformed id is a 404.
    const [cert] = await handle.db.select().from(trainingCertificate);
    expect(strip(await post(certificatesRoute.action, coordinatorB, "/training/certificates", { certificateId: cert!.id }))).toEqual(notFoundBody);
    expect(strip(await post(certificatesRoute.action, ds.people.table_coordinator, "/training/certificates", { certificateId: "1 or 1=1" }))).toEqual(notFoundBody);
    expect(strip(await post(certificatesRoute.action, ds.people.trainer, "/training/certificates", { certificateId: cert!.id }))).toEqual(notFoundBody);
    expect(strip(await get(certificatesRoute.loader, ds.people.evaluator, "/training/certificates"))).toEqual(notFoundBody);
    expect((await verify(code)).data).toMatchObject({ state: "valid" });
    expect((await post(certificatesRoute.action, ds.people.table_coordinator, "/training/certificates", { certificateId: cert!.id })).status).toBe(200);
    const revoked = await verify(code);
    expect(revoked.data).toEqual({ state: "revoked", code: code.replace(/(.{4})(?!$)/g, "$1-") });
    // A revoked certificate is not re-issued by downloading again.
    expect(strip(await get(certificateRoute.loader, w.w1!, url(sessionA), { sessionId: sessionA }))).toEqual(notFoundBody);
  });
});

describe("my training and the Table hub", () => {
  it("'my training' lists only one's own sessions, in one's current Table", async () => {
    const mine = await get(mineRoute.loader, w.w1!, "/training/mine");
    expect((mine.data as { sessions: { id: string }[] }).sessions.map((s) => s.id)).toEqual([sessionA]);
    const b = await get(mineRoute.loader, workerB, "/training/mine");
    expect((b.data as { sessions: { id: string }[] }).sessions.map((s) => s.id)).toEqual([sessionB]);
  });

  it("the hub counts only the current Table's, and commitments only for those who may read them", async () => {
    const worker = await get(tableRoute.loader, ds.people.worker, "/table");
    expect((worker.data as { summary: { partners: unknown } }).summary.partners).toEqual({ organizations: 2, commitments: null });
    const b = await get(tableRoute.loader, coordinatorB, "/table");
    expect((b.data as { summary: { partners: { organizations: number } } }).summary.partners.organizations).toBe(1);
    expect(strip(await get(tableRoute.loader, null, "/table"))).toMatchObject({ status: 302 });
  });
});
