import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, inArray } from "drizzle-orm";
import type { DatabaseHandle } from "../../app/modules/db/client.server.ts";
import { auditEvent } from "../../app/modules/audit/tables.ts";
import { emailMessage } from "../../app/modules/email/tables.ts";
import { forumSpace, forumThread } from "../../app/modules/forum/tables.ts";
import { computeFigures } from "../../app/modules/indicators/compute-figures.server.ts";
import { indicatorByCode } from "../../app/modules/indicators/registry.server.ts";
import { fromLocal } from "../../app/modules/meetings/dates.ts";
import { meeting, meetingActivityReview, meetingAgendaItem, meetingInvitation, meetingPollAnswer, meetingPollSlot, meetingRegistration } from "../../app/modules/meetings/tables.ts";
import { pivotActivity } from "../../app/modules/pivot-activities/tables.ts";
import { addDays, quebecDay } from "../../app/modules/time/days.ts";
import * as meetingRoute from "../../app/routes/meetings/$meetingId.tsx";
import { createTestDatabase, testContext } from "../support/test-db.ts";
import { callRoute, createAuthzDataset, createPerson, signIn, type AuthzDataset, type FixturePerson } from "../support/fixtures.ts";
import { asPageSends } from "./table-form-support.ts";
import type { PivotMeetingDetail } from "../../app/modules/meetings/pivot-meeting-detail.server.ts";

// Pivot meetings (issue 14 §5): registration, the date poll, the activities review on the agenda, the thread.
let handle: DatabaseHandle;
let ds: AuthzDataset;
let pivotOrg2: FixturePerson;
let pivotUninvited: FixturePerson;
let pivotB: FixturePerson;
const cookies: Record<string, string> = {};

const ctx = () => testContext(handle.db);
const cookieOf = async (who: FixturePerson, table = ds.tableA) => (cookies[who.email] ??= await signIn(handle.db, who.accountId!, { activePartnershipId: table }));
const page = async (who: FixturePerson, id: string) => callRoute(meetingRoute.loader, { url: `/meetings/${id}`, params: { meetingId: id }, cookie: await cookieOf(who), context: ctx() });
async function post(who: FixturePerson, id: string, body: Record<string, string | string[]>) {
  const url = `/meetings/${id}`;
  const cookie = await cookieOf(who);
  return callRoute(meetingRoute.action, { url, params: { meetingId: id }, cookie, method: "POST", body: await asPageSends({ url, body, cookie, context: ctx() }), context: ctx() });
}
const pivotOf = async (who: FixturePerson, id: string) => ((await page(who, id)).data as { pivot: PivotMeetingDetail | null }).pivot;
const audits = (action: string, targetId: string) => handle.db.select().from(auditEvent).where(and(eq(auditEvent.action, action), eq(auditEvent.targetId, targetId)));
const today = quebecDay(new Date());

async function makeMeeting(input: { kind?: string; organizationId?: string | null; day: string; status?: "planned" | "held" | "closed"; invite: FixturePerson[]; title?: string }) {
  const [m] = await handle.db
    .insert(meeting)
    .values({
      partnershipId: ds.tableA,
      organizationId: input.organizationId ?? null,
      kind: input.kind ?? "regional_pivots",
      title: input.title ?? "Rencontre régionale des pivots",
      startsAt: fromLocal(input.day, "13:00"),
      endsAt: fromLocal(input.day, "16:00"),
      place: "Maison de la coopération",
      status: input.status ?? "planned",
      createdByPersonId: ds.people.table_coordinator.personId,
    })
    .returning();
  for (const p of input.invite) await handle.db.insert(meetingInvitation).values({ meetingId: m!.id, personId: p.personId, partnershipId: ds.tableA });
  return m!;
}

beforeAll(async () => {
  handle = await createTestDatabase();
  ds = await createAuthzDataset(handle.db);
  pivotOrg2 = await createPerson(handle.db, { partnershipId: ds.tableA, organizationId: ds.org2, email: "pivot-org2@a.filet.test", roles: [{ role: "pivot" }] });
  pivotUninvited = await createPerson(handle.db, { partnershipId: ds.tableA, organizationId: ds.org2, email: "pivot-uninvited@a.filet.test", roles: [{ role: "pivot" }] });
  pivotB = await createPerson(handle.db, { partnershipId: ds.tableB, organizationId: ds.orgB, email: "pivot@b.filet.test", roles: [{ role: "pivot" }] });
});
afterAll(async () => {
  await handle?.close();
});

