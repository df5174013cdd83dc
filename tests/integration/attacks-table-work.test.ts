import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import type { DatabaseHandle } from "../../app/modules/db/client.server.ts";
import { rowsOf } from "../../app/modules/db/rows.ts";
import { actionPlanAction, actionPlanIndicator, actionPlanObjective } from "../../app/modules/action-plan/tables.ts";
import { announcement } from "../../app/modules/announcements/tables.ts";
import { emailMessage } from "../../app/modules/email/tables.ts";
import { storedFile } from "../../app/modules/files/tables.ts";
import { grantReportDate, grantSpending } from "../../app/modules/funding/tables.ts";
import { coordinationHandover } from "../../app/modules/handover/tables.ts";
import { meeting, meetingAgendaItem, meetingDecision } from "../../app/modules/meetings/tables.ts";
import { responsibility } from "../../app/modules/meetings/responsibilities/tables.ts";
import { parseRichText } from "../../app/modules/rich-text/parse-rich-text.ts";
import * as newMeetingRoute from "../../app/routes/meetings/new.tsx";
import * as meetingRoute from "../../app/routes/meetings/$meetingId.tsx";
import * as editMeetingRoute from "../../app/routes/meetings/$meetingId.edit.tsx";
import * as meetingFileRoute from "../../app/routes/meetings/$meetingId.files.$fileId.tsx";
import * as icsRoute from "../../app/routes/meetings/$meetingId.ics.tsx";
import * as pdfRoute from "../../app/routes/meetings/$meetingId.pdf.tsx";
import * as respRoute from "../../app/routes/meetings/responsibilities.$responsibilityId.tsx";
import * as respNewRoute from "../../app/routes/meetings/responsibilities.new.tsx";
import * as respListRoute from "../../app/routes/meetings/responsibilities.tsx";
import * as plansRoute from "../../app/routes/table/action-plan.tsx";
import * as planRoute from "../../app/routes/table/action-plan.$year.tsx";
import * as newGrantRoute from "../../app/routes/table/funding.new.tsx";
import * as grantRoute from "../../app/routes/table/funding.$grantId.tsx";
import * as grantFileRoute from "../../app/routes/table/funding.$grantId.files.$fileId.tsx";
import * as handoverRoute from "../../app/routes/table/handover.tsx";
import * as newAnnouncementRoute from "../../app/routes/table/announcements.new.tsx";
import * as announcementRoute from "../../app/routes/table/announcements.$announcementId.tsx";
import { createTestDatabase, testContext } from "../support/test-db.ts";
import { callRoute, createAuthzDataset, createPerson, signIn, type AuthzDataset, type FixturePerson, type RouteOutcome } from "../support/fixtures.ts";
import { asPageSends } from "./table-form-support.ts";

/*
 * An attacker's review of the Table's work tools (meetings, responsibilities, action plan,
 * funding, handover, announcements): a signed-in member of Table A, of one organization, or of
 * Table B tries every id they can put in a URL or a form. Another Table's or organization's record
 * must answer exactly like a missing one, every form field id is checked against the Table in the
 * query, writes are audited, and nothing confidential leaves by email or by a crafted header.
 */

let handle: DatabaseHandle;
let ds: AuthzDataset;
const cookies = new Map<string, string>();
const ctx = () => testContext(handle.db);

const MISSING = "00000000-0000-4000-8000-000000000000";
const DASHES = "-".repeat(36);

type Who = FixturePerson;
const cookieOf = async (who: Who, table?: string) => {
  const key = `${who.email}:${table ?? ""}`;
  if (!cookies.has(key)) cookies.set(key, await signIn(handle.db, who.accountId!, { activePartnershipId: table ?? (who === ds.tableBCoordinator ? ds.tableB : ds.tableA) }));
  return cookies.get(key)!;
};
type Fn = Parameters<typeof callRoute>[0];
const get = async (fn: Fn, who: Who, url: string, params: Record<string, string> = {}) => callRoute(fn, { url, params, cookie: await cookieOf(who), context: ctx() });
/** The page a post to "/x" stands for (its params name it): the form is sent as that page sends it. */
const pageOf = (url: string, params: Record<string, string>) =>
  url !== "/x" ? url : params.responsibilityId ? `/responsibilities/${params.responsibilityId}` : params.grantId ? `/funding/${params.grantId}` : url;
const post = async (fn: Fn, who: Who, url: string, body: Record<string, string | string[]>, params: Record<string, string> = {}) =>
  callRoute(fn, { url, params, cookie: await cookieOf(who), method: "POST", body: await asPageSends({ url: pageOf(url, params), body, cookie: await cookieOf(who), context: ctx() }), context: ctx() });

/** A multipart POST (uploads), returning what the browser would get. */
async function postMultipart(fn: Fn, who: Who, url: string, form: FormData, params: Record<string, string>): Promise<RouteOutcome | Response> {
  const request = new Request(new URL(url, "http://localhost:3000"), { method: "POST", headers: { cookie: await cookieOf(who) }, body: await asPageSends({ url, body: form, cookie: await cookieOf(who), context: ctx() }) });
  try {
    const out = await (fn as (a: never) => unknown)({ request, params, context: ctx() } as never);
    if (out instanceof Response) return out;
    const d = out as { data: unknown; init: { status?: number } | null };
    return { status: d.init?.status ?? 200, location: null, data: d.data };
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    const d = thrown as { data: unknown; init: { status?: number } | null };
    if (d && typeof d === "object" && "init" in d) return { status: d.init?.status ?? 500, location: null, data: d.data };
    throw thrown;
  }
}

const notFoundBody = { status: 404, location: null, data: { message: "not_found" } };
const strip = (o: RouteOutcome) => ({ status: o.status, location: o.location, data: o.data });

async function auditCount(action: string): Promise<number> {
  return rowsOf<{ n: number }>(await handle.db.execute(sql`select count(*)::int as n from audit_event where action = ${action}`))[0]!.n;
}

const meetingForm = (overrides: Record<string, string | string[]> = {}) => ({
  title: "Rencontre de la Table",
  kind: "table",
  day: "2026-09-15",
  startTime: "09:00",
  endTime: "12:00",
  place: "Salle du conseil",
  objectives: "",
  itemId: ["", ""],
  itemTitle: ["Point un", "Point deux"],
  itemPresenter: ["", ""],
  itemDuration: ["10", "20"],
  itemNotes: ["", ""],
  inviteAll: "on",
  ...overrides,
});
const idFrom = (location: string | null) => /\/([0-9a-f-]{36})/.exec(location ?? "")![1]!;

