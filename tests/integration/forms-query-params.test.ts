import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "../../app/modules/audit/verify-audit-chain.server.ts";
import { caseBook } from "../forms/cases/index.ts";
import { allRoutes, importRoute, openHarness, send, type Harness, type Persona } from "../forms/harness.ts";

/**
 * For EVERY page (enumerated from app/routes.ts), malformed query parameters never give a 500:
 * routes without parameters as they are, routes with parameters at the URL of their cases.
 */
const garbage: [string, string][] = [
  ["q", "\u0000"],
  ["q", "x".repeat(20_000)],
  ["q", "%"],
  ["after", "abc"],
  ["before", "-1"],
  ["page", "1e400"],
  ["page", "99999999999999999999"],
  ["year", "9999"],
  ["year", "abc"],
  ["from", "9999-99-99"],
  ["to", "2026-13-01"],
  ["day", "2026-02-30"],
  ["month", "13"],
  ["kind", "__proto__"],
  ["status", "<script>"],
  ["organizationId", "not-a-uuid"],
  ["template", "00000000-0000-0000-0000-00000000000Z"],
  ["sessionId", "' or 1=1"],
  ["a", "1"],
  ["b", "2"],
  ["compare", "x"],
  ["lang", "xx"],
];
const queries = [
  garbage.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join("&"),
  // Every parameter repeated, as an array and with NUL, in one query.
  ["q", "after", "before", "page", "year", "from", "to", "organizationId", "a", "b", "kind", "status"].map((k) => `${k}=%00&${k}=1&${k}[]=2`).join("&"),
  "q=%ED%A0%80&saved=%ED%A0%80&after=%00",
];

// The widest views (admin, Table coordinator), a pivot's, and nobody signed in.
const personas: Persona[] = ["admin@filet.test", "coordination@filet.test", "pivot.cjq@filet.test", "anonymous"];

const pages: string[] = [];
for (const route of allRoutes) {
  const mod = await importRoute(route.file);
  if (!mod.loader) continue;
  if (!(route.path ?? "").includes(":")) pages.push(`/${route.path ?? ""}`);
}

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
  for (const cases of Object.values(caseBook)) for (const c of cases) {
    const url = await c.url(h.demo);
    if (url.includes("-") && !pages.includes(url)) pages.push(url);
  }
}, 120_000);
afterAll(async () => {
  await h?.close();
});

describe("malformed query parameters", () => {
  it("never give an answer ≥ 500, on any page, for any persona", async () => {
    const failures: string[] = [];
    for (const page of pages) {
      const mod = await importRoute((await import("../forms/harness.ts")).matchRoute(page).route.file);
      if (!mod.loader) continue;
      for (const persona of personas)
        for (const query of queries) {
          const answer = await send(h, { url: `${page}?${query}`, persona, method: "GET" });
          if (answer.status >= 500) failures.push(`${persona} GET ${page}?${query.slice(0, 80)} → ${answer.status} ${String(answer.data).slice(0, 200)}`);
        }
    }
    expect(failures).toEqual([]);
    expect(await verifyAuditChain(h.demo.db)).toMatchObject({ ok: true });
  }, 300_000);
});
