import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { SUBMISSION_KEY_FIELD } from "../../app/modules/forms/submission-field.ts";
import type { DatabaseHandle } from "../../app/modules/db/client.server.ts";
import { rowsOf } from "../../app/modules/db/rows.ts";
import { seedTrainingDemo } from "../../app/modules/demo/seed-training.server.ts";
import { seedGuideDemo } from "../../app/modules/demo/seed-guide.server.ts";
import { listGuideExercises } from "../../app/modules/guide/list-guide-exercises.server.ts";
import { trainerProfile, trainingProgram, trainingRegistration, trainingSession } from "../../app/modules/training/tables.ts";
import { trainingCertificate, trainingEvaluationMarker, trainingEvaluationResponse } from "../../app/modules/training-evaluation/tables.ts";
import { defaultEvaluation, defaultObservationGrid } from "../../app/modules/training-evaluation/default-questionnaires.ts";
import { encodeCode, formatCode, normalizeCode, newCertificateCode } from "../../app/modules/training-evaluation/certificate-code.ts";
import { trainingStats } from "../../app/modules/training-evaluation/training-stats.server.ts";
import type { Question } from "../../app/modules/training-evaluation/vocabulary.ts";
import * as questionnaireRoute from "../../app/routes/training/questionnaires.$kind.tsx";
import * as observationRoute from "../../app/routes/training/sessions.$sessionId.observation.tsx";
import * as evaluationRoute from "../../app/routes/training/sessions.$sessionId.evaluation.tsx";
import * as sessionResultsRoute from "../../app/routes/training/sessions.$sessionId.results.tsx";
import * as resultsRoute from "../../app/routes/training/results.tsx";
import * as statsRoute from "../../app/routes/training/stats.tsx";
import * as certificateRoute from "../../app/routes/training/sessions.$sessionId.certificate.tsx";
import * as certificatesRoute from "../../app/routes/training/certificates.tsx";
import * as verifyRoute from "../../app/routes/training/certificates.verify.tsx";
import * as spaceRoute from "../../app/routes/training/sessions.$sessionId.space.tsx";
import * as documentRoute from "../../app/routes/training/sessions.$sessionId.documents.$fileId.tsx";
import * as mineRoute from "../../app/routes/training/mine.tsx";
import * as sessionEditRoute from "../../app/routes/training/sessions.$sessionId.tsx";
import * as newProgramRoute from "../../app/routes/training/programs.new.tsx";
import * as programRoute from "../../app/routes/training/programs.$programId.tsx";
import { pdfText } from "../support/pdf-text.ts";
import { createTestDatabase, testContext } from "../support/test-db.ts";
import { call, createOrganization, createTable, createUser, type TestUser } from "./pathway-support.ts";

let handle: DatabaseHandle;
let tableA: string;
let tableB: string;
let orgX: string;
let orgY: string;
let programId: string;
let sessionId: string;
let openSessionId: string;
const u: Record<string, TestUser> = {};

async function auditActions(): Promise<string[]> {
  return rowsOf<{ action: string }>(await handle.db.execute(sql`select action from audit_event order by id`)).map((r) => r.action);
}

/** Questionnaire editor rows from questions (`q0.labelFr`…). */
function editorForm(questions: readonly Question[], expectedVersion: number): Record<string, string> {
  const form: Record<string, string> = { expectedVersion: String(expectedVersion) };
  questions.forEach((q, i) => {
    Object.assign(form, { [`q${i}.key`]: q.key, [`q${i}.labelFr`]: q.labelFr, [`q${i}.labelEn`]: q.labelEn, [`q${i}.kind`]: q.kind, [`q${i}.section`]: q.section, [`q${i}.correct`]: q.correct ?? "" });
  });
  return form;
}

/** Complete evaluation answers: all 4 on scales, "yes" to yes/no, knowledge right when `right`. */
/** The evaluation form as the page sends it: the answers and a fresh submission key. */
function evaluationAnswers(right: boolean, scale = "4"): Record<string, string> {
  const form: Record<string, string> = { [SUBMISSION_KEY_FIELD]: randomUUID() };
  for (const q of defaultEvaluation) {
    const name = `a_${q.key}`;
    if (q.kind === "scale") form[name] = scale;
    else if (q.kind === "yesno") form[name] = q.correct ? (right ? q.correct : q.correct === "yes" ? "no" : "yes") : "yes";
    else form[name] = "Très utile";
  }
  return form;
}