describe("registration of the invited pivots", () => {
  let id: string;
  beforeAll(async () => {
    id = (await makeMeeting({ day: addDays(today, 30), invite: [ds.people.table_coordinator, ds.people.pivot, pivotOrg2, ds.people.table_member] })).id;
  });

  it("registers once (a repeat writes nothing), shows the organizer the list, and withdraws", async () => {
    expect((await post(ds.people.pivot, id, { intent: "register" })).status).toBe(302);
    expect((await post(ds.people.pivot, id, { intent: "register" })).status).toBe(302);
    const rows = await handle.db.select().from(meetingRegistration).where(eq(meetingRegistration.meetingId, id));
    expect(rows).toHaveLength(1);
    expect(await audits("meeting.registered", id)).toHaveLength(1);
    const [inv] = await handle.db.select().from(meetingInvitation).where(and(eq(meetingInvitation.meetingId, id), eq(meetingInvitation.personId, ds.people.pivot.personId)));
    expect(inv!.rsvp).toBe("yes");

    const organizer = await pivotOf(ds.people.table_coordinator, id);
    expect(organizer!.registrations!.map((r) => r.personId)).toEqual([ds.people.pivot.personId]);
    const own = await pivotOf(ds.people.pivot, id);
    expect(own!.registrations).toBeNull();
    expect(own!.registered).toBe(true);

    expect((await post(ds.people.pivot, id, { intent: "withdraw" })).status).toBe(302);
    expect((await post(ds.people.pivot, id, { intent: "withdraw" })).status).toBe(302);
    expect(await audits("meeting.registration_withdrawn", id)).toHaveLength(1);
    expect((await pivotOf(ds.people.table_coordinator, id))!.registrations).toEqual([]);
    expect((await post(ds.people.pivot, id, { intent: "register" })).status).toBe(302);
    expect((await pivotOf(ds.people.table_coordinator, id))!.registeredCount).toBe(1);
  });

  it("answers 404 to a pivot of another Table, a pivot not invited, and an invited non-pivot", async () => {
    const other = await callRoute(meetingRoute.action, {
      url: `/meetings/${id}`,
      params: { meetingId: id },
      cookie: await cookieOf(pivotB, ds.tableB),
      method: "POST",
      body: { intent: "register" },
      context: ctx(),
    });
    expect(other.status).toBe(404);
    expect((await post(pivotUninvited, id, { intent: "register" })).status).toBe(404);
    expect((await post(ds.people.table_member, id, { intent: "register" })).status).toBe(404);
    const rows = await handle.db.select().from(meetingRegistration).where(eq(meetingRegistration.meetingId, id));
    expect(rows.map((r) => r.personId)).toEqual([ds.people.pivot.personId]);
  });

  it("offers nothing of the kind on a Table meeting", async () => {
    const table = await makeMeeting({ kind: "table", day: addDays(today, 31), invite: [ds.people.pivot] });
    expect(await pivotOf(ds.people.pivot, table.id)).toBeNull();
    expect((await post(ds.people.pivot, table.id, { intent: "register" })).status).toBe(404);
  });
});

