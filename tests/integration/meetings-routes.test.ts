import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, inArray } from "drizzle-orm";
import type { DatabaseHandle } from "../../app/modules/db/client.server.ts";
import { auditEvent } from "../../app/modules/audit/tables.ts";
import { emailMessage } from "../../app/modules/email/tables.ts";
import { meeting, meetingAgendaItem, meetingInvitation } from "../../app/modules/meetings/tables.ts";
import { agendaItemResponsibility, responsibility } from "../../app/modules/meetings/responsibilities/tables.ts";
import * as listRoute from "../../app/routes/meetings/_index.tsx";
import * as newRoute from "../../app/routes/meetings/new.tsx";
import * as meetingRoute from "../../app/routes/meetings/$meetingId.tsx";
import * as editRoute from "../../app/routes/meetings/$meetingId.edit.tsx";
import * as icsRoute from "../../app/routes/meetings/$meetingId.ics.tsx";
import * as pdfRoute from "../../app/routes/meetings/$meetingId.pdf.tsx";
import * as decisionsRoute from "../../app/routes/meetings/decisions.tsx";
import * as respListRoute from "../../app/routes/meetings/responsibilities.tsx";
import * as mineRoute from "../../app/routes/meetings/responsibilities.mine.tsx";
import * as respNewRoute from "../../app/routes/meetings/responsibilities.new.tsx";
import * as respRoute from "../../app/routes/meetings/responsibilities.$responsibilityId.tsx";
import * as settingsRoute from "../../app/routes/admin/settings.tsx";
import { createTestDatabase, testContext } from "../support/test-db.ts";
import { callRoute, createAuthzDataset, createPerson, signIn, type AuthzDataset, type FixturePerson } from "../support/fixtures.ts";
import { asPageSends } from "./table-form-support.ts";

let handle: DatabaseHandle;
let ds: AuthzDataset;
let pivotOrg2: FixturePerson;
const cookies: Record<string, string> = {};

const ctx = () => testContext(handle.db);
const cookieOf = async (who: FixturePerson) => (cookies[who.email] ??= await signIn(handle.db, who.accountId!, { activePartnershipId: ds.tableA }));
async function get(fn: Parameters<typeof callRoute>[0], who: FixturePerson, url: string, params: Record<string, string> = {}) {
  return callRoute(fn, { url, params, cookie: await cookieOf(who), context: ctx() });
}
async function post(fn: Parameters<typeof callRoute>[0], who: FixturePerson, url: string, body: Record<string, string | string[]>, params: Record<string, string> = {}) {
  const cookie = await cookieOf(who);
  return callRoute(fn, { url, params, cookie, method: "POST", body: await asPageSends({ url, body, cookie, context: ctx() }), context: ctx() });
}
const idFrom = (location: string | null) => /\/(meetings|responsibilities)\/([0-9a-f-]{36})/.exec(location ?? "")![2]!;
const mailsTo = async (addresses: string[]) => handle.db.select().from(emailMessage).where(inArray(emailMessage.toAddress, addresses));
const audits = async (action: string, targetId: string) =>
  handle.db.select().from(auditEvent).where(and(eq(auditEvent.action, action), eq(auditEvent.targetId, targetId)));

const baseForm = (overrides: Record<string, string | string[]> = {}) => ({
  title: "Rencontre de la Table — hiver",
  kind: "table",
  day: "2026-01-15",
  startTime: "09:00",
  endTime: "12:00",
  place: "Salle du conseil, Québec",
  objectives: "Faire le point sur le plan d'action.",
  itemId: ["", ""],
  itemTitle: ["Mot de bienvenue", "Plan d'action"],
  itemPresenter: ["Coordination", ""],
  itemDuration: ["10", "45"],
  itemNotes: ["", ""],
  inviteAll: "on",
  ...overrides,
});

let pastMeetingId: string;
let pastItemIds: string[];
let openResponsibilityId: string;

beforeAll(async () => {
  handle = await createTestDatabase();
  ds = await createAuthzDataset(handle.db);
  pivotOrg2 = await createPerson(handle.db, { partnershipId: ds.tableA, organizationId: ds.org2, email: "pivot-org2@a.filet.test", roles: [{ role: "pivot" }] });
});
afterAll(async () => {
  await handle?.close();
});

