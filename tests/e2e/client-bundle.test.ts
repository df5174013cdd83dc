import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { root } from "./server-process.ts";

/**
 * What the browser loads, route by route, read from the build itself: every route of the
 * manifest, not only the pages a crawl reaches (the page-weight crawl never opened an identity
 * provider's page, which loaded 27 KB of Zod). A module a component imports brings its
 * top-level code along: one Zod schema or one table definition beside a helper the page
 * renders with is enough to ship the validator or the ORM to every visitor.
 *
 * Budgets (ADR 016): the framework (React DOM, React, React Router: the entry and what it
 * imports) is measured and held to a ceiling; each route adds at most PAGE_BUDGET on top.
 */
const FRAMEWORK_CEILING = 110 * 1024;
const PAGE_BUDGET = 24 * 1024;

/** Code that must never reach the browser, by strings that survive minification. */
const SERVER_ONLY: [string, RegExp][] = [
  ["Zod", /\b_zod\b|\$ZodType|ZodError/],
  ["Drizzle ORM", /"PgTable"|"PgColumn"|"PgDialect"|drizzle-orm/],
  ["PGlite", /@electric-sql\/pglite|PGlite/],
  ["node-postgres", /pg-protocol|pgpass/],
  ["argon2", /argon2/i],
  ["nodemailer", /nodemailer/i],
  ["openid-client", /openid-client|oauth4webapi/],
  ["ExcelJS", /exceljs/i],
  ["pdfkit", /pdfkit/i],
];

interface ManifestRoute {
  id: string;
  parentId?: string;
  module?: string;
  imports?: string[];
}
interface Manifest {
  entry: { module: string; imports: string[] };
  routes: Record<string, ManifestRoute>;
}

const client = path.join(root, "build", "client");

function readManifest(): Manifest {
  const assets = path.join(client, "assets");
  const file = fs.readdirSync(assets).find((f) => /^manifest-.*\.js$/.test(f));
  if (!file) throw new Error("No client manifest in build/client/assets: run `npx react-router build` first.");
  const source = fs.readFileSync(path.join(assets, file), "utf8");
  return JSON.parse(source.slice(source.indexOf("{"), source.lastIndexOf("}") + 1)) as Manifest;
}

const gzipped = new Map<string, number>();
function gzipSize(href: string): number {
  let size = gzipped.get(href);
  if (size === undefined) {
    size = zlib.gzipSync(fs.readFileSync(path.join(client, href)), { level: 9 }).length;
    gzipped.set(href, size);
  }
  return size;
}

/** The modules a document of this route loads: the entry's and those of the route and its parents. */
function modulesOf(manifest: Manifest, route: ManifestRoute): Set<string> {
  const files = new Set([manifest.entry.module, ...manifest.entry.imports]);
  for (let r: ManifestRoute | undefined = route; r; r = r.parentId ? manifest.routes[r.parentId] : undefined) {
    if (r.module) files.add(r.module);
    for (const i of r.imports ?? []) files.add(i);
  }
  return files;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

describe("client bundle", () => {
  const manifest = readManifest();
  const framework = [manifest.entry.module, ...manifest.entry.imports].reduce((sum, f) => sum + gzipSize(f), 0);
  const routes = Object.values(manifest.routes).filter((r) => r.module);

  it("covers every route of the app", () => {
    // The route config lists 200+ routes; a manifest with a handful would make the checks below vacuous.
    expect(routes.length).toBeGreaterThan(200);
  });

  it("holds no server-only code in any module", () => {
    const files = new Set(routes.flatMap((r) => [...modulesOf(manifest, r)]));
    const found: string[] = [];
    for (const href of files) {
      const code = fs.readFileSync(path.join(client, href), "utf8");
      for (const [name, pattern] of SERVER_ONLY) if (pattern.test(code)) found.push(`${name} in ${href}`);
    }
    expect(found).toEqual([]);
  });

  it("keeps the framework under its ceiling", () => {
    expect(framework, `framework: ${kb(framework)}`).toBeLessThanOrEqual(FRAMEWORK_CEILING);
  });

  it("adds at most the page budget on top of the framework, on every route", () => {
    const over = routes
      .map((r) => ({ id: r.id, page: [...modulesOf(manifest, r)].reduce((sum, f) => sum + gzipSize(f), 0) - framework }))
      .filter((r) => r.page > PAGE_BUDGET)
      .map((r) => `${r.id}: ${kb(r.page)} on top of the framework (budget ${kb(PAGE_BUDGET)})`);
    expect(over).toEqual([]);
  });
});
