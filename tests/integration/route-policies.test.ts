import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import routes from "../../app/routes.ts";
import { permissions } from "../../app/modules/authz/permissions.ts";

/**
 * Every route declared in app/routes.ts must state who may reach it. A module without a valid
 * `policy` export fails here, whoever wrote it.
 */
interface RouteEntry {
  file: string;
  path?: string;
  children?: RouteEntry[];
}

const appDir = fileURLToPath(new URL("../../app/", import.meta.url));

function flatten(entries: readonly RouteEntry[]): RouteEntry[] {
  return entries.flatMap((e) => [e, ...flatten(e.children ?? [])]);
}

const all = flatten(routes as unknown as RouteEntry[]);

describe("route policies", () => {
  it("finds the routes", () => {
    expect(all.length).toBeGreaterThan(20);
  });

  it.each(all.map((r) => [r.file, r] as const))("%s declares a valid policy", async (file) => {
    const mod = (await import(/* @vite-ignore */ path.join(appDir, file))) as { policy?: unknown };
    expect(mod.policy, `${file} must export \`policy\``).toBeDefined();
    const policy = mod.policy as { kind?: unknown; permission?: unknown };
    expect(["public", "authenticated", "permission"]).toContain(policy.kind);
    if (policy.kind === "permission") {
      expect(permissions as readonly unknown[], `${file}: unknown permission ${String(policy.permission)}`).toContain(policy.permission);
    }
  });

  it("protects every administration route with more than a public policy", async () => {
    for (const r of all.filter((e) => e.path?.startsWith("admin"))) {
      const mod = (await import(/* @vite-ignore */ path.join(appDir, r.file))) as { policy: { kind: string } };
      expect(mod.policy.kind, r.file).not.toBe("public");
    }
  });

  // A page's <title> is the first thing a screen reader and a browser tab say: each page names
  // itself (app/i18n/page-title.ts) rather than inheriting the root's bare "Filet".
  const pages = all.filter((r) => r.path !== undefined || (r as { index?: boolean }).index);
  // Never drawn: their loaders always answer 404 or redirect, and the error page names itself.
  const neverDrawn = new Set(["routes/$.tsx", "routes/admin/table.tsx"]);
  it.each(pages.map((r) => [r.file, r] as const))("%s, if it renders a page, exports its own title", async (file) => {
    const mod = (await import(/* @vite-ignore */ path.join(appDir, file))) as { default?: unknown; meta?: unknown };
    if (mod.default === undefined || neverDrawn.has(file)) return; // a resource route: a file, a redirect, data
    expect(typeof mod.meta, `${file} renders a page: export a \`meta\` with pageTitle(…)`).toBe("function");
  });
});