describe("preparing a Table meeting", () => {
  it("creates it with its agenda, invites the delegates and emails each an .ics REQUEST", async () => {
    const res = await post(newRoute.action, ds.people.table_coordinator, "/meetings/new", baseForm());
    expect(res.status, JSON.stringify(res.data)).toBe(302);
    pastMeetingId = idFrom(res.location);
    const invited = await handle.db.select().from(meetingInvitation).where(eq(meetingInvitation.meetingId, pastMeetingId));
    // "All delegates": the coordinator and the delegate (table_member) of Table A, nobody of Table B.
    expect(invited.map((i) => i.personId).sort()).toEqual([ds.people.table_coordinator.personId, ds.people.table_member.personId].sort());
    const items = await handle.db.select().from(meetingAgendaItem).where(eq(meetingAgendaItem.meetingId, pastMeetingId));
    expect(items.map((i) => [i.title, i.durationMinutes])).toEqual([
      ["Mot de bienvenue", 10],
      ["Plan d'action", 45],
    ]);
    pastItemIds = items.sort((a, b) => a.position - b.position).map((i) => i.id);
    const [mail] = await mailsTo([ds.people.table_member.email]);
    expect(mail!.subject).toContain("Invitation");
    expect(mail!.textBody).toContain(`/meetings/${pastMeetingId}`);
    const ics = mail!.attachments[0]!;
    expect(ics.contentType).toContain("method=REQUEST");
    expect(ics.content).toContain("METHOD:REQUEST");
    expect(ics.content).toContain(`UID:meeting-${pastMeetingId}@filet`);
    expect(ics.content).toContain("SEQUENCE:0");
    expect(await audits("meeting.created", pastMeetingId)).toHaveLength(1);
  });

  it("refuses a follow-up kind to the Table coordinator and Table kinds to a pivot coordinator", async () => {
    const followup = await post(newRoute.action, ds.people.table_coordinator, "/meetings/new", baseForm({ kind: "org_followup", organizationId: ds.org1 }));
    expect(followup.status).toBe(400);
    const table = await post(newRoute.action, ds.people.pivot_coordinator, "/meetings/new", baseForm());
    expect(table.status).toBe(400);
    expect((table.data as { formError: string }).formError).toBe("meetings.form.notAllowedKind");
  });

  it("a change of date raises SEQUENCE and emails the change; the .ics download keeps the UID", async () => {
    const page = await get(editRoute.loader, ds.people.table_coordinator, `/meetings/${pastMeetingId}/edit`, { meetingId: pastMeetingId });
    const { values, version } = page.data as { values: { items: { id: string }[]; invitees: string[] }; version: number };
    const before = (await mailsTo([ds.people.table_member.email])).length;
    const res = await post(
      editRoute.action,
      ds.people.table_coordinator,
      `/meetings/${pastMeetingId}/edit`,
      baseForm({ day: "2026-01-16", version: String(version), inviteAll: "", invitees: values.invitees, itemId: values.items.map((i) => i.id) }),
      { meetingId: pastMeetingId },
    );
    expect(res.status, JSON.stringify(res.data)).toBe(302);
    const [m] = await handle.db.select().from(meeting).where(eq(meeting.id, pastMeetingId));
    expect(m!.sequence).toBe(1);
    const after = await mailsTo([ds.people.table_member.email]);
    expect(after.length).toBe(before + 1);
    const change = after.find((m) => m.subject.includes("Changement"))!;
    expect(change.subject).toContain("Changement");
    expect(change.attachments[0]!.content).toContain("SEQUENCE:1");
    expect(change.attachments[0]!.content).toContain(`UID:meeting-${pastMeetingId}@filet`);
    // Minutes-bearing items kept their ids.
    expect((await handle.db.select().from(meetingAgendaItem).where(eq(meetingAgendaItem.meetingId, pastMeetingId))).map((i) => i.id).sort()).toEqual([...pastItemIds].sort());
    const ics = await callRoute(icsRoute.loader, { url: `/meetings/${pastMeetingId}/ics`, params: { meetingId: pastMeetingId }, cookie: await cookieOf(ds.people.table_member), context: ctx() });
    expect(ics.status).toBe(200);
  });
});