let meetingA: string;
let meetingA2: string;
let meetingB: string;
let itemsA: string[];
let itemsA2: string[];
let itemsB: string[];
let responsibilityB: string;
let objectiveB: string;
let pivotCoordOrg2: FixturePerson;

async function createMeetingAs(who: Who, form = meetingForm()): Promise<string> {
  const res = await post(newMeetingRoute.action, who, "/meetings/new", form);
  expect(res.status, JSON.stringify(res.data)).toBe(302);
  return idFrom(res.location);
}
const itemsOf = async (meetingId: string) =>
  (await handle.db.select().from(meetingAgendaItem).where(eq(meetingAgendaItem.meetingId, meetingId))).sort((a, b) => a.position - b.position).map((i) => i.id);

beforeAll(async () => {
  handle = await createTestDatabase();
  ds = await createAuthzDataset(handle.db);
  pivotCoordOrg2 = await createPerson(handle.db, { partnershipId: ds.tableA, organizationId: ds.org2, email: "pc-org2@a.filet.test", roles: [{ role: "pivot_coordinator" }] });
  const coord = ds.people.table_coordinator;
  meetingA = await createMeetingAs(coord);
  meetingA2 = await createMeetingAs(coord, meetingForm({ title: "Deuxième rencontre", day: "2026-10-15" }));
  meetingB = await createMeetingAs(ds.tableBCoordinator, meetingForm({ title: "Rencontre de la Table B" }));
  itemsA = await itemsOf(meetingA);
  itemsA2 = await itemsOf(meetingA2);
  itemsB = await itemsOf(meetingB);
  for (const [who, id] of [[coord, meetingA], [coord, meetingA2], [ds.tableBCoordinator, meetingB]] as const) {
    expect((await post(meetingRoute.action, who, `/meetings/${id}`, { intent: "start" }, { meetingId: id })).status).toBe(302);
  }
  // Table B: an action plan objective and an open responsibility.
  expect((await post(plansRoute.action, ds.tableBCoordinator, "/action-plan", { intent: "create", year: "2026", title: "Plan B 2026", summary: "" })).status).toBe(302);
  const planB = await get(planRoute.loader, ds.tableBCoordinator, "/action-plan/2026", { year: "2026" });
  expect(planB.status).toBe(200);
  expect((await post(planRoute.action, ds.tableBCoordinator, "/action-plan/2026", { intent: "objective", title: "Objectif B", description: "" }, { year: "2026" })).status).toBe(302);
  objectiveB = (await handle.db.select().from(actionPlanObjective).where(eq(actionPlanObjective.partnershipId, ds.tableB)))[0]!.id;
  const r = await post(meetingRoute.action, ds.tableBCoordinator, `/meetings/${meetingB}`, { intent: "responsibility", agendaItemId: itemsB[0]!, what: "Tâche B", owner: `organization:${ds.orgB}`, dueOn: "2026-12-01" }, { meetingId: meetingB });
  expect(r.status, JSON.stringify(r.data)).toBe(302);
  responsibilityB = (await handle.db.select().from(responsibility).where(eq(responsibility.partnershipId, ds.tableB)))[0]!.id;
  // Table A: a plan for the same year (so a Table B id can be tried on a page that exists).
  expect((await post(plansRoute.action, coord, "/action-plan", { intent: "create", year: "2026", title: "Plan A 2026", summary: "" })).status).toBe(302);
});
afterAll(async () => {
  await handle?.close();
});

describe("meetings: ids in the URL", () => {
  it("another Table's meeting answers exactly like a missing one, on every meeting route, GET and POST", async () => {
    const b = ds.tableBCoordinator;
    const routes = [
      [meetingRoute.loader, `/meetings/:id`],
      [icsRoute.loader, `/meetings/:id/ics`],
      [pdfRoute.loader, `/meetings/:id/pdf`],
      [editMeetingRoute.loader, `/meetings/:id/edit`],
    ] as const;
    for (const [fn, path] of routes) {
      const foreign = await get(fn, b, path.replace(":id", meetingA), { meetingId: meetingA });
      const missing = await get(fn, b, path.replace(":id", MISSING), { meetingId: MISSING });
      expect(strip(foreign), path).toEqual(notFoundBody);
      expect(strip(missing), path).toEqual(notFoundBody);
    }
    for (const intent of ["start", "close", "cancel", "rsvp"]) {
      expect(strip(await post(meetingRoute.action, b, `/meetings/${meetingA}`, { intent, answer: "yes" }, { meetingId: meetingA }))).toEqual(notFoundBody);
    }
    const [m] = await handle.db.select().from(meeting).where(eq(meeting.id, meetingA));
    expect(m!.status).toBe("held");
  });

  it("a person without the permission is denied with a 404 and the denial is audited", async () => {
    const before = await auditCount("access.denied");
    expect(strip(await get(meetingRoute.loader, ds.people.worker, `/meetings/${meetingA}`, { meetingId: meetingA }))).toEqual(notFoundBody);
    expect(strip(await post(meetingRoute.action, ds.people.worker, `/meetings/${meetingA}`, { intent: "close" }, { meetingId: meetingA }))).toEqual(notFoundBody);
    expect(await auditCount("access.denied")).toBe(before + 2);
  });

  it("a non-uuid or malformed id is a 404, never a server error", async () => {
    for (const id of ["abc", DASHES, `${meetingA}'--`, "../admin"]) {
      expect((await get(meetingRoute.loader, ds.people.table_coordinator, `/meetings/x`, { meetingId: id })).status).toBe(404);
    }
  });

  it("anonymous visitors are sent to the login page", async () => {
    const res = await callRoute(meetingRoute.loader, { url: `/meetings/${meetingA}`, params: { meetingId: meetingA }, context: ctx() });
    expect(res.status).toBe(302);
    expect(res.location).toMatch(/^\/login/);
  });
});

