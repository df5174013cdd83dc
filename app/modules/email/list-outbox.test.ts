import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../tests/support/test-db.ts";
import type { DatabaseHandle } from "../db/client.server.ts";
import { queueEmail } from "./queue-email.server.ts";
import { getOutboxMessage, listOutbox } from "./list-outbox.server.ts";

let handle: DatabaseHandle;
const ids: string[] = [];
const partnershipId = randomUUID();

beforeAll(async () => {
  handle = await createTestDatabase();
  // Several in one transaction share created_at: the id breaks the tie, nothing is skipped.
  await handle.db.transaction(async (tx) => {
    for (let i = 0; i < 5; i++) ids.push(await queueEmail(tx, { to: `Person${i}@Filet.test`, subject: `Sujet ${i}`, text: `Corps ${i}` }));
  });
  for (let i = 5; i < 7; i++) {
    ids.push(await handle.db.transaction((tx) => queueEmail(tx, { to: `p${i}@filet.test`, subject: `Sujet ${i}`, text: `Corps ${i}`, partnershipId })));
  }
});
afterAll(async () => {
  await handle.close();
});

describe("outbox", () => {
  it("lists newest first and pages without losing or repeating a message", async () => {
    const seen: string[] = [];
    let before: { createdAt: Date; id: string } | null = null;
    for (let guard = 0; guard < 10; guard++) {
      const page: Awaited<ReturnType<typeof listOutbox>> = await listOutbox(handle.db, { before, limit: 2 });
      seen.push(...page.messages.map((m) => m.id));
      if (!page.next) break;
      before = page.next;
    }
    expect(seen).toHaveLength(7);
    expect(new Set(seen)).toEqual(new Set(ids));
    expect(seen.slice(0, 2).sort()).toEqual(ids.slice(5).sort());
  });

  it("narrows to one Table when asked", async () => {
    const { messages } = await listOutbox(handle.db, { partnershipId });
    expect(messages.map((m) => m.subject).sort()).toEqual(["Sujet 5", "Sujet 6"]);
  });

  it("shows one message with its text body; an unknown id is missing", async () => {
    const message = await getOutboxMessage(handle.db, ids[0]!);
    expect(message).toMatchObject({ toAddress: "person0@filet.test", subject: "Sujet 0", textBody: "Corps 0", status: "queued" });
    expect(await getOutboxMessage(handle.db, randomUUID())).toBeNull();
  });
});