describe("the meeting-time poll", () => {
  let id: string;
  const slotDays = [addDays(today, 40), addDays(today, 41), addDays(today, 42)];
  const slotForm = (days: string[]) =>
    Object.fromEntries(days.flatMap((d, i) => [[`slotDay-${i}`, d], [`slotStart-${i}`, "09:00"], [`slotEnd-${i}`, "12:00"]]));
  beforeAll(async () => {
    id = (await makeMeeting({ day: addDays(today, 40), invite: [ds.people.table_coordinator, ds.people.pivot, pivotOrg2] })).id;
  });

  it("refuses fewer than two slots or a bad time (400) and a pivot's opening (404)", async () => {
    expect((await post(ds.people.table_coordinator, id, { intent: "openPoll", ...slotForm(slotDays.slice(0, 1)) })).status).toBe(400);
    expect((await post(ds.people.table_coordinator, id, { intent: "openPoll", ...slotForm(slotDays), "slotEnd-1": "08:00" })).status).toBe(400);
    expect((await post(ds.people.pivot, id, { intent: "openPoll", version: "1", ...slotForm(slotDays) })).status).toBe(404);
    expect(await handle.db.select().from(meetingPollSlot).where(eq(meetingPollSlot.meetingId, id))).toHaveLength(0);
  });

  it("opens with three Québec slots; invitees answer and change their answers (one row per slot and person)", async () => {
    expect((await post(ds.people.table_coordinator, id, { intent: "openPoll", ...slotForm(slotDays) })).status).toBe(302);
    const slots = await handle.db.select().from(meetingPollSlot).where(eq(meetingPollSlot.meetingId, id));
    expect(slots).toHaveLength(3);
    expect(slots.map((s) => s.startsAt.toISOString()).sort()).toEqual(slotDays.map((d) => fromLocal(d, "09:00").toISOString()).sort());
    const [a, b, c] = slots.sort((x, y) => x.position - y.position);
    expect((await post(ds.people.pivot, id, { intent: "answerPoll", [`answer-${a!.id}`]: "yes", [`answer-${b!.id}`]: "no", [`answer-${c!.id}`]: "if_needed" })).status).toBe(302);
    expect((await post(ds.people.pivot, id, { intent: "answerPoll", [`answer-${b!.id}`]: "yes" })).status).toBe(302);
    expect((await post(pivotOrg2, id, { intent: "answerPoll", [`answer-${b!.id}`]: "yes", [`answer-${a!.id}`]: "if_needed" })).status).toBe(302);
    const answers = await handle.db.select().from(meetingPollAnswer).where(eq(meetingPollAnswer.meetingId, id));
    expect(answers).toHaveLength(5);
    const view = await pivotOf(ds.people.table_coordinator, id);
    expect(view!.poll!.slots.map((s) => s.tally)).toEqual([
      { yes: 1, if_needed: 1, no: 0 },
      { yes: 2, if_needed: 0, no: 0 },
      { yes: 0, if_needed: 1, no: 0 },
    ]);
    expect(view!.poll!.respondents).toBe(2);
    expect((await pivotOf(ds.people.pivot, id))!.poll!.mine).toEqual({ [a!.id]: "yes", [b!.id]: "yes", [c!.id]: "if_needed" });
    expect(await audits("meeting.poll_answered", id)).toHaveLength(3);
  });

  it("answers 404 to a slot of another meeting and to someone not invited; 400 to an unknown answer", async () => {
    const other = await makeMeeting({ day: addDays(today, 50), invite: [ds.people.pivot] });
    const [foreign] = await handle.db.insert(meetingPollSlot).values({ partnershipId: ds.tableA, meetingId: other.id, startsAt: fromLocal(addDays(today, 50), "09:00"), endsAt: fromLocal(addDays(today, 50), "10:00") }).returning();
    expect((await post(ds.people.pivot, id, { intent: "answerPoll", [`answer-${foreign!.id}`]: "yes" })).status).toBe(404);
    const [slot] = await handle.db.select().from(meetingPollSlot).where(eq(meetingPollSlot.meetingId, id)).limit(1);
    expect((await post(pivotUninvited, id, { intent: "answerPoll", [`answer-${slot!.id}`]: "yes" })).status).toBe(404);
    expect((await post(ds.people.pivot, id, { intent: "answerPoll", [`answer-${slot!.id}`]: "peut-être" })).status).toBe(400);
  });

  it("the organizer picks a slot: the date moves, SEQUENCE rises, invitees get a link and the .ics, the poll closes", async () => {
    const slots = (await handle.db.select().from(meetingPollSlot).where(eq(meetingPollSlot.meetingId, id))).sort((x, y) => x.position - y.position);
    const chosen = slots[1]!;
    expect((await post(ds.people.pivot, id, { intent: "pickSlot", version: "1", slotId: chosen.id })).status).toBe(404);
    expect((await post(ds.people.table_coordinator, id, { intent: "pickSlot", version: "1", slotId: chosen.id })).status).toBe(409);
    const res = await post(ds.people.table_coordinator, id, { intent: "pickSlot", slotId: chosen.id });
    expect(res.status, JSON.stringify(res.data)).toBe(302);
    const [m] = await handle.db.select().from(meeting).where(eq(meeting.id, id));
    expect(m!.startsAt.toISOString()).toBe(chosen.startsAt.toISOString());
    expect(m!.pollStatus).toBe("closed");
    expect(m!.sequence).toBe(1);
    const mails = await handle.db.select().from(emailMessage).where(inArray(emailMessage.toAddress, [ds.people.pivot.email, pivotOrg2.email]));
    expect(mails).toHaveLength(2);
    for (const mail of mails) {
      expect(mail.textBody).toContain(`/meetings/${id}`);
      expect(mail.attachments[0]!.content).toContain("SEQUENCE:1");
      expect(mail.attachments[0]!.content).toContain(`UID:meeting-${id}@filet`);
    }
    expect(await audits("meeting.poll_slot_picked", id)).toHaveLength(1);
    expect((await post(ds.people.pivot, id, { intent: "answerPoll", [`answer-${chosen.id}`]: "no" })).status).toBe(409);
    expect((await pivotOf(ds.people.pivot, id))!.poll!.slots.find((s) => s.chosen)!.id).toBe(chosen.id);
  });
});