describe("meetings: ids in the form", () => {
  const url = () => `/meetings/${meetingA}`;
  const params = () => ({ meetingId: meetingA });

  it("minutes naming an agenda item of another meeting (same Table or other Table) answer 404 and change nothing", async () => {
    const c = ds.people.table_coordinator;
    for (const itemId of [itemsA2[0]!, itemsB[0]!, MISSING]) {
      expect(strip(await post(meetingRoute.action, c, url(), { intent: "minutes", itemId, minutes: "Écrasé" }, params()))).toEqual(notFoundBody);
    }
    const touched = await handle.db.select().from(meetingAgendaItem).where(eq(meetingAgendaItem.minutes, "Écrasé"));
    expect(touched).toEqual([]);
  });

  it("a decision on another meeting's item is refused; nothing is recorded", async () => {
    const c = ds.people.table_coordinator;
    for (const itemId of [itemsA2[0]!, itemsB[0]!]) {
      expect(strip(await post(meetingRoute.action, c, url(), { intent: "decision", itemId, text: "Décision pirate" }, params()))).toEqual(notFoundBody);
    }
    expect(await handle.db.select().from(meetingDecision).where(eq(meetingDecision.text, "Décision pirate"))).toEqual([]);
  });

  it("a responsibility from another meeting's item, for another Table's owner or objective, is refused", async () => {
    const c = ds.people.table_coordinator;
    const base = { intent: "responsibility", what: "Tâche piégée", dueOn: "2026-12-01" };
    const otherItem = await post(meetingRoute.action, c, url(), { ...base, agendaItemId: itemsA2[0]!, owner: `organization:${ds.org1}` }, params());
    expect(strip(otherItem)).toEqual(notFoundBody);
    const foreignItem = await post(meetingRoute.action, c, url(), { ...base, agendaItemId: itemsB[0]!, owner: `organization:${ds.org1}` }, params());
    expect(strip(foreignItem)).toEqual(notFoundBody);
    expect((await post(meetingRoute.action, c, url(), { ...base, agendaItemId: itemsA[0]!, owner: `person:${ds.personB.personId}` }, params())).status).toBe(400);
    expect((await post(meetingRoute.action, c, url(), { ...base, agendaItemId: itemsA[0]!, owner: `organization:${ds.orgB}` }, params())).status).toBe(400);
    expect((await post(meetingRoute.action, c, url(), { ...base, agendaItemId: itemsA[0]!, owner: `organization:${ds.org1}`, objectiveId: objectiveB }, params())).status).toBe(400);
    // A meetingId slipped into the form cannot move it to another meeting: the page's meeting wins.
    const moved = await post(meetingRoute.action, c, url(), { ...base, what: "Tâche déplacée", meetingId: meetingB, agendaItemId: itemsA[0]!, owner: `organization:${ds.org1}` }, params());
    expect(moved.status).toBe(302);
    const [row] = await handle.db.select().from(responsibility).where(eq(responsibility.what, "Tâche déplacée"));
    expect(row).toMatchObject({ partnershipId: ds.tableA, meetingId: meetingA });
    expect(await handle.db.select().from(responsibility).where(eq(responsibility.what, "Tâche piégée"))).toEqual([]);
  });

  it("malformed ids in the form are a 400, never a server error", async () => {
    const c = ds.people.table_coordinator;
    const res = await post(meetingRoute.action, c, url(), { intent: "responsibility", agendaItemId: itemsA[0]!, what: "x", owner: `person:${DASHES}`, dueOn: "2026-12-01" }, params());
    expect(res.status).toBe(400);
    expect((await post(meetingRoute.action, c, url(), { intent: "minutes", itemId: DASHES, minutes: "x" }, params())).status).toBe(400);
  });

  it("attendance for a person who is not invited is refused", async () => {
    const c = ds.people.table_coordinator;
    const res = await post(meetingRoute.action, c, url(), { intent: "attendance", [`attendance-${ds.personB.personId}`]: "present" }, params());
    // Unknown rows are ignored (only invited people are read from the form): nothing about Table B is stored.
    expect([302, 409]).toContain(res.status);
    const rows = rowsOf<{ n: number }>(await handle.db.execute(sql`select count(*)::int as n from meeting_invitation where person_id = ${ds.personB.personId}`));
    expect(rows[0]!.n).toBe(0);
  });

  it("an unexpected intent or over-long text is a 400 and changes nothing", async () => {
    const c = ds.people.table_coordinator;
    expect((await post(meetingRoute.action, c, url(), { intent: "delete-everything" }, params())).status).toBe(400);
    expect((await post(meetingRoute.action, c, url(), { intent: "" }, params())).status).toBe(400);
    expect((await post(meetingRoute.action, c, url(), { intent: "minutes", itemId: itemsA[0]!, minutes: "x".repeat(20001) }, params())).status).toBe(400);
    expect((await post(meetingRoute.action, c, url(), { intent: "decision", itemId: itemsA[0]!, text: "x".repeat(2001) }, params())).status).toBe(400);
    expect((await post(meetingRoute.action, c, url(), { intent: "rsvp", answer: "maybe-not" }, params())).status).toBe(400);
  });

  it("a delegate who sees the meeting still cannot manage it (404 like a missing record)", async () => {
    for (const intent of ["minutes", "decision", "attendance", "close", "cancel", "deleteFile", "upload"]) {
      expect(strip(await post(meetingRoute.action, ds.people.table_member, url(), { intent, itemId: itemsA[0]!, text: "x", minutes: "x" }, params())), intent).toEqual(notFoundBody);
    }
  });
});