describe("who sees a meeting", () => {
  it("invited people and Table-wide viewers see it; others get 404", async () => {
    const url = `/meetings/${pastMeetingId}`;
    const params = { meetingId: pastMeetingId };
    for (const who of [ds.people.table_coordinator, ds.people.table_member, ds.people.observer, ds.people.platform_admin]) {
      expect((await get(meetingRoute.loader, who, url, params)).status, who.email).toBe(200);
    }
    // A pivot is not invited to a Table meeting and does not see every Table meeting.
    for (const who of [ds.people.pivot, ds.people.trainer, ds.people.worker, ds.people.evaluator]) {
      expect((await get(meetingRoute.loader, who, url, params)).status, who.email).toBe(404);
    }
    const otherTable = await callRoute(meetingRoute.loader, { url, params, cookie: await signIn(handle.db, ds.tableBCoordinator.accountId!), context: ctx() });
    expect(otherTable.status).toBe(404);
    const list = await get(listRoute.loader, ds.people.pivot, "/meetings");
    expect(JSON.stringify(list.data)).not.toContain(pastMeetingId);
  });

  it("the invited person answers (RSVP) on the meeting page; a non-invited viewer cannot", async () => {
    const url = `/meetings/${pastMeetingId}`;
    const params = { meetingId: pastMeetingId };
    expect((await post(meetingRoute.action, ds.people.table_member, url, { intent: "rsvp", answer: "yes" }, params)).status).toBe(302);
    const [inv] = await handle.db.select().from(meetingInvitation).where(and(eq(meetingInvitation.meetingId, pastMeetingId), eq(meetingInvitation.personId, ds.people.table_member.personId)));
    expect(inv!.rsvp).toBe("yes");
    expect((await post(meetingRoute.action, ds.people.observer, url, { intent: "rsvp", answer: "no" }, params)).status).toBe(404);
    // Only managers change the meeting: a delegate's "start" is refused like a missing record.
    expect((await post(meetingRoute.action, ds.people.table_member, url, { intent: "start" }, params)).status).toBe(404);
  });
});

