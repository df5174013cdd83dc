import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { SUBMISSION_KEY_FIELD } from "../../app/modules/forms/submission-field.ts";
import { caseBook } from "../forms/cases/index.ts";
import { changedTables, createBody, fingerprint, openHarness, rowCounts, submitCase, type Harness } from "../forms/harness.ts";

/**
 * For EVERY create form (the "create" cases of tests/forms/cases): 20 identical submissions
 * in parallel create what ONE submission creates, and all answer with it; the same key again
 * writes nothing; a create form without its key is refused.
 */
const creates = Object.entries(caseBook).flatMap(([file, cases]) => cases.filter((c) => c.kind === "create").map((c) => [file, c.name, c] as const));

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
}, 120_000);
afterAll(async () => {
  await h?.close();
});

const delta = (before: Record<string, number>, after: Record<string, number>) =>
  Object.fromEntries(Object.keys(after).filter((k) => after[k] !== before[k]).map((k) => [k, after[k]! - (before[k] ?? 0)]));

describe.each(creates)("%s — %s", (_file, _name, c) => {
  it("20 parallel identical submissions create one record, all answer with it", async () => {
    const url = await c.url(h.demo);
    const c0 = await rowCounts(h.demo.db);
    const single = await submitCase(h, c, await createBody(h, c, 1), url);
    expect(single.status, JSON.stringify(single.data)?.slice(0, 300)).toBeLessThan(400);
    const c1 = await rowCounts(h.demo.db);
    const body = await createBody(h, c, 2, randomUUID());
    const answers = await Promise.all(Array.from({ length: 20 }, () => submitCase(h, c, body, url)));
    const c2 = await rowCounts(h.demo.db);
    expect(new Set(answers.map((a) => `${a.status} ${a.location}`)).size, answers.map((a) => `${a.status} ${a.location}`).join(", ")).toBe(1);
    expect(answers[0]!.status).toBeLessThan(400);
    expect(delta(c1, c2)).toEqual(delta(c0, c1));
    const before = await fingerprint(h.demo.db);
    const again = await submitCase(h, c, body, url);
    expect(`${again.status} ${again.location}`).toBe(`${answers[0]!.status} ${answers[0]!.location}`);
    expect(changedTables(before, await fingerprint(h.demo.db))).toEqual([]);
  });

  it("is refused without its submission key, nothing written", async () => {
    const url = await c.url(h.demo);
    const body = await createBody(h, c, 3);
    delete body[SUBMISSION_KEY_FIELD];
    const before = await fingerprint(h.demo.db);
    const answer = await submitCase(h, c, body, url);
    expect(answer.status).toBe(400);
    expect(changedTables(before, await fingerprint(h.demo.db))).toEqual([]);
  });
});
