import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "../../app/modules/audit/verify-audit-chain.server.ts";
import { caseBook } from "../forms/cases/index.ts";
import { changedTables, createBody, fingerprint, openHarness, routesWithActions, send, submitCase, type Harness } from "../forms/harness.ts";
import { filesEverywhere, malformedBodies } from "../forms/malformed.ts";

/**
 * For EVERY route with an action (enumerated from app/routes.ts: a new route cannot escape),
 * as a persona allowed to use it: 29 malformed bodies → never an answer ≥ 500, always a 4xx,
 * no row changed; then the valid submission works (the case is real) and the journal verifies.
 */
const actionRoutes = await routesWithActions();

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
}, 120_000);
afterAll(async () => {
  await h?.close();
});

it("every route with an action has its forms described in tests/forms/cases", () => {
  const missing = actionRoutes.map((r) => r.route.file).filter((file) => !caseBook[file]?.length);
  expect(missing).toEqual([]);
});

describe.each(actionRoutes.map((r) => [r.route.path ?? "/", r.route.file] as const))("POST /%s", (_path, file) => {
  if (!caseBook[file]?.length) it(`${file} has its forms in tests/forms/cases`, () => expect(caseBook[file] ?? []).not.toHaveLength(0));
  for (const c of caseBook[file] ?? []) {
    it(`${c.name}: malformed bodies are refused, nothing written`, async () => {
      const url = await c.url(h.demo);
      const valid = c.kind === "create" ? await createBody(h, c, 1) : await c.body(h.demo, 1);
      const before = await fingerprint(h.demo.db);
      const bodies = [...malformedBodies(valid), { label: "a file in every field", body: filesEverywhere(valid) as BodyInit, contentType: null }];
      const answers: string[] = [];
      for (const m of bodies) {
        const answer = await send(h, { url, persona: c.as, body: m.body, contentType: m.contentType });
        const refused = answer.status >= 400 && answer.status < 500;
        if (!(answer.status < 500 && (refused || c.writesWhateverItGets))) answers.push(`${m.label} → ${answer.status} ${answer.location ?? ""} ${JSON.stringify(answer.data)?.slice(0, 200)}`);
      }
      expect(answers, "answers that are not a clean refusal").toEqual([]);
      if (!c.writesWhateverItGets) expect(changedTables(before, await fingerprint(h.demo.db))).toEqual([]);
      const ok = await submitCase(h, c, valid, url);
      expect(ok.status, `the valid submission: ${JSON.stringify(ok.data)?.slice(0, 300)}`).toBeLessThan(400);
    });
  }
});

it("the audit chain still verifies", async () => {
  expect(await verifyAuditChain(h.demo.db)).toMatchObject({ ok: true });
});