describe("the review of the pivots' activities on the agenda", () => {
  const previousDay = addDays(today, -30);
  beforeAll(async () => {
    await makeMeeting({ day: previousDay, status: "closed", invite: [] });
    const log = (organizationId: string, personId: string, type: "awareness_session" | "case_discussion", occurredOn: string) =>
      handle.db.insert(pivotActivity).values({ partnershipId: ds.tableA, organizationId, personId, type, occurredOn, notes: "Note confidentielle" });
    // Before the previous meeting (not counted), then since it: org 1 three awareness sessions and one case discussion, org 2 one.
    await log(ds.org1, ds.people.pivot.personId, "awareness_session", addDays(previousDay, -2));
    for (let i = 0; i < 3; i += 1) await log(ds.org1, ds.people.pivot.personId, "awareness_session", addDays(previousDay, 2 + i));
    await log(ds.org1, ds.people.pivot.personId, "case_discussion", addDays(previousDay, 5));
    await log(ds.org2, pivotOrg2.personId, "awareness_session", addDays(previousDay, 6));
  });

  it("adds the item with counts by type and organization since the previous meeting of the kind (counts only)", async () => {
    const id = (await makeMeeting({ day: addDays(today, 20), invite: [ds.people.table_coordinator, ds.people.pivot] })).id;
    const res = await post(ds.people.table_coordinator, id, { intent: "activityReview" });
    expect(res.status, JSON.stringify(res.data)).toBe(302);
    const items = await handle.db.select().from(meetingAgendaItem).where(eq(meetingAgendaItem.meetingId, id));
    expect(items.map((i) => i.title)).toEqual(["Retour sur les activités des pivots"]);
    const [review] = await handle.db.select().from(meetingActivityReview).where(eq(meetingActivityReview.meetingId, id));
    expect(review!.fromDay).toBe(addDays(previousDay, 1));
    expect(review!.protectedBelow).toBeNull();
    const byOrg = Object.fromEntries(review!.rows.map((r) => [r.organizationId, { counts: r.counts, total: r.total }]));
    expect(byOrg[ds.org1]).toEqual({ counts: { awareness_session: 3, case_discussion: 1 }, total: 4 });
    expect(byOrg[ds.org2]).toEqual({ counts: { awareness_session: 1 }, total: 1 });
    expect(JSON.stringify(review!.rows)).not.toContain("Note confidentielle");
    // Shown on the meeting page to an invited pivot; a second click refreshes instead of adding.
    expect((await pivotOf(ds.people.pivot, id))!.reviews[items[0]!.id]!.rows).toHaveLength(2);
    expect((await post(ds.people.table_coordinator, id, { intent: "activityReview" })).status).toBe(302);
    expect(await handle.db.select().from(meetingAgendaItem).where(eq(meetingAgendaItem.meetingId, id))).toHaveLength(1);
    expect((await post(ds.people.pivot, id, { intent: "activityReview", version: "1" })).status).toBe(404);
    expect((await post(ds.people.table_coordinator, id, { intent: "activityReview", version: "1" })).status).toBe(409);
  });

  it("protects the counts when an evaluator is invited", async () => {
    const id = (await makeMeeting({ day: addDays(today, 21), invite: [ds.people.table_coordinator, ds.people.evaluator] })).id;
    expect((await post(ds.people.table_coordinator, id, { intent: "activityReview" })).status).toBe(302);
    const [review] = await handle.db.select().from(meetingActivityReview).where(eq(meetingActivityReview.meetingId, id));
    expect(review!.protectedBelow).toBeGreaterThan(1);
    const org2 = review!.rows.find((r) => r.organizationId === ds.org2)!;
    expect(org2.counts.awareness_session).toBeNull();
  });

  it("counts only the organization's activities for its follow-up meeting", async () => {
    const id = (await makeMeeting({ kind: "org_followup", organizationId: ds.org1, day: addDays(today, 22), invite: [ds.people.pivot_coordinator, ds.people.pivot] })).id;
    expect((await post(ds.people.pivot_coordinator, id, { intent: "activityReview" })).status).toBe(302);
    const [review] = await handle.db.select().from(meetingActivityReview).where(eq(meetingActivityReview.meetingId, id));
    expect(review!.rows.map((r) => r.organizationId)).toEqual([ds.org1]);
    expect(review!.fromDay).toBeNull();
  });
});

