import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { DatabaseHandle } from "../../app/modules/db/client.server.ts";
import { rowsOf } from "../../app/modules/db/rows.ts";
import { seedActivitiesDemo } from "../../app/modules/demo/seed-activities.server.ts";
import * as feedRoute from "../../app/routes/activities/_index.tsx";
import * as newRoute from "../../app/routes/activities/new.tsx";
import * as editRoute from "../../app/routes/activities/$activityId.tsx";
import { countRows, createTestDatabase } from "../support/test-db.ts";
import { call, createOrganization, createTable, createUser, type TestUser } from "./pathway-support.ts";

let handle: DatabaseHandle;
let tableA: string;
let orgX: string;
let orgY: string;
let pivotX: TestUser;
let pivotX2: TestUser;
let coordX: TestUser;
let pivotY: TestUser;
let workerX: TestUser;
let pivotZ: TestUser;
let activityId: string;

interface Feed {
  feed: { items: { id: string; type: string; organizationId: string; notes: string; editable: boolean }[]; total: number; page: number; pages: number };
  counts: { organizationId: string; counts: Record<string, number>; total: number; minutes: number }[];
  canLog: boolean;
}

// A new form each time (its own submission key), as a page drawn anew would send.
const session = (overrides: Record<string, string> = {}) => ({
  _submission: crypto.randomUUID(),
  intent: "save",
  type: "awareness_session",
  occurredOn: "2026-01-15",
  durationMinutes: "60",
  audience: "Personnel enseignant",
  audienceSize: "25",
  notes: "Présentation des signes et du parcours.",
  ...overrides,
});

async function feed(user: TestUser, query = ""): Promise<Feed> {
  const res = await call(handle.db, feedRoute.loader, { path: `/activities${query}`, user });
  expect(res.status).toBe(200);
  return res.data as Feed;
}

async function auditActions(): Promise<string[]> {
  return rowsOf<{ action: string }>(await handle.db.execute(sql`select action from audit_event order by id`)).map((r) => r.action);
}

beforeAll(async () => {
  handle = await createTestDatabase();
  const db = handle.db;
  tableA = await createTable(db, "TableA");
  const tableB = await createTable(db, "TableB");
  orgX = await createOrganization(db, tableA, "OrgX");
  orgY = await createOrganization(db, tableA, "OrgY");
  const orgZ = await createOrganization(db, tableB, "OrgZ");
  pivotX = await createUser(db, { partnershipId: tableA, organizationId: orgX, roles: [{ role: "pivot", organizationId: orgX }] });
  pivotX2 = await createUser(db, { partnershipId: tableA, organizationId: orgX, roles: [{ role: "pivot", organizationId: orgX }] });
  coordX = await createUser(db, { partnershipId: tableA, organizationId: orgX, roles: [{ role: "pivot_coordinator", organizationId: orgX }] });
  pivotY = await createUser(db, { partnershipId: tableA, organizationId: orgY, roles: [{ role: "pivot", organizationId: orgY }] });
  workerX = await createUser(db, { partnershipId: tableA, organizationId: orgX, roles: [{ role: "worker", organizationId: orgX }] });
  pivotZ = await createUser(db, { partnershipId: tableB, organizationId: orgZ, roles: [{ role: "pivot", organizationId: orgZ }] });
});

afterAll(async () => {
  await handle?.close();
});

