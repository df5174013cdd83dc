import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { DatabaseHandle } from "../../app/modules/db/client.server.ts";
import { recordAuditEvent } from "../../app/modules/audit/record-audit-event.server.ts";
import { auditEvent } from "../../app/modules/audit/tables.ts";
import { consultation } from "../../app/modules/consultations/tables.ts";
import { emailMessage } from "../../app/modules/email/tables.ts";
import { responsibility } from "../../app/modules/meetings/responsibilities/tables.ts";
import { deleteIncident } from "../../app/modules/privacy/delete-incident.server.ts";
import { REGISTER_COLUMNS } from "../../app/modules/privacy/export-register.server.ts";
import { privacyAccessOf } from "../../app/modules/privacy/privacy-access.server.ts";
import { privacyCorrectionRequest, privacyIncident, privacyIncidentMeasure } from "../../app/modules/privacy/tables.ts";
import { getCurrentUser } from "../../app/modules/identity/current-user.server.ts";
import { SUBMISSION_KEY_FIELD } from "../../app/modules/forms/submission-field.ts";
import { translator } from "../../app/i18n/catalog.ts";
import * as listPage from "../../app/routes/privacy/incidents.tsx";
import * as newPage from "../../app/routes/privacy/incidents.new.tsx";
import * as incidentPage from "../../app/routes/privacy/incidents.$incidentId.tsx";
import * as editPage from "../../app/routes/privacy/incidents.$incidentId.edit.tsx";
import * as countsPage from "../../app/routes/privacy/incidents.counts.tsx";
import * as csvRoute from "../../app/routes/privacy/incidents.register.csv.tsx";
import * as pdfRoute from "../../app/routes/privacy/incidents.register.pdf.tsx";
import * as readsPage from "../../app/routes/privacy/reads.tsx";
import * as consultationReadsPage from "../../app/routes/privacy/consultations.$consultationId.reads.tsx";
import * as auditPage from "../../app/routes/privacy/audit.tsx";
import * as assessmentsNew from "../../app/routes/privacy/assessments.new.tsx";
import * as assessmentPage from "../../app/routes/privacy/assessments.$assessmentId.tsx";
import * as correctionsPage from "../../app/routes/privacy/corrections.tsx";
import * as myData from "../../app/routes/privacy/my-data.tsx";
import * as myDataJson from "../../app/routes/privacy/my-data.json.tsx";
import { createTestDatabase, testContext } from "../support/test-db.ts";
import { pdfText } from "../support/pdf-text.ts";
import { callRoute, createAuthzDataset, createPerson, signIn, type AuthzDataset, type FixturePerson } from "../support/fixtures.ts";

let handle: DatabaseHandle;
let ds: AuthzDataset;
let org1Officer: FixturePerson;
let org2Officer: FixturePerson;
let tableBOfficer: FixturePerson;
type Who = "table" | "org1" | "org2" | "tableB" | "coordinator" | "worker" | "pivot" | "admin";
const cookies = {} as Record<Who, string>;
const ids = { tableIncident: "", org1Incident: "", serious: "", consultation: "", innerConsultation: "" as string | undefined };

const ctx = () => testContext(handle.db);
type Mod = { loader?: unknown; action?: unknown };
const get = (mod: Mod, url: string, who: Who, params: Record<string, string> = {}) => callRoute(mod.loader as never, { url, params, cookie: cookies[who], context: ctx() });
const post = (mod: Mod, url: string, who: Who, body: Record<string, string>, params: Record<string, string> = {}) => callRoute(mod.action as never, { url, params, cookie: cookies[who], method: "POST", body, context: ctx() });

/** A resource route's Response, body included (callRoute keeps only the status). */
async function download(mod: Mod, url: string, who: Who): Promise<Response> {
  const request = new Request(new URL(url, "http://localhost:3000"), { headers: { cookie: cookies[who] } });
  return (await (mod.loader as (a: unknown) => Promise<Response>)({ request, params: {}, context: ctx(), url: new URL(request.url), pattern: "" })) as Response;
}

