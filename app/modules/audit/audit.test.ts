import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createTestDatabase } from "../../../tests/support/test-db.ts";
import type { DatabaseHandle } from "../db/client.server.ts";
import { recordAuditEvent, systemActor } from "./record-audit-event.server.ts";
import { verifyAuditChain } from "./verify-audit-chain.server.ts";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => {
  await handle.close();
});

describe("audit journal", () => {
  it("chains events and verifies the chain", async () => {
    const actor = systemActor("test");
    for (let i = 0; i < 5; i++) {
      await handle.db.transaction((tx) => recordAuditEvent(tx, actor, { action: "test.event", details: { i, nested: { b: 1, a: [1, 2] } } }));
    }
    expect(await verifyAuditChain(handle.db)).toEqual({ ok: true, count: 5, broken: [], truncated: false });
  });

  it("keeps one valid chain when writers run concurrently", async () => {
    const actor = systemActor("test");
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        handle.db.transaction((tx) => recordAuditEvent(tx, actor, { action: "test.concurrent", details: { i } })),
      ),
    );
    const report = await verifyAuditChain(handle.db);
    expect(report.ok).toBe(true);
  });

  it("refuses UPDATE and DELETE on the journal", async () => {
    await expect(handle.db.execute(sql`update audit_event set action = 'forged'`)).rejects.toThrow();
    await expect(handle.db.execute(sql`delete from audit_event`)).rejects.toThrow();
  });

  it("an event rolled back with its change leaves no trace", async () => {
    const before = await verifyAuditChain(handle.db);
    await expect(
      handle.db.transaction(async (tx) => {
        await recordAuditEvent(tx, systemActor("test"), { action: "test.rollback" });
        throw new Error("crash mid-write");
      }),
    ).rejects.toThrow("crash mid-write");
    const after = await verifyAuditChain(handle.db);
    expect(after).toEqual(before);
  });
});