describe("holding and closing", () => {
  const url = () => `/meetings/${pastMeetingId}`;
  const params = () => ({ meetingId: pastMeetingId });

  it("takes attendance, records a decision and two responsibilities", async () => {
    const c = ds.people.table_coordinator;
    expect((await post(meetingRoute.action, c, url(), { intent: "start" }, params())).status).toBe(302);
    const attendance = await post(
      meetingRoute.action,
      c,
      url(),
      { intent: "attendance", [`attendance-${ds.people.table_member.personId}`]: "present", [`attendance-${c.personId}`]: "present", guests: "Invitée du ministère" },
      params(),
    );
    expect(attendance.status).toBe(302);
    expect((await post(meetingRoute.action, c, url(), { intent: "decision", itemId: pastItemIds[1]!, text: "Adopter le plan d'action 2026" }, params())).status).toBe(302);
    const r1 = await post(meetingRoute.action, c, url(), { intent: "responsibility", agendaItemId: pastItemIds[1]!, what: "Envoyer le plan aux partenaires", owner: `person:${ds.people.pivot.personId}`, dueOn: "2026-02-01" }, params());
    expect(r1.status, JSON.stringify(r1.data)).toBe(302);
    const r2 = await post(meetingRoute.action, c, url(), { intent: "responsibility", agendaItemId: pastItemIds[1]!, what: "Proposer une date de formation", owner: `organization:${ds.org2}`, dueOn: "2026-03-01" }, params());
    expect(r2.status).toBe(302);
    const rows = await handle.db.select().from(responsibility).where(eq(responsibility.meetingId, pastMeetingId));
    expect(rows).toHaveLength(2);
    openResponsibilityId = rows.find((r) => r.ownerOrganizationId === ds.org2)!.id;
    // A responsibility's owner must be of the Table.
    const foreign = await post(meetingRoute.action, c, url(), { intent: "responsibility", agendaItemId: pastItemIds[0]!, what: "x", owner: `person:${ds.personB.personId}`, dueOn: "2026-03-01" }, params());
    expect(foreign.status).toBe(400);
  });

  it("refuses to close without minutes, with a clear message naming the items", async () => {
    const res = await post(meetingRoute.action, ds.people.table_coordinator, url(), { intent: "close" }, params());
    expect(res.status).toBe(409);
    expect(res.data).toMatchObject({ message: "meetings.close.missingMinutes", vars: { items: "Mot de bienvenue ; Plan d'action" } });
    const [m] = await handle.db.select().from(meeting).where(eq(meeting.id, pastMeetingId));
    expect(m!.status).toBe("held");
  });

  it("closes once every item has minutes, and emails the invited people a link (not the minutes)", async () => {
    const c = ds.people.table_coordinator;
    for (const [i, itemId] of pastItemIds.entries()) {
      expect((await post(meetingRoute.action, c, url(), { intent: "minutes", itemId, minutes: `Compte rendu **${i + 1}** : échanges sur le plan.` }, params())).status).toBe(302);
    }
    const before = (await mailsTo([ds.people.table_member.email])).length;
    expect((await post(meetingRoute.action, c, url(), { intent: "close" }, params())).status).toBe(302);
    const mails = await mailsTo([ds.people.table_member.email]);
    expect(mails.length).toBe(before + 1);
    const minutes = mails.find((m) => m.subject.includes("Compte rendu disponible"))!;
    expect(minutes.textBody).toContain(`/meetings/${pastMeetingId}`);
    expect(minutes.textBody).not.toContain("échanges sur le plan");
    expect(minutes.attachments).toEqual([]);
    expect(await audits("meeting.closed", pastMeetingId)).toHaveLength(1);
    const pdf = await get(pdfRoute.loader, ds.people.table_member, `${url()}/pdf`, params());
    expect(pdf.status).toBe(200);
  });

  it("records whether the objectives were met once held; a stale form, a planned meeting and a non-organizer are refused", async () => {
    const c = ds.people.table_coordinator;
    const versionNow = async () => (await handle.db.select({ version: meeting.version }).from(meeting).where(eq(meeting.id, pastMeetingId)))[0]!.version;
    const v = await versionNow();
    const assess = (who: FixturePerson, body: Record<string, string>) => post(meetingRoute.action, who, url(), { intent: "objectives", ...body }, params());
    expect((await assess(c, { version: String(v), outcome: "partly", review: "Plan adopté ; formation à préciser" })).status).toBe(302);
    expect((await assess(c, { version: String(v), outcome: "met", review: "" })).status).toBe(409);
    expect((await assess(c, { version: String(v + 1), outcome: "peut-être" })).status).toBe(400);
    expect((await assess(ds.people.table_member, { version: String(v + 1), outcome: "met" })).status).toBe(404);
    const [m] = await handle.db.select().from(meeting).where(eq(meeting.id, pastMeetingId));
    expect([m!.objectivesOutcome, m!.objectivesReview]).toEqual(["partly", "Plan adopté ; formation à préciser"]);
    expect((await audits("meeting.objectives_assessed", pastMeetingId)).map((a) => (a.details as { outcome: string }).outcome)).toEqual(["partly"]);
    const page = await get(meetingRoute.loader, ds.people.table_member, url(), params());
    expect((page.data as { meeting: { objectivesOutcome: string } }).meeting.objectivesOutcome).toBe("partly");
  });

  it("lists the decision in the searchable register, only for those who see the meeting", async () => {
    const hit = await get(decisionsRoute.loader, ds.people.table_member, "/meetings/decisions?q=plan%20d'action%202026");
    expect((hit.data as { decisions: { text: string }[] }).decisions.map((d) => d.text)).toEqual(["Adopter le plan d'action 2026"]);
    const miss = await get(decisionsRoute.loader, ds.people.table_member, "/meetings/decisions?q=introuvable");
    expect((miss.data as { decisions: unknown[] }).decisions).toHaveLength(0);
    const pivot = await get(decisionsRoute.loader, ds.people.pivot, "/meetings/decisions");
    expect((pivot.data as { decisions: unknown[] }).decisions).toHaveLength(0);
  });
});

