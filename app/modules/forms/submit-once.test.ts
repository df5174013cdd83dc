import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { createTestDatabase, countRows } from "../../../tests/support/test-db.ts";
import type { DatabaseHandle } from "../db/client.server.ts";
import { rowsOf } from "../db/rows.ts";
import { created, refused, submitOnce, purgeFormSubmissions, type Submission } from "./submit-once.server.ts";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
  await handle.db.execute(sql`create table once_probe (id uuid primary key, label text not null)`);
});
afterAll(async () => {
  await handle.close();
});

const insertProbe = (label: string) => async (tx: typeof handle.db) => {
  const id = randomUUID();
  await tx.execute(sql`insert into once_probe (id, label) values (${id}, ${label})`);
  // A little work inside the transaction, so parallel submissions truly overlap.
  await tx.execute(sql`select pg_sleep(0.01)`);
  return created(`/probe/${id}`);
};

describe("submitOnce", () => {
  it("creates one record for 20 identical parallel submissions, and all answer with it", async () => {
    const submission: Submission = { form: "probe.new", key: randomUUID(), accountId: randomUUID() };
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => submitOnce(handle.db, submission, insertProbe("parallel"))));
    const [first] = rowsOf<{ id: string }>(await handle.db.execute(sql`select id from once_probe where label = 'parallel'`));
    expect(await countRows(handle.db, "once_probe where label = 'parallel'")).toBe(1);
    expect(new Set(outcomes.map((o) => (o.created ? o.location : "refused")))).toEqual(new Set([`/probe/${first!.id}`]));
  });

  it("lets the corrected form through after a refusal, and keeps keys per account and form", async () => {
    const accountId = randomUUID();
    const key = randomUUID();
    const no = await submitOnce(handle.db, { form: "probe.new", key, accountId }, async () => refused("too short"));
    expect(no).toEqual({ created: false, refused: "too short" });
    const yes = await submitOnce(handle.db, { form: "probe.new", key, accountId }, insertProbe("after-refusal"));
    expect(yes.created).toBe(true);
    // The same key from another account, or for another form, is another submission.
    expect((await submitOnce(handle.db, { form: "probe.new", key, accountId: randomUUID() }, insertProbe("other"))).created).toBe(true);
    expect((await submitOnce(handle.db, { form: "probe.other", key, accountId }, insertProbe("other"))).created).toBe(true);
    expect(await countRows(handle.db, "once_probe where label = 'other'")).toBe(2);
  });

  it("leaves nothing when the create fails, so a retry creates the record once", async () => {
    const submission: Submission = { form: "probe.new", key: randomUUID(), accountId: null };
    await expect(
      submitOnce(handle.db, submission, async (tx) => {
        await insertProbe("crash")(tx);
        throw new Error("crash mid-write");
      }),
    ).rejects.toThrow("crash mid-write");
    expect(await countRows(handle.db, "once_probe where label = 'crash'")).toBe(0);
    await submitOnce(handle.db, submission, insertProbe("crash"));
    await submitOnce(handle.db, submission, insertProbe("crash"));
    expect(await countRows(handle.db, "once_probe where label = 'crash'")).toBe(1);
  });

  it("forgets keys after a week", async () => {
    const before = await countRows(handle.db, "form_submission");
    expect(before).toBeGreaterThan(0);
    expect(await purgeFormSubmissions(handle.db, new Date(Date.now() + 8 * 24 * 3600_000))).toBe(before);
  });
});