describe("logging an activity (activity.log)", () => {
  it("is refused to a worker with 404, audited, and stores nothing", async () => {
    const page = await call(handle.db, newRoute.loader, { path: "/activities/new", user: workerX });
    const post = await call(handle.db, newRoute.action, { path: "/activities/new", user: workerX, form: { ...session(), organizationId: orgX } });
    expect([page.status, post.status]).toEqual([404, 404]);
    expect(await countRows(handle.db, "pivot_activity")).toBe(0);
    expect(await auditActions()).toContain("access.denied");
  });

  it("lets a pivot log for their organization, once even on a double submission", async () => {
    const page = await call(handle.db, newRoute.loader, { path: "/activities/new", user: pivotX });
    expect((page.data as { organizations: { id: string }[] }).organizations.map((o) => o.id)).toEqual([orgX]);
    const form = session();
    const first = await call(handle.db, newRoute.action, { path: "/activities/new", user: pivotX, form });
    const second = await call(handle.db, newRoute.action, { path: "/activities/new", user: pivotX, form });
    expect(first.status).toBe(302);
    expect(second.status).toBe(302);
    expect(second.location).toBe(first.location);
    expect(await countRows(handle.db, "pivot_activity")).toBe(1);
    expect(await auditActions()).toContain("pivot_activity.created");
  });

  it("refuses to log for another organization (404, nothing stored)", async () => {
    const res = await call(handle.db, newRoute.action, { path: "/activities/new", user: pivotX, form: session({ organizationId: orgY, notes: "autre" }) });
    expect(res.status).toBe(404);
    expect(await countRows(handle.db, "pivot_activity")).toBe(1);
  });

  it("sends notes with a phone number back, explained, and never stores them", async () => {
    const res = await call(handle.db, newRoute.action, {
      path: "/activities/new",
      user: pivotX,
      form: session({ notes: "Rappeler la mère au 418 555-1234 demain." }),
    });
    expect(res.status).toBe(400);
    const findings = (res.data as { findings: { field: string; kind: string; text: string }[] }).findings;
    expect(findings).toContainEqual(expect.objectContaining({ field: "notes", kind: "phone", text: expect.stringContaining("555-1234") }));
    expect((res.data as { values: Record<string, string> }).values.notes).toContain("418 555-1234");
    const stored = rowsOf<{ n: number }>(
      await handle.db.execute(sql`select count(*)::int as n from pivot_activity where notes like ${"%555-1234%"}`),
    );
    expect(Number(stored[0]!.n)).toBe(0);
    expect(await countRows(handle.db, "pivot_activity")).toBe(1);
  });

  it("validates the form: audience required for a session, no future date", async () => {
    const noAudience = await call(handle.db, newRoute.action, { path: "/activities/new", user: pivotX, form: session({ audience: "" }) });
    expect(noAudience.status).toBe(400);
    expect((noAudience.data as { errors: Record<string, string[]> }).errors.audience).toEqual(["activities.form.audienceRequired"]);
    const future = await call(handle.db, newRoute.action, { path: "/activities/new", user: pivotX, form: session({ occurredOn: "2999-01-01" }) });
    expect(future.status).toBe(400);
  });
});

describe("the shared feed (partnership.view)", () => {
  it("shows every member of the Table the activities and counts, with edit links only where allowed", async () => {
    await call(handle.db, newRoute.action, {
      path: "/activities/new",
      user: pivotY,
      form: session({ type: "meeting_attended", audience: "", audienceSize: "", occurredOn: "2025-06-01", notes: "Rencontre régionale." }),
    });
    const asWorker = await feed(workerX);
    expect(asWorker.feed.total).toBe(2);
    expect(asWorker.canLog).toBe(false);
    expect(asWorker.feed.items.every((i) => !i.editable)).toBe(true);
    const x = asWorker.counts.find((c) => c.organizationId === orgX)!;
    expect(x.counts).toEqual({ awareness_session: 1 });
    expect(x.minutes).toBe(60);

    const asPivot = await feed(pivotX);
    expect(asPivot.canLog).toBe(true);
    expect(asPivot.feed.items.filter((i) => i.editable).map((i) => i.organizationId)).toEqual([orgX]);
    activityId = asPivot.feed.items.find((i) => i.organizationId === orgX)!.id;
  });

  it("filters by organization, type and period", async () => {
    expect((await feed(workerX, `?organization=${orgY}`)).feed.items.map((i) => i.organizationId)).toEqual([orgY]);
    expect((await feed(workerX, "?type=meeting_attended")).feed.total).toBe(1);
    expect((await feed(workerX, "?from=2026-01-01&to=2026-12-31")).feed.items.map((i) => i.type)).toEqual(["awareness_session"]);
    const byPeriod = await feed(workerX, "?from=2025-01-01&to=2025-12-31");
    expect(byPeriod.counts.map((c) => c.organizationId)).toEqual([orgY]);
    // Malformed filters are ignored, never an error.
    expect((await feed(workerX, "?organization=nope&type=<x>&from=yesterday&page=-3")).feed.total).toBe(2);
  });

  it("never shows another Table's activities", async () => {
    const other = await feed(pivotZ);
    expect(other.feed.total).toBe(0);
    expect(other.counts).toEqual([]);
    const probe = await feed(pivotZ, `?organization=${orgX}`);
    expect(probe.feed.total).toBe(0);
  });
});