describe("meetings follow the calendar", () => {
  it("is not held or closed before its day without a reason, which the audit log keeps; a closed meeting is no longer upcoming", async () => {
    const c = ds.people.table_coordinator;
    const created = await post(newRoute.action, c, "/meetings/new", baseForm({ title: "Rencontre de l'an prochain", day: "2099-06-10" }));
    expect(created.status).toBe(302);
    const id = idFrom(created.location);
    const url = `/meetings/${id}`;
    const params = { meetingId: id };
    const page = await get(meetingRoute.loader, c, url, params);
    expect((page.data as { plannedDay: string | null }).plannedDay).toBe("2099-06-10");

    const stray = await post(meetingRoute.action, c, url, { intent: "start" }, params);
    expect(stray.status).toBe(400);
    expect(stray.data).toMatchObject({ message: "meetings.early.refused", errors: { earlyReason: ["meetings.early.reasonRequired"] } });
    expect((await handle.db.select().from(meeting).where(eq(meeting.id, id)))[0]!.status).toBe("planned");

    expect((await post(meetingRoute.action, c, url, { intent: "start", earlyReason: "Rencontre d'urgence avancée" }, params)).status).toBe(302);
    expect((await audits("meeting.held", id))[0]!.details).toMatchObject({ early: true, meetingDay: "2099-06-10", earlyReason: "Rencontre d'urgence avancée" });

    const items = await handle.db.select().from(meetingAgendaItem).where(eq(meetingAgendaItem.meetingId, id));
    for (const item of items) expect((await post(meetingRoute.action, c, url, { intent: "minutes", itemId: item.id, minutes: "Compte rendu." }, params)).status).toBe(302);
    expect((await post(meetingRoute.action, c, url, { intent: "close", earlyReason: "  " }, params)).status).toBe(400);
    expect((await post(meetingRoute.action, c, url, { intent: "close", earlyReason: "Tenue plus tôt" }, params)).status).toBe(302);
    expect((await audits("meeting.closed", id))[0]!.details).toMatchObject({ early: true, earlyReason: "Tenue plus tôt" });

    const list = (await get(listRoute.loader, c, "/meetings")).data as { upcoming: { id: string }[]; past: { id: string }[] };
    expect(list.upcoming.map((m) => m.id)).not.toContain(id);
    expect(list.past.map((m) => m.id)).toContain(id);
  });

  it("a meeting on its day or after is held and closed without a reason", async () => {
    expect((await audits("meeting.held", pastMeetingId))[0]!.details).not.toHaveProperty("early");
  });
});