beforeAll(async () => {
  handle = await createTestDatabase();
  const db = handle.db;
  tableA = await createTable(db, "TableA");
  tableB = await createTable(db, "TableB");
  orgX = await createOrganization(db, tableA, "OrgX");
  orgY = await createOrganization(db, tableA, "OrgY");
  u.coordinator = await createUser(db, { partnershipId: tableA, roles: [{ role: "table_coordinator" }] });
  u.coordinatorB = await createUser(db, { partnershipId: tableB, roles: [{ role: "table_coordinator" }] });
  u.evaluator = await createUser(db, { partnershipId: tableA, roles: [{ role: "evaluator" }] });
  u.observer = await createUser(db, { partnershipId: tableA, organizationId: orgX, givenName: "Obs", roles: [{ role: "observer", organizationId: orgX }] });
  u.otherObserver = await createUser(db, { partnershipId: tableA, organizationId: orgX, roles: [{ role: "observer", organizationId: orgX }] });
  u.trainerX = await createUser(db, { partnershipId: tableA, organizationId: orgX, roles: [{ role: "trainer" }] });
  u.trainerY = await createUser(db, { partnershipId: tableA, organizationId: orgY, roles: [{ role: "trainer" }] });
  u.otherTrainer = await createUser(db, { partnershipId: tableA, organizationId: orgY, roles: [{ role: "trainer" }] });
  for (const k of ["w1", "w2", "w3", "w4", "outsider"]) {
    u[k] = await createUser(db, { partnershipId: tableA, organizationId: k === "w3" ? orgY : orgX, givenName: `Élodie-${k}`, familyName: "Lévesque", roles: [{ role: "worker", organizationId: k === "w3" ? orgY : orgX }] });
  }
  await db.transaction((tx) => seedTrainingDemo(tx, tableA));
  programId = (await db.select({ id: trainingProgram.id }).from(trainingProgram).where(eq(trainingProgram.partnershipId, tableA)))[0]!.id;
  const [px] = await db.insert(trainerProfile).values({ partnershipId: tableA, personId: u.trainerX!.personId, organizationId: orgX }).returning();
  const [py] = await db.insert(trainerProfile).values({ partnershipId: tableA, personId: u.trainerY!.personId, organizationId: orgY }).returning();
  const [s] = await db
    .insert(trainingSession)
    .values({ partnershipId: tableA, programId, dates: ["2025-05-13", "2025-05-14"], place: "Québec", status: "given", trainerAId: px!.id, trainerBId: py!.id, observerPersonId: u.observer!.personId })
    .returning();
  sessionId = s!.id;
  const [o] = await db.insert(trainingSession).values({ partnershipId: tableA, programId, dates: ["2030-05-13", "2030-05-14"], status: "open" }).returning();
  openSessionId = o!.id;
  for (const k of ["w1", "w2", "w3", "w4"]) {
    await db.insert(trainingRegistration).values({
      partnershipId: tableA,
      sessionId,
      personId: u[k]!.personId,
      status: "registered",
      organizationId: k === "w3" ? orgY : orgX,
      completedAt: k === "w4" ? null : new Date("2025-05-14T21:00:00Z"),
    });
  }
  // Registered to the open session only: not a participant of the given one.
  await db.insert(trainingRegistration).values({ partnershipId: tableA, sessionId: openSessionId, personId: u.outsider!.personId, status: "registered", organizationId: orgX });
});

afterAll(async () => {
  await handle?.close();
});

const sessionPath = (suffix: string) => `/training/sessions/${sessionId}/${suffix}`;