describe("editing and deleting activities", () => {
  const path = () => `/activities/${activityId}`;

  it("answers 404 to anyone but the author and the organization's pivot coordinator", async () => {
    for (const user of [pivotY, pivotX2, workerX, pivotZ]) {
      const view = await call(handle.db, editRoute.loader, { path: path(), user, params: { activityId } });
      const post = await call(handle.db, editRoute.action, { path: path(), user, params: { activityId }, form: { ...session({ notes: "piraté" }), version: "1" } });
      const del = await call(handle.db, editRoute.action, { path: path(), user, params: { activityId }, form: { intent: "delete", version: "1" } });
      expect([view.status, post.status, del.status]).toEqual([404, 404, 404]);
    }
    const [row] = rowsOf<{ notes: string }>(await handle.db.execute(sql`select notes from pivot_activity where id = ${activityId}`));
    expect(row!.notes).toBe("Présentation des signes et du parcours.");
  });

  it("lets the author edit with a version check, and applies the guard", async () => {
    const view = await call(handle.db, editRoute.loader, { path: path(), user: pivotX, params: { activityId } });
    expect(view.status).toBe(200);
    const ok = await call(handle.db, editRoute.action, {
      path: path(),
      user: pivotX,
      params: { activityId },
      form: { ...session({ audienceSize: "30" }), version: "1" },
    });
    expect(ok.status).toBe(302);
    const stale = await call(handle.db, editRoute.action, {
      path: path(),
      user: pivotX,
      params: { activityId },
      form: { ...session({ audienceSize: "31" }), version: "1" },
    });
    expect(stale.status).toBe(409);
    const pii = await call(handle.db, editRoute.action, {
      path: path(),
      user: pivotX,
      params: { activityId },
      form: { ...session({ notes: "Écrire à jeune.fille@example.com" }), version: "2" },
    });
    expect(pii.status).toBe(400);
    expect((pii.data as { findings: { kind: string }[] }).findings.map((f) => f.kind)).toContain("email");
    expect(await auditActions()).toContain("pivot_activity.updated");
  });

  it("lets the organization's pivot coordinator correct it, and the author delete it", async () => {
    const coordView = await call(handle.db, editRoute.loader, { path: path(), user: coordX, params: { activityId } });
    expect(coordView.status).toBe(200);
    const del = await call(handle.db, editRoute.action, { path: path(), user: pivotX, params: { activityId }, form: { intent: "delete", version: "2" } });
    expect(del.status).toBe(302);
    expect(rowsOf(await handle.db.execute(sql`select id from pivot_activity where id = ${activityId}`))).toEqual([]);
    expect(await auditActions()).toContain("pivot_activity.deleted");
  });
});

describe("pagination and demo data", () => {
  it("pages the feed 20 at a time", async () => {
    for (let i = 0; i < 22; i++) {
      const day = String((i % 28) + 1).padStart(2, "0");
      await call(handle.db, newRoute.action, {
        path: "/activities/new",
        user: pivotX2,
        form: session({ type: "consultation_given", audience: "", occurredOn: `2025-03-${day}`, notes: `Consultation numéro ${i}` }),
      });
    }
    const first = await feed(workerX, "?type=consultation_given");
    expect(first.feed.items.length).toBe(20);
    expect(first.feed.pages).toBe(2);
    const second = await feed(workerX, "?type=consultation_given&page=2");
    expect(second.feed.items.length).toBe(2);
  });

  it("seeds the demo activities once per Table", async () => {
    const tableC = await createTable(handle.db, "TableC");
    const org = await createOrganization(handle.db, tableC, "Cjq");
    await handle.db.execute(sql`
      insert into person (partnership_id, organization_id, given_name, family_name, email)
      values (${tableC}, ${org}, 'Karine', 'Fortier', 'pivot.cjq@filet.test')`);
    await handle.db.transaction((tx) => seedActivitiesDemo(tx, tableC));
    await handle.db.transaction((tx) => seedActivitiesDemo(tx, tableC));
    const rows = rowsOf<{ n: number }>(await handle.db.execute(sql`select count(*)::int as n from pivot_activity where partnership_id = ${tableC}`));
    expect(Number(rows[0]!.n)).toBe(2);
  });
});
