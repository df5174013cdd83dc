import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SUBMISSION_KEY_FIELD } from "../../app/modules/forms/submission-field.ts";
import { and, asc, eq } from "drizzle-orm";
import type { DatabaseHandle } from "../../app/modules/db/client.server.ts";
import { auditEvent } from "../../app/modules/audit/tables.ts";
import { meetingAgendaItem } from "../../app/modules/meetings/tables.ts";
import * as newRoute from "../../app/routes/meetings/new.tsx";
import * as editRoute from "../../app/routes/meetings/$meetingId.edit.tsx";
import { createTestDatabase, testContext } from "../support/test-db.ts";
import { callRoute, createAuthzDataset, signIn, type AuthzDataset, type FixturePerson } from "../support/fixtures.ts";
import { renderPage } from "../support/render-page.tsx";
import { asPageSends } from "./table-form-support.ts";

/** Move up / move down on the meeting edit page: plain POST forms, audited, managers only. */
let handle: DatabaseHandle;
let ds: AuthzDataset;
let meetingId: string;
let itemIds: string[];
const cookies: Record<string, string> = {};

const ctx = () => testContext(handle.db);
/** A create form as the page sends it: with its submission key. */
const withKey = (body: Record<string, string | string[]>) => ({ ...body, [SUBMISSION_KEY_FIELD]: randomUUID() });
const cookieOf = async (who: FixturePerson) => (cookies[who.email] ??= await signIn(handle.db, who.accountId!, { activePartnershipId: ds.tableA }));
const move = async (who: FixturePerson, itemId: string, direction: string, id = meetingId) =>
  callRoute(editRoute.action, {
    url: `/meetings/${id}/edit`,
    params: { meetingId: id },
    cookie: await cookieOf(who),
    method: "POST",
    // As the page sends it: with the meeting's version the page was drawn with.
    body: await asPageSends({ url: `/meetings/${id}/edit`, body: { intent: "move", moveItemId: itemId, direction }, cookie: await cookieOf(who), context: ctx() }),
    context: ctx(),
  });
const titles = async () =>
  (await handle.db.select().from(meetingAgendaItem).where(eq(meetingAgendaItem.meetingId, meetingId)).orderBy(asc(meetingAgendaItem.position))).map((i) => i.title);
const moves = async () => handle.db.select().from(auditEvent).where(and(eq(auditEvent.action, "meeting.agenda_reordered"), eq(auditEvent.targetId, meetingId)));

beforeAll(async () => {
  handle = await createTestDatabase();
  ds = await createAuthzDataset(handle.db);
  const res = await callRoute(newRoute.action, {
    url: "/meetings/new",
    cookie: await cookieOf(ds.people.table_coordinator),
    method: "POST",
    body: withKey({
      title: "Rencontre de la Table",
      kind: "table",
      day: "2026-03-12",
      startTime: "09:00",
      endTime: "12:00",
      place: "Salle du conseil",
      itemId: ["", "", ""],
      itemTitle: ["Accueil", "Plan d'action", "Varia"],
      itemPresenter: ["", "", ""],
      itemDuration: ["5", "60", "10"],
      itemNotes: ["", "", ""],
      inviteAll: "on",
    }),
    context: ctx(),
  });
  expect(res.status, JSON.stringify(res.data)).toBe(302);
  meetingId = /\/meetings\/([0-9a-f-]{36})/.exec(res.location ?? "")![1]!;
  itemIds = (await handle.db.select().from(meetingAgendaItem).where(eq(meetingAgendaItem.meetingId, meetingId)).orderBy(asc(meetingAgendaItem.position))).map((i) => i.id);
});
afterAll(async () => {
  await handle?.close();
});