describe("the Table's questionnaires (training.manage)", () => {
  it("are edited by the coordinator as versions, audited; others get 404", async () => {
    for (const user of [u.evaluator, u.trainerX, u.observer, u.w1]) {
      expect((await call(handle.db, questionnaireRoute.loader, { path: "/training/questionnaires/observation", user, params: { kind: "observation" } })).status).toBe(404);
    }
    expect((await call(handle.db, questionnaireRoute.loader, { path: "/training/questionnaires/other", user: u.coordinator, params: { kind: "other" } })).status).toBe(404);
    const grid = await call(handle.db, questionnaireRoute.action, { path: "/training/questionnaires/observation", user: u.coordinator, params: { kind: "observation" }, form: editorForm(defaultObservationGrid, 0) });
    expect(grid.location).toBe("/training/questionnaires/observation?saved=1");
    const evaluation = await call(handle.db, questionnaireRoute.action, { path: "/training/questionnaires/evaluation", user: u.coordinator, params: { kind: "evaluation" }, form: editorForm(defaultEvaluation, 0) });
    expect(evaluation.location).toBe("/training/questionnaires/evaluation?saved=1");
    const loaded = await call(handle.db, questionnaireRoute.loader, { path: "/training/questionnaires/evaluation", user: u.coordinator, params: { kind: "evaluation" } });
    expect(loaded.data).toMatchObject({ version: 1, questions: defaultEvaluation });
    // A stale editor does not overwrite.
    const stale = await call(handle.db, questionnaireRoute.action, { path: "/training/questionnaires/evaluation", user: u.coordinator, params: { kind: "evaluation" }, form: editorForm(defaultEvaluation, 0) });
    expect(stale.status).toBe(409);
    // Another Table has its own (none yet).
    const other = await call(handle.db, questionnaireRoute.loader, { path: "/training/questionnaires/evaluation", user: u.coordinatorB, params: { kind: "evaluation" } });
    expect(other.data).toMatchObject({ version: 0, questions: [] });
    expect((await auditActions()).filter((a) => a === "training_questionnaire.saved")).toHaveLength(2);
  });

  it("refuses a knowledge question without its correct answer", async () => {
    const bad = editorForm([{ key: "k1", kind: "yesno", section: "knowledge", labelFr: "Énoncé", labelEn: "Statement" }], 1);
    const res = await call(handle.db, questionnaireRoute.action, { path: "/training/questionnaires/evaluation", user: u.coordinator, params: { kind: "evaluation" }, form: bad });
    expect(res.status).toBe(400);
    expect((res.data as { errors: Record<string, string[]> }).errors["q0.correct"]).toEqual(["trainingEval.editor.knowledgeRule"]);
  });
});

describe("the observation grid", () => {
  const params = () => ({ sessionId });
  it("is reachable only by the session's observer, its trainers and the coordinator", async () => {
    for (const user of [u.otherObserver, u.otherTrainer, u.w1, u.evaluator, u.coordinatorB]) {
      expect((await call(handle.db, observationRoute.loader, { path: sessionPath("observation"), user, params: params() })).status, user!.email).toBe(404);
    }
    for (const user of [u.observer, u.trainerX, u.trainerY, u.coordinator]) {
      expect((await call(handle.db, observationRoute.loader, { path: sessionPath("observation"), user, params: params() })).status).toBe(200);
    }
  });

  it("is filled by the observer (draft, then submitted once); trainers read it but cannot write", async () => {
    const draft = await call(handle.db, observationRoute.action, { path: sessionPath("observation"), user: u.observer, params: params(), form: { version: "0", intent: "draft", "a_obs-objectives": "4" } });
    expect(draft.location).toBe(`${sessionPath("observation")}?outcome=saved`);
    const trainerView = await call(handle.db, observationRoute.loader, { path: sessionPath("observation"), user: u.trainerX, params: params() });
    expect(trainerView.data).toMatchObject({ canFill: false, submittedAt: null });
    const incomplete = await call(handle.db, observationRoute.action, { path: sessionPath("observation"), user: u.observer, params: params(), form: { version: "1", intent: "submit", "a_obs-objectives": "4" } });
    expect(incomplete.status).toBe(400);
    const full = { version: "1", intent: "submit", "a_obs-objectives": "4", "a_obs-pair": "5", "a_obs-participation": "3", "a_obs-exercises": "yes", "a_obs-safety": "yes", "a_obs-notes": "Bon rythme." };
    const submitted = await call(handle.db, observationRoute.action, { path: sessionPath("observation"), user: u.observer, params: params(), form: full });
    expect(submitted.location).toBe(`${sessionPath("observation")}?outcome=submitted`);
    const again = await call(handle.db, observationRoute.action, { path: sessionPath("observation"), user: u.observer, params: params(), form: { ...full, version: "2" } });
    expect(again.status).toBe(409);
    expect((await call(handle.db, observationRoute.action, { path: sessionPath("observation"), user: u.trainerX, params: params(), form: full })).status).toBe(404);
    const read = await call(handle.db, observationRoute.loader, { path: sessionPath("observation"), user: u.trainerY, params: params() });
    expect(read.data).toMatchObject({ canFill: false, answers: { "obs-pair": 5, "obs-notes": "Bon rythme." } });
    expect(await auditActions()).toEqual(expect.arrayContaining(["training_observation.saved", "training_observation.submitted"]));
  });
});