describe("meetings: creating and editing with foreign ids", () => {
  it("refuses invitees, carried open items and a template of another Table", async () => {
    const c = ds.people.table_coordinator;
    const before = (await handle.db.select().from(meeting).where(eq(meeting.partnershipId, ds.tableA))).length;
    const invitee = await post(newMeetingRoute.action, c, "/meetings/new", meetingForm({ inviteAll: "", invitees: [ds.tableBCoordinator.personId] }));
    expect(invitee.status).toBe(400);
    const carried = await post(newMeetingRoute.action, c, "/meetings/new", meetingForm({ followUpIds: [responsibilityB] }));
    expect(carried.status).toBe(400);
    const template = await post(newMeetingRoute.action, c, "/meetings/new", meetingForm({ templateId: meetingB }));
    expect(template.status).toBe(400);
    const malformed = await post(newMeetingRoute.action, c, "/meetings/new", meetingForm({ followUpIds: [DASHES] }));
    expect(malformed.status).toBe(400);
    expect((await handle.db.select().from(meeting).where(eq(meeting.partnershipId, ds.tableA))).length).toBe(before);
    // A template of the Table the coordinator sees is fine.
    const ok = await post(newMeetingRoute.action, c, "/meetings/new", meetingForm({ templateId: meetingA, day: "2026-11-15" }));
    expect(ok.status, JSON.stringify(ok.data)).toBe(302);
  });

  it("a pivot coordinator cannot prepare a follow-up for another organization, nor invite its people", async () => {
    const pc = ds.people.pivot_coordinator;
    const otherOrg = await post(newMeetingRoute.action, pc, "/meetings/new", meetingForm({ kind: "org_followup", organizationId: ds.org2, inviteAll: "" }));
    expect(otherOrg.status).toBe(400);
    const foreignOrg = await post(newMeetingRoute.action, pc, "/meetings/new", meetingForm({ kind: "org_followup", organizationId: ds.orgB, inviteAll: "" }));
    expect(foreignOrg.status).toBe(400);
    const otherPeople = await post(newMeetingRoute.action, pc, "/meetings/new", meetingForm({ kind: "org_followup", organizationId: ds.org1, inviteAll: "", invitees: [pivotCoordOrg2.personId] }));
    expect(otherPeople.status).toBe(400);
  });

  it("invalid dates and times are refused", async () => {
    const c = ds.people.table_coordinator;
    const cases: Record<string, string | string[]>[] = [{ day: "2026-02-30" }, { day: "2026-13-01" }, { day: "26-1-1" }, { startTime: "25:00" }, { startTime: "12:00", endTime: "11:00" }, { itemDuration: ["-5", "10"] }, { onlineUrl: "javascript:alert(1)", place: "" }];
    for (const overrides of cases) {
      const res = await post(newMeetingRoute.action, c, "/meetings/new", meetingForm(overrides));
      expect(res.status, JSON.stringify(overrides)).toBe(400);
    }
  });

  it("editing cannot rewrite an agenda item of another meeting through its id", async () => {
    const c = ds.people.table_coordinator;
    const page = await get(editMeetingRoute.loader, c, `/meetings/${meetingA}/edit`, { meetingId: meetingA });
    const { version, values } = page.data as { version: number; values: { invitees: string[] } };
    const res = await post(
      editMeetingRoute.action,
      c,
      `/meetings/${meetingA}/edit`,
      meetingForm({ version: String(version), inviteAll: "", invitees: values.invitees, itemId: [itemsA[0]!, itemsA2[0]!, itemsB[0]!], itemTitle: ["Point un", "Volé", "Volé B"], itemDuration: ["10", "10", "10"], itemPresenter: ["", "", ""], itemNotes: ["", "", ""] }),
      { meetingId: meetingA },
    );
    expect([302, 400]).toContain(res.status);
    const others = await handle.db.select().from(meetingAgendaItem).where(eq(meetingAgendaItem.id, itemsA2[0]!));
    expect(others[0]!.title).toBe("Point un");
    expect(others[0]!.meetingId).toBe(meetingA2);
    const foreign = await handle.db.select().from(meetingAgendaItem).where(eq(meetingAgendaItem.id, itemsB[0]!));
    expect(foreign[0]!).toMatchObject({ title: "Point un", meetingId: meetingB });
    // Table B cannot edit Table A's meeting, nor reach its form.
    expect(strip(await post(editMeetingRoute.action, ds.tableBCoordinator, `/meetings/${meetingA}/edit`, meetingForm({ version: "1" }), { meetingId: meetingA }))).toEqual(notFoundBody);
    itemsA = await itemsOf(meetingA);
  });
});