describe("reordering the agenda", () => {
  it("the edit page offers the order with the items' ids", async () => {
    const page = await callRoute(editRoute.loader, { url: `/meetings/${meetingId}/edit`, params: { meetingId }, cookie: await cookieOf(ds.people.table_coordinator), context: ctx() });
    expect((page.data as { order: { id: string; title: string }[] }).order.map((i) => i.title)).toEqual(["Accueil", "Plan d'action", "Varia"]);
    // Plain POST forms (no JavaScript needed): the first item has no "up", the last no "down".
    const html = renderPage(editRoute.default as never, { path: `/meetings/${meetingId}/edit`, loaderData: page.data });
    const forms = [...html.matchAll(/<form[^>]*>(.*?)<\/form>/gs)].map((m) => m[1]!).filter((f) => f.includes('value="move"'));
    const moves = forms.map((f) => [/name="moveItemId" value="([^"]+)"/.exec(f)![1], /name="direction" value="([^"]+)"/.exec(f)![1]]);
    expect(moves).toEqual([
      [itemIds[0], "down"],
      [itemIds[1], "up"],
      [itemIds[1], "down"],
      [itemIds[2], "up"],
    ]);
    expect(html).toContain("Monter «\u00a0Plan d&#x27;action\u00a0»");
  });

  it("moves an item up and down, back to the edit page, audited", async () => {
    const up = await move(ds.people.table_coordinator, itemIds[2]!, "up");
    expect(up.status).toBe(302);
    expect(up.location).toContain(`/meetings/${meetingId}/edit`);
    expect(await titles()).toEqual(["Accueil", "Varia", "Plan d'action"]);
    expect((await move(ds.people.table_coordinator, itemIds[0]!, "down")).status).toBe(302);
    expect(await titles()).toEqual(["Varia", "Accueil", "Plan d'action"]);
    const events = await moves();
    expect(events).toHaveLength(2);
    expect(events[0]!.details).toMatchObject({ itemId: itemIds[2], direction: "up", from: 2, to: 1 });
  });

  it("the first item cannot go up, the last cannot go down: nothing changes, nothing audited", async () => {
    expect((await move(ds.people.table_coordinator, itemIds[2]!, "up")).status).toBe(302);
    expect((await move(ds.people.table_coordinator, itemIds[1]!, "down")).status).toBe(302);
    expect(await titles()).toEqual(["Varia", "Accueil", "Plan d'action"]);
    expect(await moves()).toHaveLength(2);
  });

  it("a stale edit form is refused after a move (the order is not silently undone)", async () => {
    const page = await callRoute(editRoute.loader, { url: `/meetings/${meetingId}/edit`, params: { meetingId }, cookie: await cookieOf(ds.people.table_coordinator), context: ctx() });
    const version = (page.data as { version: number }).version;
    await move(ds.people.table_coordinator, itemIds[1]!, "up");
    const stale = await callRoute(editRoute.action, {
      url: `/meetings/${meetingId}/edit`,
      params: { meetingId },
      cookie: await cookieOf(ds.people.table_coordinator),
      method: "POST",
      body: {
        version: String(version),
        title: "Rencontre de la Table",
        day: "2026-03-12",
        startTime: "09:00",
        endTime: "12:00",
        place: "Salle du conseil",
        itemId: [itemIds[2]!, itemIds[0]!, itemIds[1]!],
        itemTitle: ["Varia", "Accueil", "Plan d'action"],
        itemPresenter: ["", "", ""],
        itemDuration: ["10", "5", "60"],
        itemNotes: ["", "", ""],
        inviteAll: "on",
      },
      context: ctx(),
    });
    expect(stale.status).toBe(409);
    expect(await titles()).toEqual(["Varia", "Plan d'action", "Accueil"]);
  });

  it("refuses a bad direction (400), an unknown item and a non-manager (404)", async () => {
    expect((await move(ds.people.table_coordinator, itemIds[0]!, "sideways")).status).toBe(400);
    expect((await move(ds.people.table_coordinator, "00000000-0000-4000-8000-000000000000", "up")).status).toBe(404);
    expect((await move(ds.people.table_member, itemIds[0]!, "up")).status).toBe(404);
    const b = await callRoute(editRoute.action, {
      url: `/meetings/${meetingId}/edit`,
      params: { meetingId },
      cookie: await signIn(handle.db, ds.tableBCoordinator.accountId!),
      method: "POST",
      body: { intent: "move", moveItemId: itemIds[0]!, direction: "up" },
      context: ctx(),
    });
    expect(b.status).toBe(404);
    expect(await titles()).toEqual(["Varia", "Plan d'action", "Accueil"]);
  });
});