describe("the meeting's thread", () => {
  it("opens the thread once in the whole network's space, then links to it", async () => {
    const id = (await makeMeeting({ day: addDays(today, 25), invite: [ds.people.pivot], title: "Rencontre régionale — printemps" })).id;
    const first = await post(ds.people.pivot, id, { intent: "thread" });
    expect(first.status, JSON.stringify(first.data)).toBe(302);
    const threadId = /\/network\/threads\/([0-9a-f-]{36})/.exec(first.location ?? "")![1]!;
    const [thread] = await handle.db.select({ title: forumThread.title, kind: forumSpace.kind }).from(forumThread).innerJoin(forumSpace, eq(forumSpace.id, forumThread.spaceId)).where(eq(forumThread.id, threadId));
    expect(thread).toEqual({ title: "Rencontre\u00a0: Rencontre régionale — printemps", kind: "network" });
    const again = await post(ds.people.pivot, id, { intent: "thread" });
    expect(again.location).toBe(first.location);
    expect((await pivotOf(ds.people.pivot, id))!.threadId).toBe(threadId);
    expect(await audits("meeting.thread_opened", id)).toHaveLength(1);
  });

  it("creates no thread for a Table meeting (404) nor for a cancelled pivot meeting", async () => {
    const before = (await handle.db.select().from(forumThread)).length;
    const table = await makeMeeting({ kind: "table", day: addDays(today, 27), invite: [ds.people.pivot] });
    expect((await post(ds.people.pivot, table.id, { intent: "thread" })).status).toBe(404);
    const cancelled = await makeMeeting({ day: addDays(today, 28), invite: [ds.people.pivot] });
    await handle.db.update(meeting).set({ status: "cancelled" }).where(eq(meeting.id, cancelled.id));
    expect((await post(ds.people.pivot, cancelled.id, { intent: "thread" })).status).toBe(409);
    expect((await handle.db.select().from(forumThread)).length).toBe(before);
  });

  it("puts a follow-up's thread in the organization's pivots space", async () => {
    const id = (await makeMeeting({ kind: "org_followup", organizationId: ds.org1, day: addDays(today, 26), invite: [ds.people.pivot_coordinator] })).id;
    const res = await post(ds.people.pivot_coordinator, id, { intent: "thread" });
    expect(res.status, JSON.stringify(res.data)).toBe(302);
    const [m] = await handle.db.select().from(meeting).where(eq(meeting.id, id));
    const [space] = await handle.db.select({ kind: forumSpace.kind, organizationId: forumSpace.organizationId }).from(forumThread).innerJoin(forumSpace, eq(forumSpace.id, forumThread.spaceId)).where(eq(forumThread.id, m!.forumThreadId!));
    expect(space).toEqual({ kind: "organization", organizationId: ds.org1 });
  });
});

describe("attendance at regional pivot meetings (indicator)", () => {
  it("counts present over invited; registrations, withdrawn or not, add no one twice", async () => {
    // A separate Table-wide period far back, so the other tests' meetings stay out.
    const day = "2025-02-12";
    const m = await makeMeeting({ day, status: "held", invite: [ds.people.pivot, pivotOrg2, ds.people.pivot_coordinator] });
    await handle.db.insert(meetingRegistration).values([
      { meetingId: m.id, personId: ds.people.pivot.personId, partnershipId: ds.tableA },
      { meetingId: m.id, personId: pivotOrg2.personId, partnershipId: ds.tableA, withdrawnAt: new Date() },
    ]);
    await handle.db.update(meetingInvitation).set({ attendance: "present" }).where(and(eq(meetingInvitation.meetingId, m.id), inArray(meetingInvitation.personId, [ds.people.pivot.personId, ds.people.pivot_coordinator.personId])));
    const definition = indicatorByCode("regional_pivot_meeting_attendance")!;
    const figures = await computeFigures(handle.db, definition, { partnershipId: ds.tableA, period: { from: "2025-01-01", to: "2025-03-31" }, by: null, today });
    expect(figures).toMatchObject({ numerators: [2], denominators: [3] });
  });
});