describe("the anonymous end-of-training evaluation", () => {
  const params = () => ({ sessionId });
  it("stores responses with no column that could point to a person", async () => {
    const columns = rowsOf<{ column_name: string }>(
      await handle.db.execute(sql`select column_name from information_schema.columns where table_name = 'training_evaluation_response'`),
    ).map((c) => c.column_name);
    expect(columns.sort()).toEqual(["answers", "id", "partnership_id", "program_id", "questionnaire_id", "session_id"]);
    const marker = rowsOf<{ column_name: string }>(
      await handle.db.execute(sql`select column_name from information_schema.columns where table_name = 'training_evaluation_marker'`),
    ).map((c) => c.column_name);
    expect(marker.sort()).toEqual(["partnership_id", "registration_id"]);
  });

  it("is answered only by the session's participants, once", async () => {
    for (const user of [u.outsider, u.trainerX, u.observer, u.coordinator, u.coordinatorB]) {
      expect((await call(handle.db, evaluationRoute.loader, { path: sessionPath("evaluation"), user, params: params() })).status).toBe(404);
    }
    // Not for a session that is not given yet.
    expect((await call(handle.db, evaluationRoute.loader, { path: `/training/sessions/${openSessionId}/evaluation`, user: u.outsider, params: { sessionId: openSessionId } })).status).toBe(404);
    const incomplete = await call(handle.db, evaluationRoute.action, { path: sessionPath("evaluation"), user: u.w1, params: params(), form: { "a_sat-overall": "5" } });
    expect(incomplete.status).toBe(400);
    // Without its submission key (a page drawn before this release, or forged): refused, nothing stored.
    const { [SUBMISSION_KEY_FIELD]: _key, ...keyless } = evaluationAnswers(true, "5");
    expect((await call(handle.db, evaluationRoute.action, { path: sessionPath("evaluation"), user: u.w1, params: params(), form: keyless })).status).toBe(400);
    expect(await handle.db.select().from(trainingEvaluationResponse)).toHaveLength(0);
    // 20 identical submissions at once (a double click, a retrying browser): one answer, all land on the same thanks page.
    const once = evaluationAnswers(true, "5");
    const answers = await Promise.all(Array.from({ length: 20 }, () => call(handle.db, evaluationRoute.action, { path: sessionPath("evaluation"), user: u.w1, params: params(), form: once })));
    expect(new Set(answers.map((a) => `${a.status} ${a.location}`))).toEqual(new Set([`302 ${sessionPath("evaluation")}?thanks=1`]));
    const first = await call(handle.db, evaluationRoute.action, { path: sessionPath("evaluation"), user: u.w1, params: params(), form: once });
    expect(first.location).toBe(`${sessionPath("evaluation")}?thanks=1`);
    // The key's row keeps where the answer landed: a page naming the session, never the response.
    const kept = rowsOf<{ location: string }>(await handle.db.execute(sql`select location from form_submission where form = 'training.sessions.evaluation'`));
    expect(kept).toEqual([{ location: `${sessionPath("evaluation")}?thanks=1` }]);
    const twice = await call(handle.db, evaluationRoute.action, { path: sessionPath("evaluation"), user: u.w1, params: params(), form: evaluationAnswers(false) });
    expect(twice.status).toBe(409);
    expect((await handle.db.select().from(trainingEvaluationResponse)).length).toBe(1);
    expect((await handle.db.select().from(trainingEvaluationMarker)).length).toBe(1);
    const [response] = await handle.db.select().from(trainingEvaluationResponse);
    expect(JSON.stringify(response)).not.toContain(u.w1!.personId);
    expect((await call(handle.db, evaluationRoute.loader, { path: sessionPath("evaluation"), user: u.w1, params: params() })).data).toMatchObject({ answered: true });
  });

  it("shows a session's results only from 3 answers (small numbers), to the coordinator, the evaluator and its trainers", async () => {
    await call(handle.db, evaluationRoute.action, { path: sessionPath("evaluation"), user: u.w2, params: params(), form: evaluationAnswers(true, "3") });
    const two = await call(handle.db, sessionResultsRoute.loader, { path: sessionPath("results"), user: u.coordinator, params: params() });
    expect(two.data).toMatchObject({ results: { responses: 2, shown: false, questions: [] } });
    const program = await call(handle.db, resultsRoute.loader, { path: "/training/results", user: u.evaluator });
    expect((program.data as { perProgram: { results: { shown: boolean } }[] }).perProgram[0]!.results.shown).toBe(false);
    await call(handle.db, evaluationRoute.action, { path: sessionPath("evaluation"), user: u.w3, params: params(), form: evaluationAnswers(false, "4") });
    for (const user of [u.coordinator, u.evaluator, u.trainerY]) {
      const res = await call(handle.db, sessionResultsRoute.loader, { path: sessionPath("results"), user, params: params() });
      expect(res.status).toBe(200);
      const results = (res.data as { results: { responses: number; shown: boolean; questions: { question: Question; mean: number | null; distribution: number[]; percentCorrect: number | null }[] } }).results;
      expect(results).toMatchObject({ responses: 3, shown: true });
      const overall = results.questions.find((q) => q.question.key === "sat-overall")!;
      expect(overall.mean).toBe(4);
      expect(overall.distribution).toEqual([0, 0, 1, 1, 1]);
      expect(results.questions.find((q) => q.question.key === "kn-consent")!.percentCorrect).toBe(67);
    }
    for (const user of [u.w1, u.observer, u.otherTrainer, u.coordinatorB]) {
      expect((await call(handle.db, sessionResultsRoute.loader, { path: sessionPath("results"), user, params: params() })).status).toBe(404);
    }
    for (const user of [u.w1, u.trainerX, u.observer]) {
      expect((await call(handle.db, resultsRoute.loader, { path: "/training/results", user })).status).toBe(404);
    }
    const perProgram = await call(handle.db, resultsRoute.loader, { path: "/training/results", user: u.evaluator });
    expect((perProgram.data as { perProgram: { results: { responses: number; shown: boolean } }[] }).perProgram[0]!.results).toMatchObject({ responses: 3, shown: true });
  });
});

