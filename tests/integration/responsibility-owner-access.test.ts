import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { DatabaseHandle } from "../../app/modules/db/client.server.ts";
import { auditEvent } from "../../app/modules/audit/tables.ts";
import { responsibility } from "../../app/modules/meetings/responsibilities/tables.ts";
import * as respListRoute from "../../app/routes/meetings/responsibilities.tsx";
import * as mineRoute from "../../app/routes/meetings/responsibilities.mine.tsx";
import * as respNewRoute from "../../app/routes/meetings/responsibilities.new.tsx";
import * as respRoute from "../../app/routes/meetings/responsibilities.$responsibilityId.tsx";
import * as meetingsRoute from "../../app/routes/meetings/_index.tsx";
import * as meetingsLayout from "../../app/routes/meetings/_layout.tsx";
import { createTestDatabase, testContext } from "../support/test-db.ts";
import { callRoute, createAuthzDataset, signIn, type AuthzDataset, type FixturePerson } from "../support/fixtures.ts";
import { renderPage } from "../support/render-page.tsx";
import { asPageSends } from "./table-form-support.ts";

/**
 * A person named owner of a responsibility opens it, updates its status and comments, whatever
 * their role — even roles without meeting.view (worker, evaluator, privacy officer) — and finds it
 * under "my responsibilities". Nothing else opens to them.
 */
let handle: DatabaseHandle;
let ds: AuthzDataset;
const cookies: Record<string, string> = {};
const ids: Record<"worker" | "evaluator" | "privacy" | "org1" | "coordinator", string> = {} as never;

const ctx = () => testContext(handle.db);
const cookieOf = async (who: FixturePerson) => (cookies[who.email] ??= await signIn(handle.db, who.accountId!, { activePartnershipId: ds.tableA }));
const get = async (fn: Parameters<typeof callRoute>[0], who: FixturePerson, url: string, params: Record<string, string> = {}) =>
  callRoute(fn, { url, params, cookie: await cookieOf(who), context: ctx() });
const post = async (fn: Parameters<typeof callRoute>[0], who: FixturePerson, url: string, body: Record<string, string>, params: Record<string, string> = {}) =>
  callRoute(fn, { url, params, cookie: await cookieOf(who), method: "POST", body: await asPageSends({ url, body, cookie: await cookieOf(who), context: ctx() }), context: ctx() });
const open = async (who: FixturePerson, id: string) => {
  const page = await get(respRoute.loader, who, `/responsibilities/${id}`, { responsibilityId: id });
  // Whether the section's navigation links to the meetings: the layout decides it.
  const layout = await get(meetingsLayout.loader, who, `/responsibilities/${id}`);
  const nav = (layout.data as { nav: { viewMeetings: boolean } }).nav;
  return { ...page, layout: layout.data, data: page.status === 200 ? { ...(page.data as object), viewMeetings: nav.viewMeetings } : page.data };
};
const act = (who: FixturePerson, id: string, body: Record<string, string>) => post(respRoute.action, who, `/responsibilities/${id}`, body, { responsibilityId: id });

async function create(owner: string, what: string) {
  const res = await post(respNewRoute.action, ds.people.table_coordinator, "/responsibilities/new", { what, owner, dueOn: "2026-12-15" });
  expect(res.status, JSON.stringify(res.data)).toBe(302);
  return /\/responsibilities\/([0-9a-f-]{36})/.exec(res.location ?? "")![1]!;
}

beforeAll(async () => {
  handle = await createTestDatabase();
  ds = await createAuthzDataset(handle.db);
  ids.worker = await create(`person:${ds.people.worker.personId}`, "Relire la fiche de signalement");
  ids.evaluator = await create(`person:${ds.people.evaluator.personId}`, "Transmettre la grille d'évaluation");
  ids.privacy = await create(`person:${ds.people.privacy_officer.personId}`, "Vérifier la conservation");
  ids.org1 = await create(`organization:${ds.org1}`, "Mettre à jour le bottin de l'organisme");
  ids.coordinator = await create(`person:${ds.people.table_coordinator.personId}`, "Préparer l'ordre du jour");
});
afterAll(async () => {
  await handle?.close();
});

