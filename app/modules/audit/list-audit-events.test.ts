import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../tests/support/test-db.ts";
import { createPartnership, createPerson } from "../../../tests/support/fixtures.ts";
import type { DatabaseHandle } from "../db/client.server.ts";
import { recordAuditEvent, type AuditActor } from "./record-audit-event.server.ts";
import { listAuditEvents, parseAuditFilters, recordAuditViewed } from "./list-audit-events.server.ts";

let handle: DatabaseHandle;
let tableA: string;
let tableB: string;
let actorA: AuditActor;

async function record(actor: AuditActor, action: string, targetType = "person", targetId = "x") {
  await handle.db.transaction((tx) => recordAuditEvent(tx, actor, { action, targetType, targetId }));
}

beforeAll(async () => {
  handle = await createTestDatabase();
  tableA = await createPartnership(handle.db);
  tableB = await createPartnership(handle.db);
  const alice = await createPerson(handle.db, { partnershipId: tableA, email: "alice.auditee@a.filet.test" });
  actorA = { accountId: alice.accountId, role: "table_coordinator", organizationId: null, partnershipId: tableA, requestId: "req-a", ip: "192.0.2.1" };
  const actorB: AuditActor = { ...actorA, accountId: null, role: "system", partnershipId: tableB, requestId: "req-b" };
  for (let i = 0; i < 7; i++) await record(actorA, i % 2 ? "role.granted" : "person.updated");
  await record(actorA, "role_x.other");
  await record(actorB, "role.granted", "organization");
});
afterAll(async () => {
  await handle.close();
});

describe("audit viewer queries", () => {
  it("keeps a Table's reader inside that Table", async () => {
    const { events } = await listAuditEvents(handle.db, { partnershipId: tableA });
    expect(events).toHaveLength(8);
    expect(events.every((e) => e.partnershipId === tableA)).toBe(true);
    expect((await listAuditEvents(handle.db, { partnershipId: null })).events).toHaveLength(9);
  });

  it("filters by action prefix (wildcards taken literally), actor email, target type and dates", async () => {
    const granted = await listAuditEvents(handle.db, { partnershipId: null, action: "role." });
    expect(granted.events.map((e) => e.action)).toEqual(["role.granted", "role.granted", "role.granted", "role.granted"]);
    expect((await listAuditEvents(handle.db, { partnershipId: null, action: "role_" })).events.map((e) => e.action)).toEqual(["role_x.other"]);
    const byAlice = await listAuditEvents(handle.db, { partnershipId: null, actorEmail: "ALICE.auditee" });
    expect(byAlice.events).toHaveLength(8);
    expect(byAlice.events[0]?.actorEmail).toBe("alice.auditee@a.filet.test");
    expect((await listAuditEvents(handle.db, { partnershipId: null, targetType: "organization" })).events).toHaveLength(1);
    const today = new Date().toISOString().slice(0, 10);
    expect((await listAuditEvents(handle.db, { partnershipId: null, from: today, to: today })).events).toHaveLength(9);
    expect((await listAuditEvents(handle.db, { partnershipId: null, to: "2000-01-01" })).events).toHaveLength(0);
  });

  it("pages by id, newest first, in both directions", async () => {
    const first = await listAuditEvents(handle.db, { partnershipId: tableA, limit: 3 });
    expect(first.newerCursor).toBeNull();
    expect(first.olderCursor).not.toBeNull();
    const second = await listAuditEvents(handle.db, { partnershipId: tableA, limit: 3, before: first.olderCursor });
    const third = await listAuditEvents(handle.db, { partnershipId: tableA, limit: 3, before: second.olderCursor });
    const ids = [...first.events, ...second.events, ...third.events].map((e) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(new Set(ids).size).toBe(8);
    expect(third.olderCursor).toBeNull();
    const back = await listAuditEvents(handle.db, { partnershipId: tableA, limit: 3, after: second.newerCursor });
    expect(back.events.map((e) => e.id)).toEqual(first.events.map((e) => e.id));
    expect(back.newerCursor).toBeNull();
  });

  it("drops malformed filters instead of failing", () => {
    const params = new URLSearchParams({ table: "nope", before: "abc", from: "2026-13", action: "role.", verify: "1" });
    expect(parseAuditFilters(params)).toEqual({ action: "role.", verify: "1" });
  });

  it("records that the journal was read, with the filters", async () => {
    await recordAuditViewed(handle.db, actorA, { partnershipId: tableA, filters: { action: "role." } });
    const { events } = await listAuditEvents(handle.db, { partnershipId: tableA, action: "audit.viewed" });
    expect(events).toHaveLength(1);
    expect(events[0]?.details).toEqual({ scope: tableA, filters: { action: "role." } });
  });
});