describe("certificates", () => {
  let code = "";
  it("codes carry 80 random bits, typed back with or without dashes", () => {
    const c = newCertificateCode();
    expect(c).toMatch(/^[0-9A-HJKMNP-TV-Z]{16}$/);
    expect(normalizeCode(formatCode(c).toLowerCase().replace(/-/g, " "))).toBe(c);
    expect(encodeCode(new Uint8Array(10))).toBe("0".repeat(16));
    expect(normalizeCode("ABCD")).toBeNull();
    expect(new Set(Array.from({ length: 200 }, newCertificateCode)).size).toBe(200);
  });

  it("the participant who completed downloads a PDF with their name, issued once and audited", async () => {
    const res = await call(handle.db, certificateRoute.loader, { path: sessionPath("certificate"), user: u.w1, params: { sessionId } });
    expect(res.status).toBe(200);
    const headers = new Headers();
    headers.set("cookie", u.w1!.cookie);
    const response = (await certificateRoute.loader({ request: new Request(`http://localhost:3000${sessionPath("certificate")}`, { headers }), params: { sessionId }, context: testContext(handle.db) } as never)) as Response;
    expect(response.headers.get("content-type")).toBe("application/pdf");
    const pdf = Buffer.from(await response.arrayBuffer());
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const text = pdfText(pdf);
    expect(text).toContain("Élodie-w1 Lévesque");
    expect(text).toContain("OrgX");
    const [cert] = await handle.db.select().from(trainingCertificate).where(eq(trainingCertificate.personId, u.w1!.personId));
    code = cert!.code;
    expect(text).toContain(formatCode(code));
    expect(cert).toMatchObject({ holderName: "Élodie-w1 Lévesque", dates: ["2025-05-13", "2025-05-14"] });
    expect(cert!.trainerOrganizations.sort()).toEqual(["OrgX", "OrgY"]);
    expect((await auditActions()).filter((a) => a === "training_certificate.issued")).toHaveLength(1);
  });

  it("is refused (404) to a participant who did not complete, to others, and across Tables", async () => {
    for (const user of [u.w4, u.outsider, u.coordinator, u.trainerX, u.coordinatorB]) {
      expect((await call(handle.db, certificateRoute.loader, { path: sessionPath("certificate"), user, params: { sessionId } })).status).toBe(404);
    }
  });

  it("verifies publicly: valid code shows what the certificate prints; unknown and malformed codes say so", async () => {
    const valid = await call(handle.db, verifyRoute.loader, { path: `/certificates/verify?code=${encodeURIComponent(formatCode(code).toLowerCase())}`, user: null });
    expect(valid.data).toMatchObject({ state: "valid", certificate: { holderName: "Élodie-w1 Lévesque", dates: ["2025-05-13", "2025-05-14"] } });
    expect(Object.keys((valid.data as { certificate: object }).certificate).sort()).toEqual(["dates", "holderName", "issuedOn", "programNameEn", "programNameFr", "trainerOrganizations"]);
    const unknown = await call(handle.db, verifyRoute.loader, { path: `/certificates/verify?code=${"Z".repeat(16)}`, user: null });
    expect(unknown.data).toMatchObject({ state: "unknown" });
    const malformed = await call(handle.db, verifyRoute.loader, { path: "/certificates/verify?code=hello", user: null });
    expect(malformed.data).toMatchObject({ state: "malformed" });
    const empty = await call(handle.db, verifyRoute.loader, { path: "/certificates/verify", user: null });
    expect(empty.data).toMatchObject({ state: "none" });
  });

  it("a revoked certificate verifies as revoked and is no longer downloadable", async () => {
    const [cert] = await handle.db.select().from(trainingCertificate).where(eq(trainingCertificate.code, code));
    expect((await call(handle.db, certificatesRoute.action, { path: "/training/certificates", user: u.coordinatorB, form: { certificateId: cert!.id } })).status).toBe(404);
    expect((await call(handle.db, certificatesRoute.loader, { path: "/training/certificates", user: u.evaluator })).status).toBe(404);
    const revoked = await call(handle.db, certificatesRoute.action, { path: "/training/certificates", user: u.coordinator, form: { certificateId: cert!.id } });
    expect(revoked.data).toEqual({ revoked: true });
    const check = await call(handle.db, verifyRoute.loader, { path: `/certificates/verify?code=${code}`, user: null });
    expect(check.data).toEqual({ state: "revoked", code: formatCode(code) });
    expect((await call(handle.db, certificateRoute.loader, { path: sessionPath("certificate"), user: u.w1, params: { sessionId } })).status).toBe(404);
    expect(await auditActions()).toContain("training_certificate.revoked");
  });
});