describe("responsibilities", () => {
  it("the owner sees theirs under 'my responsibilities' and marks it done; a dropped one needs a reason", async () => {
    const mine = await get(mineRoute.loader, ds.people.pivot, "/responsibilities/mine");
    const open = (mine.data as { open: { id: string; what: string }[] }).open;
    expect(open.map((r) => r.what)).toEqual(["Envoyer le plan aux partenaires"]);
    const id = open[0]!.id;
    const dropped = await post(respRoute.action, ds.people.pivot, `/responsibilities/${id}`, { intent: "status", status: "dropped", droppedReason: "" }, { responsibilityId: id });
    expect(dropped.status).toBe(400);
    expect(await post(respRoute.action, ds.people.pivot, `/responsibilities/${id}`, { intent: "comment", body: "Envoyé lundi." }, { responsibilityId: id })).toMatchObject({ status: 302 });
    expect(await post(respRoute.action, ds.people.pivot, `/responsibilities/${id}`, { intent: "status", status: "done" }, { responsibilityId: id })).toMatchObject({ status: 302 });
    const [row] = await handle.db.select().from(responsibility).where(eq(responsibility.id, id));
    expect(row!.status).toBe("done");
    expect(await audits("responsibility.status_changed", id)).toHaveLength(1);
    // The owner may not edit what / due date (creator or coordinator only): 404.
    const edit = await post(respRoute.action, ds.people.pivot, `/responsibilities/${id}`, { intent: "edit", version: "1", what: "x", owner: `person:${ds.people.pivot.personId}`, dueOn: "2026-05-01" }, { responsibilityId: id });
    expect(edit.status).toBe(404);
  });

  it("an organization's responsibility is 'mine' for its people; its delegate may update it; others get 404", async () => {
    const mine = await get(mineRoute.loader, ds.people.trainer, "/responsibilities/mine");
    expect((mine.data as { open: { id: string }[] }).open.map((r) => r.id)).toEqual([openResponsibilityId]);
    // The trainer (org 2) is not its delegate: may read, not update.
    expect((await post(respRoute.action, ds.people.trainer, `/responsibilities/${openResponsibilityId}`, { intent: "status", status: "done" }, { responsibilityId: openResponsibilityId })).status).toBe(404);
    // Table B's coordinator: 404.
    const b = await callRoute(respRoute.loader, { url: `/responsibilities/${openResponsibilityId}`, params: { responsibilityId: openResponsibilityId }, cookie: await signIn(handle.db, ds.tableBCoordinator.accountId!), context: ctx() });
    expect(b.status).toBe(404);
  });

  it("the coordinator's overdue view lists open items past due", async () => {
    const res = await get(respListRoute.loader, ds.people.table_coordinator, "/responsibilities?filter=overdue");
    const rows = (res.data as { rows: { id: string; overdue: boolean }[] }).rows;
    expect(rows.map((r) => r.id)).toEqual([openResponsibilityId]);
    expect(rows[0]!.overdue).toBe(true);
  });

  it("a standalone responsibility: Table-wide by the coordinator, organization-only by a pivot coordinator", async () => {
    const created = await post(respNewRoute.action, ds.people.table_coordinator, "/responsibilities/new", { what: "Mettre à jour le bottin", owner: `organization:${ds.org1}`, dueOn: "2026-12-15" });
    expect(created.status, JSON.stringify(created.data)).toBe(302);
    const own = await post(respNewRoute.action, ds.people.pivot_coordinator, "/responsibilities/new", { what: "Suivi interne", owner: `person:${ds.people.pivot.personId}`, dueOn: "2026-12-15" });
    expect(own.status).toBe(302);
    const ownId = idFrom(own.location);
    const [row] = await handle.db.select().from(responsibility).where(eq(responsibility.id, ownId));
    expect(row!.scopeOrganizationId).toBe(ds.org1);
    // An owner outside the pivot coordinator's organization is refused.
    expect((await post(respNewRoute.action, ds.people.pivot_coordinator, "/responsibilities/new", { what: "x", owner: `person:${ds.personOrg2.personId}`, dueOn: "2026-12-15" })).status).toBe(400);
    // Organization-only: the Table coordinator does not see it; a delegate of org 1 does.
    expect((await get(respRoute.loader, ds.people.table_coordinator, `/responsibilities/${ownId}`, { responsibilityId: ownId })).status).toBe(404);
    expect((await get(respRoute.loader, ds.people.table_member, `/responsibilities/${ownId}`, { responsibilityId: ownId })).status).toBe(200);
    // Roles without meeting.create cannot reach the form.
    expect((await get(respNewRoute.loader, ds.people.table_member, "/responsibilities/new")).status).toBe(404);
  });
});

