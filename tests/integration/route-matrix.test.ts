import path from "node:path";
import { randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import routes from "../../app/routes.ts";
import { can } from "../../app/modules/authz/decide.ts";
import type { RoutePolicy } from "../../app/modules/authz/policy.ts";
import { loadActiveRoles } from "../../app/modules/identity/current-user.server.ts";
import type { DatabaseHandle } from "../../app/modules/db/client.server.ts";
import { createTestDatabase, testContext } from "../support/test-db.ts";
import { callRoute, createAuthzDataset, fixtureRoles, signIn, type AuthzDataset } from "../support/fixtures.ts";

/**
 * Deny by default, on EVERY route of app/routes.ts (whoever wrote it): an anonymous visitor is
 * sent to sign in (or gets 401 from an API), and a signed-in role whose permissions do not grant
 * the route's policy gets 404 on GET and on POST — before any input is read.
 * Routes with parameters are called with unknown ids, which must answer 404 to everyone.
 */
interface RouteEntry {
  file: string;
  path?: string;
  index?: boolean;
  children?: RouteEntry[];
}
type RouteModule = { policy: RoutePolicy; loader?: (args: never) => unknown; action?: (args: never) => unknown };

const appDir = fileURLToPath(new URL("../../app/", import.meta.url));
const flatten = (entries: readonly RouteEntry[]): RouteEntry[] => entries.flatMap((e) => [e, ...flatten(e.children ?? [])]);
const all = flatten(routes as unknown as RouteEntry[]).filter((r) => r.path !== "*");

function urlOf(route: RouteEntry): { url: string; params: Record<string, string> } {
  const params: Record<string, string> = {};
  const pathname = (route.path ?? "")
    .split("/")
    .map((segment) => {
      if (!segment.startsWith(":")) return segment;
      const id = randomUUID();
      params[segment.slice(1)] = id;
      return id;
    })
    .join("/");
  return { url: `/${pathname}`, params };
}

let handle: DatabaseHandle;
let ds: AuthzDataset;
beforeAll(async () => {
  handle = await createTestDatabase();
  ds = await createAuthzDataset(handle.db);
});
afterAll(async () => {
  await handle.close();
});

describe.each(all.map((r) => [r.path ?? "/", r] as const))("/%s", (_label, route) => {
  it("sends anonymous visitors to sign in, or refuses them", async () => {
    const mod = (await import(/* @vite-ignore */ path.join(appDir, route.file))) as RouteModule;
    if (mod.policy.kind === "public") return;
    const { url, params } = urlOf(route);
    for (const fn of [mod.loader, mod.action]) {
      if (!fn) continue;
      const outcome = await callRoute(fn, { url, params, method: fn === mod.action ? "POST" : "GET", body: fn === mod.action ? {} : undefined, context: testContext(handle.db) });
      const refused = outcome.status === 401 || (outcome.status === 302 && (outcome.location ?? "").startsWith("/login"));
      expect(refused, `${fn === mod.action ? "POST" : "GET"} ${url} as anonymous → ${outcome.status} ${outcome.location ?? ""}`).toBe(true);
    }
  });

  it("answers 404 to every role its policy does not grant", async () => {
    const mod = (await import(/* @vite-ignore */ path.join(appDir, route.file))) as RouteModule;
    if (mod.policy.kind !== "permission") return;
    const permission = mod.policy.permission;
    const { url, params } = urlOf(route);
    for (const role of fixtureRoles) {
      const person = ds.people[role];
      const held = await loadActiveRoles(handle.db, person.personId);
      const granted = held.some(
        (r) =>
          can([r], permission, { partnershipId: ds.tableA, organizationId: null }) ||
          (!!r.organizationId && can([r], permission, { partnershipId: ds.tableA, organizationId: r.organizationId })),
      );
      if (granted) continue;
      const cookie = await signIn(handle.db, person.accountId!, { activePartnershipId: ds.tableA });
      for (const fn of [mod.loader, mod.action]) {
        if (!fn) continue;
        const method = fn === mod.action ? "POST" : "GET";
        const outcome = await callRoute(fn, { url, params, cookie, method, body: method === "POST" ? {} : undefined, context: testContext(handle.db) });
        expect(outcome.status, `${method} ${url} as ${role} (${permission})`).toBe(404);
      }
    }
  });

  it("answers 404 for unknown ids, even to the platform admin", async () => {
    const mod = (await import(/* @vite-ignore */ path.join(appDir, route.file))) as RouteModule;
    const { url, params } = urlOf(route);
    if (Object.keys(params).length === 0 || !mod.loader) return;
    const cookie = await signIn(handle.db, ds.people.platform_admin.accountId!, { activePartnershipId: ds.tableA });
    const outcome = await callRoute(mod.loader, { url, params, cookie, context: testContext(handle.db) });
    expect([404, 410], `GET ${url} as platform_admin → ${outcome.status}`).toContain(outcome.status);
  });
});