/** RFC 4180, as the exports module writes it (BOM, CRLF, quoted cells). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const body = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\r" && body[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += c;
  }
  return rows;
}

const fullIncident = {
  title: "Courriel de suivi envoyé à la mauvaise liste",
  personalInformation: "Nom et courriel professionnel de trois intervenantes",
  notDescribedReason: "",
  circumstances: "Une liste de diffusion erronée a été choisie dans le logiciel de courriel.",
  occurredOn: "2026-11-02",
  occurredUntil: "2026-11-03",
  knownOn: "2026-11-04",
  knownUntil: "",
  peopleCount: "3",
  peopleCountApproximate: "on",
  sensitivity: "Faible, coordonnées professionnelles",
  possibleMisuses: "Hameçonnage ciblé",
  consequences: "Courriels non sollicités",
  likelihood: "low",
  severity: "minor",
  riskReasoning: "Renseignements déjà publics dans le bottin",
  commissionNoticeOn: "",
  peopleNoticeOn: "",
  publicNoticeReason: "",
  ministerNoticeOn: "",
  measuresTaken: "Rappel du message et suppression confirmée",
};

async function create(who: Who, body: Record<string, string>): Promise<string> {
  const res = await post(newPage, "/privacy/incidents/new", who, { [SUBMISSION_KEY_FIELD]: randomUUID(), ...body });
  expect(res.status, JSON.stringify(res.data)).toBe(302);
  return res.location!.match(/incidents\/([0-9a-f-]{36})/)![1]!;
}
const version = async (id: string) => String((await handle.db.select({ v: privacyIncident.version }).from(privacyIncident).where(eq(privacyIncident.id, id)))[0]!.v);
const incidentUrl = (id: string) => [`/privacy/incidents/${id}`, { incidentId: id }] as const;

beforeAll(async () => {
  handle = await createTestDatabase();
  ds = await createAuthzDataset(handle.db);
  org1Officer = await createPerson(handle.db, { partnershipId: ds.tableA, organizationId: ds.org1, roles: [{ role: "privacy_officer", organizationId: ds.org1 }] });
  org2Officer = await createPerson(handle.db, { partnershipId: ds.tableA, organizationId: ds.org2, roles: [{ role: "privacy_officer", organizationId: ds.org2 }] });
  tableBOfficer = await createPerson(handle.db, { partnershipId: ds.tableB, organizationId: ds.orgB, roles: [{ role: "privacy_officer" }] });
  cookies.table = await signIn(handle.db, ds.people.privacy_officer.accountId!);
  cookies.org1 = await signIn(handle.db, org1Officer.accountId!);
  cookies.org2 = await signIn(handle.db, org2Officer.accountId!);
  cookies.tableB = await signIn(handle.db, tableBOfficer.accountId!);
  cookies.coordinator = await signIn(handle.db, ds.people.table_coordinator.accountId!);
  cookies.worker = await signIn(handle.db, ds.people.worker.accountId!);
  cookies.pivot = await signIn(handle.db, ds.people.pivot.accountId!);
  cookies.admin = await signIn(handle.db, ds.people.platform_admin.accountId!, { activePartnershipId: ds.tableA });
}, 120_000);
afterAll(async () => {
  await handle?.close();
});

describe("the confidentiality-incident register", () => {
  it("each officer records in their own register; another's incident answers 404", async () => {
    ids.tableIncident = await create("table", fullIncident);
    ids.org1Incident = await create("org1", { ...fullIncident, title: "Dossier papier égaré" });
    const [row] = await handle.db.select().from(privacyIncident).where(eq(privacyIncident.id, ids.org1Incident));
    expect(row).toMatchObject({ organizationId: ds.org1, status: "reported", peopleCount: 3, peopleCountApproximate: true, occurredUntil: "2026-11-03", severity: "minor" });
    expect((await handle.db.select().from(privacyIncident).where(eq(privacyIncident.id, ids.tableIncident)))[0]!.organizationId).toBeNull();
    // Another organization's officer, the Table's officer, another Table's officer: like a missing record.
    for (const who of ["org2", "table", "tableB"] as const) {
      const [url, params] = incidentUrl(ids.org1Incident);
      expect((await get(incidentPage, url, who, params)).status, who).toBe(404);
      expect((await get(editPage, `${url}/edit`, who, params)).status, who).toBe(404);
      expect((await post(incidentPage, url, who, { intent: "status", status: "assessed", version: "1" }, params)).status, who).toBe(404);
    }
    const titles = async (who: Who) => ((await get(listPage, "/privacy/incidents", who)).data as { incidents: { title: string }[] }).incidents.map((i) => i.title);
    expect(await titles("org1")).toEqual(["Dossier papier égaré"]);
    expect(await titles("table")).toEqual([fullIncident.title]);
    expect(await titles("org2")).toEqual([]);
    expect(await titles("tableB")).toEqual([]);
    // The coordinator, the platform admin and a worker do not reach the register.
    for (const who of ["coordinator", "admin", "worker"] as const) expect((await get(listPage, "/privacy/incidents", who)).status, who).toBe(404);
  });

  it("an officer of two registers must say which; a register not theirs is refused", async () => {
    const both = await createPerson(handle.db, { partnershipId: ds.tableA, organizationId: ds.org2, roles: [{ role: "privacy_officer", organizationId: ds.org2 }, { role: "privacy_officer" }] });
    const user = await getCurrentUser(handle.db, new Request("http://x/", { headers: { cookie: await signIn(handle.db, both.accountId!) } }), false);
    expect(privacyAccessOf(user!)?.registers.sort()).toEqual([ds.org2, null].sort());
    const cookie = await signIn(handle.db, both.accountId!);
    const noRegister = await callRoute(newPage.action as never, { url: "/privacy/incidents/new", cookie, method: "POST", body: { [SUBMISSION_KEY_FIELD]: randomUUID(), ...fullIncident }, context: ctx() });
    expect(noRegister.status).toBe(400);
    expect((noRegister.data as { errors: Record<string, string[]> }).errors.register).toEqual(["privacy.form.registerRequired"]);
    const foreign = await callRoute(newPage.action as never, { url: "/privacy/incidents/new", cookie, method: "POST", body: { [SUBMISSION_KEY_FIELD]: randomUUID(), ...fullIncident, register: ds.org1 }, context: ctx() });
    expect(foreign.status).toBe(400);
  });

  it("refuses an incident without a description of the information or a reason, and a period that ends before it starts", async () => {
    const res = await post(newPage, "/privacy/incidents/new", "table", { [SUBMISSION_KEY_FIELD]: randomUUID(), ...fullIncident, personalInformation: "", occurredUntil: "2026-10-01" });
    expect(res.status).toBe(400);
    const errors = (res.data as { errors: Record<string, string[]> }).errors;
    expect(errors.personalInformation).toEqual(["privacy.form.describeOrWhy"]);
    expect(errors.occurredUntil).toEqual(["privacy.form.periodOrder"]);
  });

  it("moves along reported → assessed → notified → closed, each step audited; notices are needed when the risk is serious", async () => {
    ids.serious = await create("table", { ...fullIncident, title: "Identité d'une jeune dans un message", severity: "serious", riskReasoning: "Mineure, renseignements sensibles" });
    const [url, params] = incidentUrl(ids.serious);
    const step = async (status: string) => post(incidentPage, url, "table", { intent: "status", status, version: await version(ids.serious) }, params);
    expect((await step("closed")).data).toMatchObject({ formError: "privacy.refused.transition" });
    expect((await step("assessed")).status).toBe(302);
    // Serious: closing before the notices, or notifying without their dates, is refused.
    expect((await step("closed")).data).toMatchObject({ formError: "privacy.refused.notices_missing" });
    expect((await step("notified")).data).toMatchObject({ formError: "privacy.refused.notices_missing" });
    const edit = await post(editPage, `${url}/edit`, "table", { ...fullIncident, title: "Identité d'une jeune dans un message", severity: "serious", riskReasoning: "Mineure", commissionNoticeOn: "2026-11-06", peopleNoticeOn: "2026-11-07", version: await version(ids.serious) }, params);
    expect(edit.status, JSON.stringify(edit.data)).toBe(302);
    // A stale version answers 409.
    expect((await post(incidentPage, url, "table", { intent: "status", status: "notified", version: "1" }, params)).status).toBe(409);
    expect((await step("notified")).status).toBe(302);
    expect((await step("closed")).status).toBe(302);
    const [row] = await handle.db.select().from(privacyIncident).where(eq(privacyIncident.id, ids.serious));
    expect(row!.status).toBe("closed");
    expect(row!.closedAt).toBeInstanceOf(Date);
    const moves = await handle.db.select({ details: auditEvent.details }).from(auditEvent).where(and(eq(auditEvent.action, "privacy.incident_status_changed"), eq(auditEvent.targetId, ids.serious)));
    expect(moves.map((m) => `${m.details.from}→${m.details.to}`)).toEqual(["reported→assessed", "assessed→notified", "notified→closed"]);
  });

  it("links follow-up measures to responsibilities (the organization's, for an organization's register)", async () => {
    const [url, params] = incidentUrl(ids.org1Incident);
    const owner = ds.people.pivot_coordinator.personId;
    const res = await post(incidentPage, url, "org1", { intent: "measure", [SUBMISSION_KEY_FIELD]: randomUUID(), what: "Former l'équipe au classement des dossiers", ownerPersonId: owner, dueOn: "2026-12-20" }, params);
    expect(res.status, JSON.stringify(res.data)).toBe(302);
    const [link] = await handle.db.select().from(privacyIncidentMeasure).where(eq(privacyIncidentMeasure.incidentId, ids.org1Incident));
    const [r] = await handle.db.select().from(responsibility).where(eq(responsibility.id, link!.responsibilityId));
    expect(r).toMatchObject({ scopeOrganizationId: ds.org1, ownerPersonId: owner, dueOn: "2026-12-20", what: "Former l'équipe au classement des dossiers" });
    // An owner outside the organization is refused.
    const outsider = await post(incidentPage, url, "org1", { intent: "measure", [SUBMISSION_KEY_FIELD]: randomUUID(), what: "x", ownerPersonId: ds.personOrg2.personId, dueOn: "2026-12-20" }, params);
    expect(outsider.status).toBe(400);
    const page = (await get(incidentPage, url, "org1", params)).data as { measures: { what: string; owner: string; status: string }[] };
    expect(page.measures).toEqual([expect.objectContaining({ what: "Former l'équipe au classement des dossiers", status: "todo" })]);
  });

  it("keeps an incident five years after it closed: the retention lock holds in the use case", async () => {
    const user = await getCurrentUser(handle.db, new Request("http://x/", { headers: { cookie: cookies.table } }), false);
    const access = privacyAccessOf(user!)!;
    const actor = { accountId: user!.accountId, role: "privacy_officer", organizationId: null, partnershipId: ds.tableA, requestId: "test", ip: "" };
    // Open: refused.
    expect((await deleteIncident(handle.db, actor, access, ids.tableIncident, Number(await version(ids.tableIncident)))).kind).toBe("refused");
    const [row] = await handle.db.select().from(privacyIncident).where(eq(privacyIncident.id, ids.serious));
    const closedAt = row!.closedAt!;
    const v = Number(await version(ids.serious));
    const justBefore = new Date(closedAt);
    justBefore.setUTCFullYear(justBefore.getUTCFullYear() + 5);
    justBefore.setUTCMinutes(justBefore.getUTCMinutes() - 1);
    const refused = await deleteIncident(handle.db, actor, access, ids.serious, v, justBefore);
    expect(refused).toMatchObject({ kind: "refused", reason: "retention_lock" });
    // Through the page, today: 409 with the lock's reason, the row kept.
    const [url, params] = incidentUrl(ids.serious);
    const viaPage = await post(incidentPage, url, "table", { intent: "delete", version: String(v) }, params);
    expect(viaPage.status).toBe(409);
    expect(viaPage.data).toMatchObject({ formError: "privacy.refused.retention_lock" });
    // Another register's officer cannot destroy it either, even later.
    const org1User = await getCurrentUser(handle.db, new Request("http://x/", { headers: { cookie: cookies.org1 } }), false);
    const later = new Date(closedAt);
    later.setUTCFullYear(later.getUTCFullYear() + 6);
    expect((await deleteIncident(handle.db, actor, privacyAccessOf(org1User!)!, ids.serious, v, later)).kind).toBe("not_found");
    expect(await handle.db.select().from(privacyIncident).where(eq(privacyIncident.id, ids.serious))).toHaveLength(1);
    // Five years and a day after closing: destroyed, audited without content.
    expect((await deleteIncident(handle.db, actor, access, ids.serious, v, later)).kind).toBe("ok");
    expect(await handle.db.select().from(privacyIncident).where(eq(privacyIncident.id, ids.serious))).toHaveLength(0);
    const [event] = await handle.db.select().from(auditEvent).where(and(eq(auditEvent.action, "privacy.incident_destroyed"), eq(auditEvent.targetId, ids.serious)));
    expect(JSON.stringify(event!.details)).not.toContain("jeune");
  });

  it("gives the Table coordinator counts only, by status and severity", async () => {
    const res = await get(countsPage, "/privacy/incidents/counts", "coordinator");
    expect(res.status).toBe(200);
    const counts = (res.data as { counts: { total: number; byStatus: Record<string, number>; bySeverity: Record<string, number> } }).counts;
    expect(counts.total).toBe(2);
    expect(counts.byStatus).toEqual({ reported: 2, assessed: 0, notified: 0, closed: 0 });
    expect(counts.bySeverity.minor).toBe(2);
    expect(JSON.stringify(res.data)).not.toContain("Dossier");
    expect(JSON.stringify(res.data)).not.toContain(ds.org1);
    expect((await get(countsPage, "/privacy/incidents/counts", "table")).status).toBe(404);
  });

  it("exports the register for the Commission as CSV and PDF, in French, each download audited", async () => {
    const csvResponse = await download(csvRoute, "/privacy/incidents/register.csv", "table");
    expect(csvResponse.status).toBe(200);
    expect(csvResponse.headers.get("content-type")).toContain("text/csv");
    const rows = parseCsv(await csvResponse.text());
    const fr = translator("fr");
    expect(rows[0]).toEqual(REGISTER_COLUMNS.map((k) => fr(k)));
    expect(rows).toHaveLength(2);
    const cell = (name: (typeof REGISTER_COLUMNS)[number]) => rows[1]![REGISTER_COLUMNS.indexOf(name)];
    expect(cell("privacy.field.title")).toBe(fullIncident.title);
    expect(cell("privacy.field.register")).toBe(fr("privacy.register.table"));
    expect(cell("privacy.field.personalInformation")).toBe(fullIncident.personalInformation);
    expect(cell("privacy.field.circumstances")).toBe(fullIncident.circumstances);
    expect(cell("privacy.field.occurredOn")).toBe("2 nov. 2026");
    expect(cell("privacy.field.occurredUntil")).toBe("3 nov. 2026");
    expect(cell("privacy.field.knownOn")).toBe("4 nov. 2026");
    expect(cell("privacy.field.peopleCount")).toBe("3");
    expect(cell("privacy.field.peopleCountApproximate")).toBe("oui");
    expect(cell("privacy.field.possibleMisuses")).toBe("Hameçonnage ciblé");
    expect(cell("privacy.field.likelihood")).toBe("Faible");
    expect(cell("privacy.field.severity")).toBe("Faible");
    expect(cell("privacy.field.riskReasoning")).toBe(fullIncident.riskReasoning);
    expect(cell("privacy.field.measuresTaken")).toBe(fullIncident.measuresTaken);
    expect(cell("privacy.field.status")).toBe("Signalé");
    // The organization's register is not in the Table's copy.
    expect(rows.flat()).not.toContain("Dossier papier égaré");

    const pdfResponse = await download(pdfRoute, "/privacy/incidents/register.pdf", "org1");
    expect(pdfResponse.headers.get("content-type")).toBe("application/pdf");
    const text = pdfText(Buffer.from(await pdfResponse.arrayBuffer()));
    expect(text).toContain("Registre des incidents de confidentialité");
    expect(text).toContain("Dossier papier égaré");
    expect(text).toContain(fullIncident.circumstances.slice(0, 30));
    expect(text).not.toContain(fullIncident.title);

    const exports = await handle.db.select({ details: auditEvent.details }).from(auditEvent).where(eq(auditEvent.action, "privacy.register_exported"));
    expect(exports.map((e) => [e.details.format, e.details.incidents])).toEqual([
      ["csv", 1],
      ["pdf", 1],
    ]);
    expect(String(exports[0]!.details.sha256)).toMatch(/^[0-9a-f]{64}$/);
    // Nobody else downloads it.
    expect((await callRoute(csvRoute.loader as never, { url: "/privacy/incidents/register.csv", cookie: cookies.coordinator, context: ctx() })).status).toBe(404);
  });
});

describe("who read a consultation", () => {
  beforeAll(async () => {
    const [c] = await handle.db
      .insert(consultation)
      .values({ partnershipId: ds.tableA, askerPersonId: ds.people.worker.personId, askerOrganizationId: ds.org1, targetOrganizationId: ds.org2, subject: "Jeune de 15 ans, fugues répétées", context: "Contexte", question: "Que faire ?" })
      .returning({ id: consultation.id });
    ids.consultation = c!.id;
    const reader = { accountId: ds.people.pivot.accountId, role: "pivot", organizationId: ds.org1, partnershipId: ds.tableA, requestId: "r", ip: "" };
    for (let i = 0; i < 2; i++) await handle.db.transaction((tx) => recordAuditEvent(tx, reader, { action: "consultation.read", targetType: "consultation", targetId: ids.consultation, details: {} }));
    // A consultation inside organization 2 only: organization 1's officer has no business with it.
    const [inner] = await handle.db
      .insert(consultation)
      .values({ partnershipId: ds.tableA, askerPersonId: org2Officer.personId, askerOrganizationId: ds.org2, targetOrganizationId: ds.org2, subject: "Question interne", context: "Contexte", question: "Que faire ?" })
      .returning({ id: consultation.id });
    ids.innerConsultation = inner!.id;
    const coordinatorReads = { accountId: ds.people.table_coordinator.accountId, role: "pivot", organizationId: ds.org2, partnershipId: ds.tableA, requestId: "r", ip: "" };
    await handle.db.transaction((tx) => recordAuditEvent(tx, coordinatorReads, { action: "consultation.read", targetType: "consultation", targetId: ids.innerConsultation!, details: {} }));
  });

  it("lists the reads for the asker and the officer; anyone else gets 404", async () => {
    const url = `/privacy/consultations/${ids.consultation}/reads`;
    const params = { consultationId: ids.consultation };
    for (const who of ["worker", "table"] as const) {
      const res = await get(consultationReadsPage, url, who, params);
      expect(res.status, who).toBe(200);
      const reads = (res.data as { reads: { name: string; email: string }[] }).reads;
      expect(reads).toHaveLength(2);
      expect(reads[0]!.email).toBe(ds.people.pivot.email);
    }
    // An organization's privacy officer sees the reads of the consultations their organization is party to, no others.
    expect((await get(consultationReadsPage, url, "org1", params)).status).toBe(200);
    expect((await get(consultationReadsPage, url, "org2", params)).status).toBe(200);
    const inner = { consultationId: ids.innerConsultation! };
    expect((await get(consultationReadsPage, `/privacy/consultations/${ids.innerConsultation}/reads`, "org1", inner)).status).toBe(404);
    expect((await get(consultationReadsPage, `/privacy/consultations/${ids.innerConsultation}/reads`, "org2", inner)).status).toBe(200);
    expect((await get(consultationReadsPage, `/privacy/consultations/${ids.innerConsultation}/reads`, "table", inner)).status).toBe(200);
    for (const who of ["pivot", "coordinator", "tableB"] as const) expect((await get(consultationReadsPage, url, who, params)).status, who).toBe(404);
    const viewed = await handle.db.select().from(auditEvent).where(and(eq(auditEvent.action, "privacy.consultation_reads_viewed"), eq(auditEvent.targetId, ids.consultation)));
    expect(viewed).toHaveLength(4);
  });

  it("counts reads per person over a period, for the officer", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const res = await get(readsPage, `/privacy/reads?from=2026-01-01&to=${today > "2026-01-01" ? today : "2026-12-31"}`, "table");
    const people = (res.data as { people: { email: string; reads: number; consultations: number }[] }).people;
    expect(people.find((p) => p.email === ds.people.pivot.email)).toMatchObject({ reads: 2, consultations: 1 });
    expect(people.find((p) => p.email === ds.people.table_coordinator.email)).toMatchObject({ reads: 1, consultations: 1 });
    // Organization 1's officer: the reads of consultations organization 1 is party to only.
    const org1 = (await get(readsPage, `/privacy/reads?from=2026-01-01&to=${today > "2026-01-01" ? today : "2026-12-31"}`, "org1")).data as { people: { email: string }[] };
    expect(org1.people.map((p) => p.email)).toEqual([ds.people.pivot.email]);
    const empty = await get(readsPage, "/privacy/reads?from=2001-01-01&to=2001-01-31", "table");
    expect((empty.data as { people: unknown[] }).people).toEqual([]);
    // A nonsense period falls back to the default, never a 5xx.
    expect((await get(readsPage, "/privacy/reads?from=2026-02-30&to=nope", "table")).status).toBe(200);
    expect((await get(readsPage, `/privacy/reads?consultation=${ids.consultation}`, "table")).location).toBe(`/privacy/consultations/${ids.consultation}/reads`);
  });
});

describe("the audit chain", () => {
  it("verifies now on POST, audited, and shows the last verdict", async () => {
    expect(((await get(auditPage, "/privacy/audit", "table")).data as { last: unknown }).last).toBeNull();
    const res = await post(auditPage, "/privacy/audit", "table", { intent: "verify" });
    expect(res.location).toBe("/privacy/audit?saved=verified");
    const last = ((await get(auditPage, "/privacy/audit", "table")).data as { last: { ok: boolean; count: number } }).last;
    expect(last.ok).toBe(true);
    expect(last.count).toBeGreaterThan(0);
    expect((await post(auditPage, "/privacy/audit", "table", { intent: "other" })).status).toBe(400);
    expect((await post(auditPage, "/privacy/audit", "worker", { intent: "verify" })).status).toBe(404);
  });
});

describe("a person's own data", () => {
  it("downloads what Filet holds about them as JSON, audited", async () => {
    const res = await download(myDataJson, "/privacy/my-data.json", "worker");
    expect(res.headers.get("content-disposition")).toContain("attachment");
    const mine = (await res.json()) as { profile: { email: string }; roles: { role: string }[]; consultations: { subject: string }[]; posts: unknown[]; activities: unknown[]; designations: unknown[] };
    expect(mine.profile.email).toBe(ds.people.worker.email);
    expect(mine.roles.map((r) => r.role)).toEqual(["worker"]);
    expect(mine.consultations.map((c) => c.subject)).toEqual(["Jeune de 15 ans, fugues répétées"]);
    expect(mine).toHaveProperty("posts");
    expect(mine).toHaveProperty("activities");
    expect(mine).toHaveProperty("designations");
    // Someone else's consultations are not theirs.
    const other = (await (await download(myDataJson, "/privacy/my-data.json", "pivot")).json()) as { consultations: unknown[] };
    expect(other.consultations).toEqual([]);
    const events = await handle.db.select({ details: auditEvent.details }).from(auditEvent).where(and(eq(auditEvent.action, "privacy.own_data_downloaded"), eq(auditEvent.targetId, ds.people.worker.personId)));
    expect(events.map((e) => e.details.format)).toEqual(["json"]);
    expect((await get(myData, "/privacy/my-data", "worker")).status).toBe(200);
  });

  it("stores a correction request for the Table's officer and emails them without its content", async () => {
    const text = "Mon titre devrait être « travailleuse sociale »";
    const res = await post(myData, "/privacy/my-data", "worker", { [SUBMISSION_KEY_FIELD]: randomUUID(), request: text });
    expect(res.status).toBe(302);
    const [stored] = await handle.db.select().from(privacyCorrectionRequest).where(eq(privacyCorrectionRequest.personId, ds.people.worker.personId));
    expect(stored).toMatchObject({ request: text, status: "open", partnershipId: ds.tableA });
    const mails = await handle.db.select().from(emailMessage).where(eq(emailMessage.toAddress, ds.people.privacy_officer.email));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.textBody).not.toContain("travailleuse");
    expect(mails[0]!.subject).not.toContain("travailleuse");
    // Not the organizations' officers.
    expect(await handle.db.select().from(emailMessage).where(eq(emailMessage.toAddress, org1Officer.email))).toHaveLength(0);
    const list = (await get(correctionsPage, "/privacy/corrections", "table")).data as { requests: { id: string; request: string; version: number }[] };
    expect(list.requests.map((r) => r.request)).toEqual([text]);
    expect((await get(correctionsPage, "/privacy/corrections", "org1")).status).toBe(404);
    const answered = await post(correctionsPage, "/privacy/corrections", "table", { requestId: stored!.id, status: "done", answer: "Titre corrigé.", version: String(stored!.version) });
    expect(answered.status).toBe(302);
    const mine = ((await get(myData, "/privacy/my-data", "worker")).data as { mine: { corrections: { status: string; answer: string }[] } }).mine;
    expect(mine.corrections).toEqual([expect.objectContaining({ status: "done", answer: "Titre corrigé." })]);
  });
});

describe("EFVP records", () => {
  it("the Table's officer records and edits an EFVP (version checked); an organization's officer has none to keep", async () => {
    const res = await post(assessmentsNew, "/privacy/assessments/new", "table", { [SUBMISSION_KEY_FIELD]: randomUUID(), feature: "sign_in", title: "EFVP de la connexion", summary: "", startedOn: "2026-09-01", completedOn: "2026-10-01", reviewOn: "", decision: "approved", decisionReason: "Mesures suffisantes" });
    expect(res.status, JSON.stringify(res.data)).toBe(302);
    const refused = await post(assessmentsNew, "/privacy/assessments/new", "table", { [SUBMISSION_KEY_FIELD]: randomUUID(), feature: "sign_in", title: "x", startedOn: "2026-09-01", decision: "approved", decisionReason: "" });
    expect((refused.data as { errors: Record<string, string[]> }).errors).toMatchObject({ decisionReason: ["privacy.form.decisionReason"], completedOn: ["privacy.form.completedRequired"] });
    const list = (await get((await import("../../app/routes/privacy/assessments.tsx")) as Mod, "/privacy/assessments", "table")).data as { assessments: { id: string; version: number }[] };
    const a = list.assessments[0]!;
    const url = `/privacy/assessments/${a.id}`;
    const body = { feature: "sign_in", title: "EFVP de la connexion (révisée)", summary: "", startedOn: "2026-09-01", completedOn: "2026-10-01", reviewOn: "2027-10-01", decision: "approved", decisionReason: "Mesures suffisantes", version: String(a.version) };
    expect((await post(assessmentPage, url, "table", body, { assessmentId: a.id })).status).toBe(302);
    expect((await post(assessmentPage, url, "table", body, { assessmentId: a.id })).status).toBe(409);
    expect((await get(assessmentPage, url, "org1", { assessmentId: a.id })).status).toBe(404);
    expect((await get(assessmentPage, url, "tableB", { assessmentId: a.id })).status).toBe(404);
  });
});