describe("next meeting from a template", () => {
  it("copies the agenda and proposes the previous meeting's open items as a linked follow-up item", async () => {
    const page = await get(newRoute.loader, ds.people.table_coordinator, `/meetings/new?template=${pastMeetingId}`);
    const d = page.data as { step: string; values: { items: { title: string; id: string }[]; invitees: string[]; templateId: string }; openItems: { id: string }[]; previous: { id: string } };
    expect(d.step).toBe("form");
    expect(d.values.items.map((i) => i.title)).toEqual(["Mot de bienvenue", "Plan d'action"]);
    expect(d.values.items.every((i) => i.id === "")).toBe(true);
    expect(d.previous.id).toBe(pastMeetingId);
    expect(d.openItems.map((r) => r.id)).toEqual([openResponsibilityId]);
    const res = await post(
      newRoute.action,
      ds.people.table_coordinator,
      "/meetings/new",
      baseForm({ title: "Rencontre de la Table — printemps", day: "2027-04-10", templateId: pastMeetingId, invitees: d.values.invitees, inviteAll: "", followUpIds: [openResponsibilityId] }),
    );
    expect(res.status, JSON.stringify(res.data)).toBe(302);
    const nextId = idFrom(res.location);
    const items = await handle.db.select().from(meetingAgendaItem).where(eq(meetingAgendaItem.meetingId, nextId));
    const followUp = items.find((i) => i.followUp)!;
    expect(followUp.position).toBe(0);
    const links = await handle.db.select().from(agendaItemResponsibility).where(eq(agendaItemResponsibility.agendaItemId, followUp.id));
    expect(links.map((l) => l.responsibilityId)).toEqual([openResponsibilityId]);
    const view = await get(meetingRoute.loader, ds.people.table_member, `/meetings/${nextId}`, { meetingId: nextId });
    const detail = (view.data as { detail: { items: { followUp: boolean; carried: { id: string }[] }[] } }).detail;
    expect(detail.items.find((i) => i.followUp)!.carried.map((r) => r.id)).toEqual([openResponsibilityId]);
  });

  it("cancelling sends a CANCEL with a higher SEQUENCE", async () => {
    const res = await post(newRoute.action, ds.people.table_coordinator, "/meetings/new", baseForm({ title: "À annuler", day: "2027-05-10" }));
    const id = idFrom(res.location);
    expect((await post(meetingRoute.action, ds.people.table_coordinator, `/meetings/${id}`, { intent: "cancel" }, { meetingId: id })).status).toBe(302);
    const mails = (await mailsTo([ds.people.table_member.email])).filter((m) => m.textBody.includes(id));
    expect(mails).toHaveLength(2);
    const cancel = mails.find((m) => m.subject.includes("Annulation"))!;
    expect(cancel.attachments[0]!.content).toContain("METHOD:CANCEL");
    expect(cancel.attachments[0]!.content).toContain("SEQUENCE:1");
    expect(cancel.attachments[0]!.content).toContain("STATUS:CANCELLED");
  });
});

describe("pivot follow-ups inside an organization", () => {
  let followUpId: string;
  it("the pivot coordinator prepares one for their organization; 'all pivots of the organization' stays inside it", async () => {
    const res = await post(newRoute.action, ds.people.pivot_coordinator, "/meetings/new", baseForm({ title: "Suivi des pivots", kind: "org_followup", organizationId: ds.org1, day: "2027-02-02" }));
    expect(res.status, JSON.stringify(res.data)).toBe(302);
    followUpId = idFrom(res.location);
    const invited = await handle.db.select().from(meetingInvitation).where(eq(meetingInvitation.meetingId, followUpId));
    expect(invited.map((i) => i.personId)).not.toContain(pivotOrg2.personId);
    expect(invited.map((i) => i.personId)).toContain(ds.people.pivot.personId);
  });

  it("only its organization's people see it: another organization's pivot and the Table coordinator get 404", async () => {
    const url = `/meetings/${followUpId}`;
    const params = { meetingId: followUpId };
    expect((await get(meetingRoute.loader, ds.people.pivot, url, params)).status).toBe(200);
    expect((await get(meetingRoute.loader, ds.people.table_member, url, params)).status).toBe(200);
    expect((await get(meetingRoute.loader, pivotOrg2, url, params)).status).toBe(404);
    expect((await get(meetingRoute.loader, ds.people.table_coordinator, url, params)).status).toBe(404);
    expect((await get(editRoute.loader, ds.people.pivot, `${url}/edit`, params)).status).toBe(404);
    expect((await get(editRoute.loader, ds.people.pivot_coordinator, `${url}/edit`, params)).status).toBe(200);
  });
});

describe("Table settings add meeting kinds", () => {
  it("a kind added in /admin/settings can be used for a meeting", async () => {
    const c = ds.people.table_coordinator;
    const page = await get(settingsRoute.loader, c, "/admin/settings");
    const s = (page.data as { settings: Record<string, unknown> & { version: number } }).settings;
    const body: Record<string, string> = {};
    for (const [k, v] of Object.entries(s)) if (typeof v === "number" || typeof v === "string") body[k] = String(v);
    body.meetingKinds = "Comité des communications | Communications committee";
    const saved = await post(settingsRoute.action, c, "/admin/settings", body);
    expect(saved.status, JSON.stringify(saved.data)).toBe(302);
    const form = await get(newRoute.loader, c, "/meetings/new");
    expect((form.data as { kinds: string[] }).kinds).toContain("custom_comite_des_communications");
    const res = await post(newRoute.action, c, "/meetings/new", baseForm({ kind: "custom_comite_des_communications", day: "2027-03-03" }));
    expect(res.status).toBe(302);
  });
});
