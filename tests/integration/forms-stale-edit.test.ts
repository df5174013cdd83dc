import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caseBook } from "../forms/cases/index.ts";
import { changedTables, fingerprint, importRoute, matchRoute, openHarness, submitCase, type Harness } from "../forms/harness.ts";

/**
 * For EVERY edit form (the "edit" cases of tests/forms/cases): two saves from the same loaded
 * version → the first is saved, the second answers 409 and writes nothing (the first edit
 * kept); the route reloads its data after a 409 so the page shows the current version.
 */
const edits = Object.entries(caseBook).flatMap(([file, cases]) => cases.filter((c) => c.kind === "edit").map((c) => [file, c.name, c] as const));

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
}, 120_000);
afterAll(async () => {
  await h?.close();
});

describe.each(edits)("%s — %s", (_file, _name, c) => {
  it("a stale save answers 409 and keeps the first edit", async () => {
    const url = await c.url(h.demo);
    const first = await c.body(h.demo, 1);
    const second = await c.body(h.demo, 2);
    const saved = await submitCase(h, c, first, url);
    expect(saved.status, JSON.stringify(saved.data)?.slice(0, 300)).toBeLessThan(400);
    const afterFirst = await fingerprint(h.demo.db);
    const stale = await submitCase(h, c, second, url);
    expect(stale.status, JSON.stringify(stale.data)?.slice(0, 300)).toBe(409);
    expect((stale.data as { formError?: string }).formError).toBe("form.conflict");
    expect(changedTables(afterFirst, await fingerprint(h.demo.db))).toEqual([]);
    const mod = await importRoute(matchRoute(new URL(url, "http://x").pathname).route.file);
    expect(typeof mod.shouldRevalidate, "exports shouldRevalidate = revalidateAfterConflict").toBe("function");
  });
});