describe("owners without meeting.view", () => {
  it("the worker opens the responsibility they own, may update and comment, not edit", async () => {
    const page = await open(ds.people.worker, ids.worker);
    expect(page.status).toBe(200);
    const data = page.data as { item: { canUpdate: boolean; canEdit: boolean }; viewMeetings: boolean };
    expect(data.item.canUpdate).toBe(true);
    expect(data.item.canEdit).toBe(false);
    // No links to pages they cannot open.
    expect(data.viewMeetings).toBe(false);
    const html = renderPage(respRoute.default as never, { path: `/responsibilities/${ids.worker}`, loaderData: page.data, layout: { Component: meetingsLayout.default as never, loaderData: page.layout } });
    expect(html).not.toContain('href="/meetings');
    expect(html).not.toContain('href="/responsibilities"');
    expect(html).toContain('href="/responsibilities/mine"');
    expect((await act(ds.people.worker, ids.worker, { intent: "comment", body: "Commencé." })).status).toBe(302);
    expect((await act(ds.people.worker, ids.worker, { intent: "status", status: "done" })).status).toBe(302);
    const [row] = await handle.db.select().from(responsibility).where(eq(responsibility.id, ids.worker));
    expect(row!.status).toBe("done");
    const audited = await handle.db.select().from(auditEvent).where(and(eq(auditEvent.action, "responsibility.status_changed"), eq(auditEvent.targetId, ids.worker)));
    expect(audited).toHaveLength(1);
    const edit = await act(ds.people.worker, ids.worker, { intent: "edit", version: "1", what: "x", owner: `person:${ds.people.worker.personId}`, dueOn: "2026-05-01" });
    expect(edit.status).toBe(404);
  });

  it("the evaluator and the privacy officer open theirs too", async () => {
    for (const [who, id] of [
      [ds.people.evaluator, ids.evaluator],
      [ds.people.privacy_officer, ids.privacy],
    ] as const) {
      expect((await open(who, id)).status).toBe(200);
      expect((await act(who, id, { intent: "status", status: "in_progress" })).status).toBe(302);
    }
  });

  it("'my responsibilities' lists what they own, and only that", async () => {
    const mine = await get(mineRoute.loader, ds.people.worker, "/responsibilities/mine");
    expect(mine.status).toBe(200);
    const d = mine.data as { open: { id: string }[]; finished: { id: string }[] };
    expect([...d.open, ...d.finished].map((r) => r.id)).toEqual([ids.worker]);
    const ev = await get(mineRoute.loader, ds.people.evaluator, "/responsibilities/mine");
    expect((ev.data as { open: { id: string }[] }).open.map((r) => r.id)).toEqual([ids.evaluator]);
  });

  it("nobody else gains anything: others' items, their organization's items and the lists stay 404", async () => {
    // Another person's responsibility, and their own organization's (they do not answer for it).
    expect((await open(ds.people.worker, ids.evaluator)).status).toBe(404);
    expect((await open(ds.people.worker, ids.org1)).status).toBe(404);
    expect((await open(ds.people.worker, ids.coordinator)).status).toBe(404);
    expect((await act(ds.people.worker, ids.org1, { intent: "status", status: "done" })).status).toBe(404);
    expect((await act(ds.people.evaluator, ids.worker, { intent: "comment", body: "x" })).status).toBe(404);
    // The Table-wide lists and the meetings stay closed to them.
    expect((await get(respListRoute.loader, ds.people.worker, "/responsibilities")).status).toBe(404);
    expect((await get(meetingsRoute.loader, ds.people.worker, "/meetings")).status).toBe(404);
    expect((await get(respNewRoute.loader, ds.people.worker, "/responsibilities/new")).status).toBe(404);
    // Another Table's coordinator: 404.
    const b = await callRoute(respRoute.loader, { url: `/responsibilities/${ids.worker}`, params: { responsibilityId: ids.worker }, cookie: await signIn(handle.db, ds.tableBCoordinator.accountId!), context: ctx() });
    expect(b.status).toBe(404);
  });

  it("those who already had meeting.view keep what they had (the delegate answers for org 1's item)", async () => {
    expect((await open(ds.people.table_member, ids.org1)).status).toBe(200);
    expect((await act(ds.people.table_member, ids.org1, { intent: "status", status: "in_progress" })).status).toBe(302);
    const page = await open(ds.people.table_coordinator, ids.worker);
    expect((page.data as { item: { canEdit: boolean }; viewMeetings: boolean }).item.canEdit).toBe(true);
    expect((page.data as { viewMeetings: boolean }).viewMeetings).toBe(true);
  });
});