describe("counts at a glance", () => {
  it("counts sessions given and people trained by year, organization and milieu, for the coordinator and the evaluator", async () => {
    const stats = await trainingStats(handle.db, tableA);
    expect(stats).toMatchObject({ sessionsGiven: 1, peopleTrained: 3, completions: 3, byYear: [{ key: "2025", sessions: 1, people: 3 }], byMilieu: [{ key: "community", sessions: 1, people: 3 }] });
    expect(stats.byOrganization.map((o) => [o.key, o.people])).toEqual([
      [orgX, 2],
      [orgY, 1],
    ]);
    for (const user of [u.coordinator, u.evaluator]) expect((await call(handle.db, statsRoute.loader, { path: "/training/stats", user })).status).toBe(200);
    for (const user of [u.w1, u.trainerX, u.observer]) expect((await call(handle.db, statsRoute.loader, { path: "/training/stats", user })).status).toBe(404);
    const other = await call(handle.db, statsRoute.loader, { path: "/training/stats", user: u.coordinatorB });
    expect(other.data).toMatchObject({ stats: { sessionsGiven: 0, peopleTrained: 0 } });
  });
});

describe("the session space: documents and guide exercises", () => {
  /** The upload form as the page sends it: multipart, with its submission key. */
  async function upload(user: TestUser, name: string, bytes: Uint8Array, key: string = randomUUID()) {
    const form = new FormData();
    form.set(SUBMISSION_KEY_FIELD, key);
    form.set("intent", "upload");
    form.set("document", new File([Buffer.from(bytes)], name));
    const request = new Request(`http://localhost:3000${sessionPath("space")}`, { method: "POST", headers: { cookie: user.cookie }, body: form });
    try {
      return await spaceRoute.action({ request, params: { sessionId }, context: testContext(handle.db) } as never);
    } catch (thrown) {
      return thrown;
    }
  }
  const pdfBytes = new TextEncoder().encode("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

  it("is open to the session's trainers, observer, participants and the coordinator only", async () => {
    for (const user of [u.trainerX, u.observer, u.w4, u.coordinator]) {
      expect((await call(handle.db, spaceRoute.loader, { path: sessionPath("space"), user, params: { sessionId } })).status).toBe(200);
    }
    for (const user of [u.outsider, u.otherTrainer, u.otherObserver, u.evaluator, u.coordinatorB]) {
      expect((await call(handle.db, spaceRoute.loader, { path: sessionPath("space"), user, params: { sessionId } })).status).toBe(404);
    }
    const participant = await call(handle.db, spaceRoute.loader, { path: sessionPath("space"), user: u.w2, params: { sessionId } });
    expect(participant.data).toMatchObject({ editor: false, links: { certificate: true, evaluation: true, answered: true, observation: false, results: false } });
  });

  it("trainers add documents (type checked from the bytes); participants download them; others get 404", async () => {
    const refused = (await upload(u.trainerX!, "notes.pdf", new TextEncoder().encode("not a pdf at all"))) as { data: { error: string } };
    expect(refused.data.error).toBe("trainingEval.space.upload.wrong_type");
    // The same submission twice (a double click): one document, both answers land on it.
    const key = randomUUID();
    const uploaded = (await upload(u.trainerX!, "Déroulement jour 1.pdf", pdfBytes, key)) as Response;
    expect(uploaded.status).toBe(302);
    expect(uploaded.headers.get("location")).toMatch(new RegExp(`^${sessionPath("space")}\\?done=uploaded#document-[0-9a-f-]{36}$`));
    expect(((await upload(u.trainerX!, "Déroulement jour 1.pdf", pdfBytes, key)) as Response).headers.get("location")).toBe(uploaded.headers.get("location"));
    const denied = (await upload(u.w1!, "x.pdf", pdfBytes)) as { init: { status: number } };
    expect(denied.init.status).toBe(404);
    const space = await call(handle.db, spaceRoute.loader, { path: sessionPath("space"), user: u.w1, params: { sessionId } });
    const documents = (space.data as { documents: { id: string; fileName: string }[] }).documents;
    expect(documents).toHaveLength(1);
    const [doc] = documents;
    expect(doc!.fileName).toBe("Déroulement jour 1.pdf");
    const fileParams = { sessionId, fileId: doc!.id };
    expect((await call(handle.db, documentRoute.loader, { path: sessionPath(`documents/${doc!.id}`), user: u.w1, params: fileParams })).status).toBe(200);
    expect((await call(handle.db, documentRoute.loader, { path: sessionPath(`documents/${doc!.id}`), user: u.outsider, params: fileParams })).status).toBe(404);
    expect((await call(handle.db, spaceRoute.action, { path: sessionPath("space"), user: u.w1, params: { sessionId }, form: { intent: "removeDocument", fileId: doc!.id } })).status).toBe(404);
    expect((await call(handle.db, spaceRoute.action, { path: sessionPath("space"), user: u.coordinator, params: { sessionId }, form: { intent: "removeDocument", fileId: doc!.id } })).location).toBe(`${sessionPath("space")}?done=removed`);
    expect(await auditActions()).toEqual(expect.arrayContaining(["training_session.document_added", "training_session.document_removed"]));
  });

  it("trainers attach published guide exercises; the space lists them with a link into the guide", async () => {
    await handle.db.transaction((tx) => seedGuideDemo(tx, tableA));
    const [exercise] = await listGuideExercises(handle.db, tableA);
    expect(exercise).toBeDefined();
    const attached = await call(handle.db, spaceRoute.action, { path: sessionPath("space"), user: u.trainerY, params: { sessionId }, form: { intent: "attachExercise", exerciseKey: exercise!.key } });
    expect(attached.location).toBe(`${sessionPath("space")}?done=attached`);
    const view = await call(handle.db, spaceRoute.loader, { path: sessionPath("space"), user: u.w3, params: { sessionId } });
    expect(view.data).toMatchObject({ exercises: [{ key: exercise!.key, href: `/guide/sections/${exercise!.sectionId}#exercise-${exercise!.key}` }] });
    // The coordinator's session page lists them too.
    const edit = await call(handle.db, sessionEditRoute.loader, { path: `/training/sessions/${sessionId}`, user: u.coordinator, params: { sessionId } });
    expect(edit.data).toMatchObject({ exercises: [{ key: exercise!.key }] });
    expect((await call(handle.db, spaceRoute.action, { path: sessionPath("space"), user: u.w3, params: { sessionId }, form: { intent: "detachExercise", exerciseKey: exercise!.key } })).status).toBe(404);
    const detached = await call(handle.db, spaceRoute.action, { path: sessionPath("space"), user: u.coordinator, params: { sessionId }, form: { intent: "detachExercise", exerciseKey: exercise!.key } });
    expect(detached.location).toBe(`${sessionPath("space")}?done=detached`);
  });

  it("attaching an exercise that is not in the Table's published guide answers 404", async () => {
    const res = await call(handle.db, spaceRoute.action, { path: sessionPath("space"), user: u.trainerY, params: { sessionId }, form: { intent: "attachExercise", exerciseKey: "no-such-exercise" } });
    expect(res.status).toBe(404);
  });

  it("'my training' lists the person's sessions with their part", async () => {
    const w1 = await call(handle.db, mineRoute.loader, { path: "/training/mine", user: u.w1 });
    expect(w1.data).toMatchObject({ sessions: [{ id: sessionId, as: "participant", completed: true, evaluationPending: false }] });
    const w4 = await call(handle.db, mineRoute.loader, { path: "/training/mine", user: u.w4 });
    expect(w4.data).toMatchObject({ sessions: [{ id: sessionId, as: "participant", completed: false, evaluationPending: true }] });
    expect((await call(handle.db, mineRoute.loader, { path: "/training/mine", user: u.trainerY })).data).toMatchObject({ sessions: [{ as: "trainer" }] });
    expect((await call(handle.db, mineRoute.loader, { path: "/training/mine", user: u.observer })).data).toMatchObject({ sessions: [{ as: "observer" }] });
    expect((await call(handle.db, mineRoute.loader, { path: "/training/mine", user: u.otherObserver })).data).toEqual({ sessions: [] });
  });
});

describe("programs", () => {
  const form = {
    nameFr: "Formation de rappel (1 jour)",
    nameEn: "Refresher training (1 day)",
    summaryFr: "Un jour pour revoir les signes.",
    summaryEn: "One day to review the signs.",
    guideModules: "skills",
    "day0.titleFr": "Jour unique",
    "day0.titleEn": "Single day",
    "day0.objectivesFr": "Revoir les signes\nPratiquer l'accueil d'une confidence",
    "day0.objectivesEn": "Review the signs\nPractise receiving a disclosure",
  };
  it("the coordinator adds a program with its days and objectives; another role gets 404", async () => {
    expect((await call(handle.db, newProgramRoute.action, { path: "/training/programs/new", user: u.trainerX, form })).status).toBe(404);
    const bad = await call(handle.db, newProgramRoute.action, { path: "/training/programs/new", user: u.coordinator, form: { ...form, "day0.titleFr": "", "day0.titleEn": "", "day0.objectivesFr": "", "day0.objectivesEn": "" } });
    expect(bad.status).toBe(400);
    // The page's form carries its submission key: the same key twice is one program, one answer.
    const keyed = { ...form, [SUBMISSION_KEY_FIELD]: randomUUID() };
    expect((await call(handle.db, newProgramRoute.action, { path: "/training/programs/new", user: u.coordinator, form: { ...form } })).status).toBe(400);
    const created = await call(handle.db, newProgramRoute.action, { path: "/training/programs/new", user: u.coordinator, form: keyed });
    const again = await call(handle.db, newProgramRoute.action, { path: "/training/programs/new", user: u.coordinator, form: keyed });
    const rows = await handle.db.select().from(trainingProgram).where(eq(trainingProgram.nameFr, form.nameFr));
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(created.location).toBe(`/training?saved=1#program-${row!.id}`);
    expect(again.location).toBe(created.location);
    expect(row).toMatchObject({ guideModules: ["skills"], days: [{ titleFr: "Jour unique", objectivesEn: ["Review the signs", "Practise receiving a disclosure"] }] });
  });

  it("edits a program with optimistic locking; another Table's program is 404", async () => {
    const params = { programId };
    expect((await call(handle.db, programRoute.loader, { path: `/training/programs/${programId}`, user: u.coordinatorB, params })).status).toBe(404);
    const loaded = await call(handle.db, programRoute.loader, { path: `/training/programs/${programId}`, user: u.coordinator, params });
    // The basic program's French module names read as the guide's modules.
    expect(loaded.data).toMatchObject({ version: 1, values: { guideModules: ["knowledge", "attitudes", "skills"] } });
    const saved = await call(handle.db, programRoute.action, { path: `/training/programs/${programId}`, user: u.coordinator, params, form: { ...form, version: "1", nameFr: "Formation de base (2 jours)" } });
    expect(saved.location).toBe("/training?saved=1");
    const stale = await call(handle.db, programRoute.action, { path: `/training/programs/${programId}`, user: u.coordinator, params, form: { ...form, version: "1" } });
    expect(stale.status).toBe(409);
    expect(await auditActions()).toEqual(expect.arrayContaining(["training_program.created", "training_program.updated"]));
  });
});