describe("meetings: documents, calendar file and emails", () => {
  const tinyPdf = () => new TextEncoder().encode("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
  let fileA: string;

  it("a document is only downloadable through its own meeting, as an attachment with a safe file name", async () => {
    const form = new FormData();
    form.set("intent", "upload");
    form.set("document", new File([tinyPdf()], 'ordre "du" jour\r\nX-Injected: 1.pdf'));
    const up = await postMultipart(meetingRoute.action, ds.people.table_coordinator, `/meetings/${meetingA}`, form, { meetingId: meetingA });
    expect((up as Response).status).toBe(302);
    const [file] = await handle.db.select().from(storedFile).where(and(eq(storedFile.ownerType, "meeting"), eq(storedFile.ownerId, meetingA)));
    fileA = file!.id;
    const ok = await callRoute(meetingFileRoute.loader, { url: "/x", params: { meetingId: meetingA, fileId: fileA }, cookie: await cookieOf(ds.people.table_member), context: ctx() });
    expect(ok.status).toBe(200);
    // Through another meeting of the same Table, another Table, or a person not seeing the meeting: 404.
    expect(strip(await get(meetingFileRoute.loader, ds.people.table_coordinator, "/x", { meetingId: meetingA2, fileId: fileA }))).toEqual(notFoundBody);
    expect(strip(await get(meetingFileRoute.loader, ds.tableBCoordinator, "/x", { meetingId: meetingA, fileId: fileA }))).toEqual(notFoundBody);
    expect(strip(await get(meetingFileRoute.loader, ds.people.pivot, "/x", { meetingId: meetingA, fileId: fileA }))).toEqual(notFoundBody);
    // Through the grant document route: not a grant's file.
    expect((await get(grantFileRoute.loader, ds.people.table_coordinator, "/x", { grantId: meetingA, fileId: fileA })).status).toBe(404);
  });

  it("the download response is an attachment whose headers cannot be injected", async () => {
    const loaderFn = meetingFileRoute.loader as unknown as (a: never) => Promise<Response>;
    const request = new Request(`http://localhost:3000/meetings/${meetingA}/files/${fileA}`, { headers: { cookie: await cookieOf(ds.people.table_member) } });
    const res = await loaderFn({ request, params: { meetingId: meetingA, fileId: fileA }, context: ctx() } as never);
    const disposition = res.headers.get("content-disposition")!;
    expect(disposition.startsWith("attachment;")).toBe(true);
    expect(disposition).not.toMatch(/[\r\n]/);
    expect(disposition.match(/"/g)).toHaveLength(2);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-injected")).toBeNull();
  });

  it("deleting a file id of another meeting answers 404 and keeps the file", async () => {
    const c = ds.people.table_coordinator;
    expect(strip(await post(meetingRoute.action, c, `/meetings/${meetingA2}`, { intent: "deleteFile", fileId: fileA }, { meetingId: meetingA2 }))).toEqual(notFoundBody);
    expect(await handle.db.select({ id: storedFile.id }).from(storedFile).where(eq(storedFile.id, fileA))).toHaveLength(1);
  });

  it("a wrong file type is refused", async () => {
    const form = new FormData();
    form.set("intent", "upload");
    form.set("document", new File([new TextEncoder().encode("<html><script>alert(1)</script></html>")], "page.pdf"));
    const res = await postMultipart(meetingRoute.action, ds.people.table_coordinator, `/meetings/${meetingA}`, form, { meetingId: meetingA });
    expect((res as RouteOutcome).status).toBe(400);
  });

  it("CR/LF in a title or a place cannot add lines to the .ics (no injected property)", async () => {
    const c = ds.people.table_coordinator;
    const evil = "Rencontre\r\nATTENDEE:mailto:pirate@evil.test\r\nEND:VEVENT";
    const id = await createMeetingAs(c, meetingForm({ title: evil, place: "Salle\nORGANIZER:mailto:pirate@evil.test", day: "2026-12-15" }));
    const res = (await (icsRoute.loader as unknown as (a: never) => Promise<Response>)({
      request: new Request(`http://localhost:3000/meetings/${id}/ics`, { headers: { cookie: await cookieOf(c) } }),
      params: { meetingId: id },
      context: ctx(),
    } as never)) as Response;
    const body = await res.text();
    const lines = body.split(/\r\n/);
    expect(lines.some((l) => l.startsWith("ATTENDEE"))).toBe(false);
    expect(lines.some((l) => l.startsWith("ORGANIZER"))).toBe(false);
    expect(lines.filter((l) => l === "END:VEVENT")).toHaveLength(1);
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="rencontre.ics"');
    // The emailed invitation carries the same escaped calendar, and a subject on one line.
    const mails = await handle.db.select().from(emailMessage).where(sql`${emailMessage.textBody} like ${`%/meetings/${id}%`}`);
    expect(mails.length).toBeGreaterThan(0);
    for (const m of mails) {
      for (const a of m.attachments) expect(a.content.split(/\r\n/).some((l) => l.startsWith("ATTENDEE"))).toBe(false);
    }
  });

  it("closing emails a link, never the minutes nor the decisions", async () => {
    const c = ds.people.table_coordinator;
    const secret = "CONFIDENTIEL-situation-de-Julie";
    for (const itemId of itemsA) expect((await post(meetingRoute.action, c, `/meetings/${meetingA}`, { intent: "minutes", itemId, minutes: `${secret} ${itemId}` }, { meetingId: meetingA })).status).toBe(302);
    expect((await post(meetingRoute.action, c, `/meetings/${meetingA}`, { intent: "decision", itemId: itemsA[0]!, text: `${secret} décision` }, { meetingId: meetingA })).status).toBe(302);
    expect((await post(meetingRoute.action, c, `/meetings/${meetingA}`, { intent: "close" }, { meetingId: meetingA })).status).toBe(302);
    const leaks = await handle.db.select().from(emailMessage).where(sql`${emailMessage.textBody} like ${`%${secret}%`} or ${emailMessage.subject} like ${`%${secret}%`}`);
    expect(leaks).toEqual([]);
    // A closed meeting cannot be written anymore, by anyone.
    expect((await post(meetingRoute.action, c, `/meetings/${meetingA}`, { intent: "minutes", itemId: itemsA[0]!, minutes: "réécrit" }, { meetingId: meetingA })).status).toBe(409);
    expect(strip(await get(editMeetingRoute.loader, c, `/meetings/${meetingA}/edit`, { meetingId: meetingA }))).toEqual(notFoundBody);
  });
});

describe("responsibilities", () => {
  let respA: string;
  let respOrg2: string;

  beforeAll(async () => {
    const c = ds.people.table_coordinator;
    const made = await post(respNewRoute.action, c, "/responsibilities/new", { what: "Préparer le bilan", owner: `organization:${ds.org1}`, dueOn: "2026-12-01" });
    expect(made.status, JSON.stringify(made.data)).toBe(302);
    respA = idFrom(made.location);
    const made2 = await post(respNewRoute.action, c, "/responsibilities/new", { what: "Tâche de l'organisme deux", owner: `organization:${ds.org2}`, dueOn: "2026-12-01" });
    respOrg2 = idFrom(made2.location);
  });

  it("another Table's responsibility answers exactly like a missing one (GET and every intent)", async () => {
    const b = ds.tableBCoordinator;
    expect(strip(await get(respRoute.loader, b, "/x", { responsibilityId: respA }))).toEqual(notFoundBody);
    expect(strip(await get(respRoute.loader, b, "/x", { responsibilityId: MISSING }))).toEqual(notFoundBody);
    const bodies: Record<string, string>[] = [{ intent: "status", status: "done" }, { intent: "comment", body: "pirate" }, { intent: "edit", version: "1", what: "x", owner: `organization:${ds.orgB}`, dueOn: "2026-12-01" }];
    for (const body of bodies) {
      expect(strip(await post(respRoute.action, b, "/x", body, { responsibilityId: respA })), body.intent).toEqual(notFoundBody);
    }
    const [row] = await handle.db.select().from(responsibility).where(eq(responsibility.id, respA));
    expect(row!.status).toBe("todo");
  });

  it("a delegate updates their own organization's item, not another organization's (404), and cannot edit it", async () => {
    const d = ds.people.table_member; // delegate of org 1
    expect((await post(respRoute.action, d, "/x", { intent: "status", status: "in_progress" }, { responsibilityId: respA })).status).toBe(302);
    expect(strip(await post(respRoute.action, d, "/x", { intent: "status", status: "done" }, { responsibilityId: respOrg2 }))).toEqual(notFoundBody);
    expect(strip(await post(respRoute.action, d, "/x", { intent: "comment", body: "x" }, { responsibilityId: respOrg2 }))).toEqual(notFoundBody);
    expect(strip(await post(respRoute.action, d, "/x", { intent: "edit", version: "1", what: "Réécrit", owner: `organization:${ds.org1}`, dueOn: "2026-12-01" }, { responsibilityId: respA }))).toEqual(notFoundBody);
    const [row] = await handle.db.select().from(responsibility).where(eq(responsibility.id, respOrg2));
    expect(row!.status).toBe("todo");
  });

  it("a pivot neither sees nor updates Table-wide items; a worker is denied by policy", async () => {
    expect(strip(await get(respRoute.loader, ds.people.pivot, "/x", { responsibilityId: respOrg2 }))).toEqual(notFoundBody);
    expect(strip(await post(respRoute.action, ds.people.pivot, "/x", { intent: "status", status: "done" }, { responsibilityId: respOrg2 }))).toEqual(notFoundBody);
    expect(strip(await get(respRoute.loader, ds.people.worker, "/x", { responsibilityId: respA }))).toEqual(notFoundBody);
  });

  it("owners and objectives of another Table, malformed owners, bad statuses and dates are refused", async () => {
    const c = ds.people.table_coordinator;
    const cases: Record<string, string>[] = [
      { what: "x", owner: `person:${ds.personB.personId}`, dueOn: "2026-12-01" },
      { what: "x", owner: `organization:${ds.orgB}`, dueOn: "2026-12-01" },
      { what: "x", owner: `organization:${ds.org1}`, dueOn: "2026-12-01", objectiveId: objectiveB },
      { what: "x", owner: `person:${DASHES}`, dueOn: "2026-12-01" },
      { what: "x", owner: `organization:${DASHES}`, dueOn: "2026-12-01" },
      { what: "x", owner: `organization:${ds.org1}`, dueOn: "2026-02-30" },
      { what: "x".repeat(501), owner: `organization:${ds.org1}`, dueOn: "2026-12-01" },
      { what: "", owner: `organization:${ds.org1}`, dueOn: "2026-12-01" },
    ];
    for (const body of cases) expect((await post(respNewRoute.action, c, "/responsibilities/new", body)).status, JSON.stringify(body).slice(0, 120)).toBe(400);
    expect((await post(respRoute.action, c, "/x", { intent: "edit", version: "1", what: "x", owner: `person:${ds.personB.personId}`, dueOn: "2026-12-01" }, { responsibilityId: respA })).status).toBe(400);
    expect((await post(respRoute.action, c, "/x", { intent: "status", status: "archived" }, { responsibilityId: respA })).status).toBe(400);
    expect((await post(respRoute.action, c, "/x", { intent: "status", status: "dropped" }, { responsibilityId: respA })).status).toBe(400);
    expect((await post(respRoute.action, c, "/x", { intent: "nuke" }, { responsibilityId: respA })).status).toBe(400);
    // The list's owner filter with a malformed value is ignored, not a server error.
    expect((await get(respListRoute.loader, c, `/responsibilities?owner=person:${DASHES}`)).status).toBe(200);
  });

  it("a pivot coordinator's own responsibilities stay in their organization (owner of another organization refused)", async () => {
    const pc = ds.people.pivot_coordinator;
    expect((await post(respNewRoute.action, pc, "/responsibilities/new", { what: "x", owner: `organization:${ds.org2}`, dueOn: "2026-12-01" })).status).toBe(400);
    expect((await post(respNewRoute.action, pc, "/responsibilities/new", { what: "x", owner: `person:${pivotCoordOrg2.personId}`, dueOn: "2026-12-01" })).status).toBe(400);
  });
});

describe("action plan", () => {
  const url = "/action-plan/2026";
  const params = { year: "2026" };

  it("ids of another Table's plan items answer 404 and change nothing", async () => {
    const c = ds.people.table_coordinator;
    expect(strip(await post(planRoute.action, c, url, { intent: "objective", id: objectiveB, title: "Détourné", description: "" }, params))).toEqual(notFoundBody);
    expect(strip(await post(planRoute.action, c, url, { intent: "delete", kind: "objective", id: objectiveB }, params))).toEqual(notFoundBody);
    const [o] = await handle.db.select().from(actionPlanObjective).where(eq(actionPlanObjective.id, objectiveB));
    expect(o!.title).toBe("Objectif B");
    // An action or indicator under Table B's objective is refused.
    expect((await post(planRoute.action, c, url, { intent: "action", objectiveId: objectiveB, title: "x", description: "", status: "planned", progress: "0" }, params)).status).toBe(400);
    expect((await post(planRoute.action, c, url, { intent: "indicator", objectiveId: objectiveB, label: "x", unit: "", target: "1", actual: "" }, params)).status).toBe(400);
    expect(await handle.db.select().from(actionPlanAction).where(eq(actionPlanAction.objectiveId, objectiveB))).toEqual([]);
    expect(await handle.db.select().from(actionPlanIndicator).where(eq(actionPlanIndicator.objectiveId, objectiveB))).toEqual([]);
  });

  it("responsible organizations of another Table, malformed ids, negative or huge numbers are refused", async () => {
    const c = ds.people.table_coordinator;
    expect((await post(planRoute.action, c, url, { intent: "objective", title: "Objectif A", description: "" }, params)).status).toBe(302);
    const [objA] = await handle.db.select().from(actionPlanObjective).where(and(eq(actionPlanObjective.partnershipId, ds.tableA), eq(actionPlanObjective.title, "Objectif A")));
    const action = (o: Record<string, string | string[]>) => post(planRoute.action, c, url, { intent: "action", objectiveId: objA!.id, title: "Action", description: "", status: "planned", progress: "0", ...o }, params);
    expect((await action({ organizationIds: [ds.orgB] })).status).toBe(400);
    expect((await action({ organizationIds: [DASHES] })).status).toBe(400);
    expect((await action({ progress: "101" })).status).toBe(400);
    expect((await action({ progress: "-1" })).status).toBe(400);
    expect((await action({ status: "hacked" })).status).toBe(400);
    expect((await action({ startsOn: "2026-02-30" })).status).toBe(400);
    expect((await action({ startsOn: "2026-06-01", endsOn: "2026-05-01" })).status).toBe(400);
    const indicator = (o: Record<string, string>) => post(planRoute.action, c, url, { intent: "indicator", objectiveId: objA!.id, label: "Ind", unit: "", target: "10", actual: "", ...o }, params);
    for (const target of ["-1", "1e12", "NaN", "Infinity", "abc"]) expect((await indicator({ target })).status, target).toBe(400);
    expect((await indicator({ actual: "-3" })).status).toBe(400);
    expect((await action({ organizationIds: [ds.org1, ds.org2] })).status).toBe(302);
  });

  it("readers and other Tables cannot write; the denial is audited", async () => {
    const before = await auditCount("access.denied");
    expect(strip(await post(planRoute.action, ds.people.table_member, url, { intent: "objective", title: "x", description: "" }, params))).toEqual(notFoundBody);
    expect(strip(await post(plansRoute.action, ds.people.observer, "/action-plan", { intent: "copy", fromYear: "2026", toYear: "2027" }))).toEqual(notFoundBody);
    expect(await auditCount("access.denied")).toBe(before + 2);
    expect(strip(await get(planRoute.loader, ds.tableBCoordinator, "/action-plan/2031", { year: "2031" }))).toEqual(notFoundBody);
  });
});

describe("funding", () => {
  let grantA: string;
  let grantA2: string;
  let grantB: string;

  async function newGrant(who: Who, funder: string): Promise<string> {
    const res = await post(newGrantRoute.action, who, "/funding/new", { funder, program: "", amount: "1000", startsOn: "2026-01-01", endsOn: "2027-12-31", conditions: "" });
    expect(res.status, JSON.stringify(res.data)).toBe(302);
    return idFrom(res.location);
  }

  beforeAll(async () => {
    grantA = await newGrant(ds.people.table_coordinator, "Ministère A");
    grantA2 = await newGrant(ds.people.table_coordinator, "Fondation A");
    grantB = await newGrant(ds.tableBCoordinator, "Ministère B");
  });

  it("another Table's grant answers like a missing one; delegates cannot write (audited)", async () => {
    expect(strip(await get(grantRoute.loader, ds.people.table_coordinator, "/x", { grantId: grantB }))).toEqual(notFoundBody);
    expect(strip(await get(grantRoute.loader, ds.people.table_coordinator, "/x", { grantId: MISSING }))).toEqual(notFoundBody);
    expect(strip(await post(grantRoute.action, ds.people.table_coordinator, "/x", { intent: "report", dueOn: "2026-06-01", label: "" }, { grantId: grantB }))).toEqual(notFoundBody);
    const before = await auditCount("access.denied");
    expect(strip(await post(grantRoute.action, ds.people.table_member, "/x", { intent: "report", dueOn: "2026-06-01", label: "" }, { grantId: grantA }))).toEqual(notFoundBody);
    expect(await auditCount("access.denied")).toBe(before + 1);
    for (const role of ["pivot", "worker", "observer", "trainer"] as const) {
      expect(strip(await get(grantRoute.loader, ds.people[role], "/x", { grantId: grantA })), role).toEqual(notFoundBody);
    }
  });

  it("report and spending ids of another grant answer 404 and change nothing", async () => {
    const c = ds.people.table_coordinator;
    expect((await post(grantRoute.action, c, "/x", { intent: "report", dueOn: "2026-06-01", label: "Rapport" }, { grantId: grantA2 })).status).toBe(302);
    expect((await post(grantRoute.action, c, "/x", { intent: "spending", amount: "100", spentOn: "2026-02-01", label: "Salle", actionId: "" }, { grantId: grantA2 })).status).toBe(302);
    const [report] = await handle.db.select().from(grantReportDate).where(eq(grantReportDate.grantId, grantA2));
    const [spending] = await handle.db.select().from(grantSpending).where(eq(grantSpending.grantId, grantA2));
    for (const intent of ["report-delete", "report-submitted"]) {
      expect(strip(await post(grantRoute.action, c, "/x", { intent, id: report!.id }, { grantId: grantA })), intent).toEqual(notFoundBody);
    }
    expect(strip(await post(grantRoute.action, c, "/x", { intent: "spending-delete", id: spending!.id }, { grantId: grantA }))).toEqual(notFoundBody);
    expect(strip(await post(grantRoute.action, ds.tableBCoordinator, "/x", { intent: "spending-delete", id: spending!.id }, { grantId: grantB }))).toEqual(notFoundBody);
    const [r] = await handle.db.select().from(grantReportDate).where(eq(grantReportDate.id, report!.id));
    expect(r!.submittedOn).toBeNull();
    expect(await handle.db.select().from(grantSpending).where(eq(grantSpending.id, spending!.id))).toHaveLength(1);
  });

  it("spending linked to another Table's action, negative, zero, huge or non-numeric amounts are refused", async () => {
    const c = ds.people.table_coordinator;
    const [actionB] = await handle.db
      .insert(actionPlanAction)
      .values({ partnershipId: ds.tableB, planId: (await handle.db.select().from(actionPlanObjective).where(eq(actionPlanObjective.id, objectiveB)))[0]!.planId, objectiveId: objectiveB, position: 0, title: "Action B" })
      .returning();
    const spend = (o: Record<string, string>) => post(grantRoute.action, c, "/x", { intent: "spending", amount: "10", spentOn: "2026-02-01", label: "x", actionId: "", ...o }, { grantId: grantA });
    expect((await spend({ actionId: actionB!.id })).status).toBe(400);
    expect((await spend({ actionId: DASHES })).status).toBe(400);
    for (const amount of ["-10", "0", "1e12", "NaN", "Infinity", "dix"]) expect((await spend({ amount })).status, amount).toBe(400);
    expect((await spend({ spentOn: "2026-02-30" })).status).toBe(400);
    expect((await post(grantRoute.action, c, "/x", { intent: "grant", version: "1", funder: "x", program: "", amount: "-1", startsOn: "2026-01-01", endsOn: "2026-12-31", conditions: "" }, { grantId: grantA })).status).toBe(400);
    expect((await post(grantRoute.action, c, "/x", { intent: "grant", version: "1", funder: "x", program: "", amount: "1", startsOn: "2027-01-01", endsOn: "2026-12-31", conditions: "" }, { grantId: grantA })).status).toBe(400);
    expect((await post(grantRoute.action, c, "/x", { intent: "wire-money" }, { grantId: grantA })).status).toBe(400);
  });

  it("a grant's document is served only through its own grant, to the coordinator", async () => {
    const form = new FormData();
    form.set("intent", "document");
    form.set("document", new File([new TextEncoder().encode("%PDF-1.4\n%%EOF\n")], "entente.pdf"));
    const up = await postMultipart(grantRoute.action, ds.people.table_coordinator, `/funding/${grantA}`, form, { grantId: grantA });
    expect((up as Response).status).toBe(302);
    const [file] = await handle.db.select().from(storedFile).where(and(eq(storedFile.ownerType, "grant"), eq(storedFile.ownerId, grantA)));
    expect((await get(grantFileRoute.loader, ds.people.table_coordinator, "/x", { grantId: grantA, fileId: file!.id })).status).toBe(200);
    expect(strip(await get(grantFileRoute.loader, ds.people.table_coordinator, "/x", { grantId: grantA2, fileId: file!.id }))).toEqual(notFoundBody);
    expect(strip(await get(grantFileRoute.loader, ds.tableBCoordinator, "/x", { grantId: grantA, fileId: file!.id }))).toEqual(notFoundBody);
    expect(strip(await get(grantFileRoute.loader, ds.people.table_member, "/x", { grantId: grantA, fileId: file!.id }))).toEqual(notFoundBody);
    // Nor through a meeting the coordinator sees.
    expect(strip(await get(meetingFileRoute.loader, ds.people.table_coordinator, "/x", { meetingId: meetingA2, fileId: file!.id }))).toEqual(notFoundBody);
    // Deleting it through another grant: 404, file kept.
    expect(strip(await post(grantRoute.action, ds.people.table_coordinator, "/x", { intent: "document-delete", id: file!.id }, { grantId: grantA2 }))).toEqual(notFoundBody);
    expect(await handle.db.select({ id: storedFile.id }).from(storedFile).where(eq(storedFile.id, file!.id))).toHaveLength(1);
  });
});

describe("coordination handover", () => {
  it("refuses a successor or an outgoing coordinator of another Table, and another Table's handover id", async () => {
    const c = ds.people.table_coordinator;
    expect((await post(handoverRoute.action, c, "/handover", { intent: "start", outgoingPersonId: c.personId, successorPersonId: ds.tableBCoordinator.personId, note: "" })).status).toBe(400);
    expect((await post(handoverRoute.action, c, "/handover", { intent: "start", outgoingPersonId: ds.tableBCoordinator.personId, successorPersonId: ds.people.table_member.personId, note: "" })).status).toBe(400);
    expect((await post(handoverRoute.action, c, "/handover", { intent: "start", outgoingPersonId: ds.people.table_member.personId, successorPersonId: ds.people.pivot.personId, note: "" })).status).toBe(400);
    // A person of the Table without an active account cannot be handed the role.
    expect((await post(handoverRoute.action, c, "/handover", { intent: "start", outgoingPersonId: c.personId, successorPersonId: ds.personOrg1.personId, note: "" })).status).toBe(400);
    expect(await handle.db.select().from(coordinationHandover)).toEqual([]);
    // Table B starts its own; Table A's coordinator cannot touch it.
    const b = ds.tableBCoordinator;
    const memberB = await createPerson(handle.db, { partnershipId: ds.tableB, organizationId: ds.orgB, roles: [{ role: "table_member" }] });
    expect((await post(handoverRoute.action, b, "/handover", { intent: "start", outgoingPersonId: b.personId, successorPersonId: memberB.personId, note: "" })).status).toBe(302);
    const [hb] = await handle.db.select().from(coordinationHandover).where(eq(coordinationHandover.partnershipId, ds.tableB));
    for (const intent of ["checklist", "cancel", "transfer", "refresh"]) {
      expect(strip(await post(handoverRoute.action, c, "/handover", { intent, handoverId: hb!.id }))).toEqual(notFoundBody);
    }
    const [after] = await handle.db.select().from(coordinationHandover).where(eq(coordinationHandover.id, hb!.id));
    expect(after!.status).toBe("open");
    expect(strip(await post(handoverRoute.action, ds.people.table_member, "/handover", { intent: "start", outgoingPersonId: c.personId, successorPersonId: ds.people.table_member.personId, note: "" }))).toEqual(notFoundBody);
  });
});

describe("announcements", () => {
  it("the coordinator cannot address an organization of another Table", async () => {
    const c = ds.people.table_coordinator;
    const before = await handle.db.select().from(announcement);
    for (const audience of ["organization", "organization_pivots"]) {
      const res = await post(newAnnouncementRoute.action, c, "/announcements/new", { audience, organizationId: ds.orgB, title: "Annonce", body: "Texte" });
      expect(strip(res), audience).toEqual(notFoundBody);
    }
    expect(await handle.db.select().from(announcement)).toHaveLength(before.length);
  });

  it("a pivot coordinator posts only to their own organization's pivots (denials audited)", async () => {
    const pc = ds.people.pivot_coordinator;
    const before = await auditCount("access.denied");
    for (const body of [
      { audience: "organization_pivots", organizationId: ds.org2 },
      { audience: "organization", organizationId: ds.org1 },
      { audience: "table", organizationId: "" },
      { audience: "pivots", organizationId: "" },
    ]) {
      expect(strip(await post(newAnnouncementRoute.action, pc, "/announcements/new", { ...body, title: "Annonce", body: "Texte" })), body.audience).toEqual(notFoundBody);
    }
    // Audited when the permission itself is missing (another organization, the whole Table, all pivots);
    // the wrong audience for their own organization is a plain 404.
    expect(await auditCount("access.denied")).toBe(before + 3);
    expect((await post(newAnnouncementRoute.action, pc, "/announcements/new", { audience: "organization_pivots", organizationId: ds.org1, title: "Aux pivots", body: "Texte" })).status).toBe(302);
    expect((await post(newAnnouncementRoute.action, pc, "/announcements/new", { audience: "everyone", organizationId: "", title: "x", body: "x" })).status).toBe(400);
    expect((await post(newAnnouncementRoute.action, pc, "/announcements/new", { audience: "organization_pivots", organizationId: ds.org1, title: "x".repeat(201), body: "x" })).status).toBe(400);
  });

  it("emails carry a link, never the text; only recipients (and the author) read it; Table B reads nothing", async () => {
    const c = ds.people.table_coordinator;
    const secret = "CONFIDENTIEL-signalement-en-cours";
    expect((await post(newAnnouncementRoute.action, c, "/announcements/new", { audience: "organization", organizationId: ds.org2, title: "Pour l'organisme deux", body: secret })).status).toBe(302);
    const [a] = await handle.db.select().from(announcement).where(eq(announcement.body, secret));
    const leaks = await handle.db.select().from(emailMessage).where(sql`${emailMessage.textBody} like ${`%${secret}%`}`);
    expect(leaks).toEqual([]);
    const params = { announcementId: a!.id };
    expect((await get(announcementRoute.loader, ds.people.trainer, "/x", params)).status).toBe(200); // trainer is of org 2
    expect(strip(await get(announcementRoute.loader, ds.people.worker, "/x", params))).toEqual(notFoundBody); // org 1
    expect(strip(await get(announcementRoute.loader, ds.tableBCoordinator, "/x", params))).toEqual(notFoundBody);
    expect(strip(await get(announcementRoute.loader, ds.tableBCoordinator, "/x", { announcementId: MISSING }))).toEqual(notFoundBody);
  });

  it("rich text keeps no script link and no raw HTML", () => {
    const blocks = JSON.stringify(parseRichText("[clic](javascript:void) <img src=x onerror=alert(1)> [ok](https://filet.test)"));
    expect(blocks).not.toContain("javascript:");
    expect(blocks).toContain('"kind":"text","text":" <img src=x onerror=alert(1)> "');
    expect(blocks).toContain("https://filet.test");
  });
});
