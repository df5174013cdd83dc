import path from "node:path";
import { randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import { eq, sql } from "drizzle-orm";
import routes from "../../app/routes.ts";
import type { Database, DatabaseHandle } from "../../app/modules/db/client.server.ts";
import { rowsOf } from "../../app/modules/db/rows.ts";
import { seedDemo } from "../../app/modules/demo/seed-demo.server.ts";
import { partnership } from "../../app/modules/governance/tables.ts";
import { account } from "../../app/modules/identity/tables.ts";
import { quebecTable } from "../../app/modules/demo/demo-quebec.ts";
import { SUBMISSION_KEY_FIELD } from "../../app/modules/forms/submission-field.ts";
import { settleRouteValue, signIn } from "../support/fixtures.ts";
import { createTestDatabase, testContext } from "../support/test-db.ts";

/**
 * The forms harness: the demo data, signed-in demo personas, raw requests to any route's
 * action, and a fingerprint of every row, so tests can say "nothing changed". The cases
 * (tests/forms/cases/*.ts) name, for every route with an action, a valid submission.
 */

export interface RouteEntry {
  file: string;
  path?: string;
  index?: boolean;
  children?: RouteEntry[];
}
export type RouteModule = {
  policy: { kind: string };
  loader?: (args: never) => unknown;
  action?: (args: never) => unknown;
  shouldRevalidate?: unknown;
};

const appDir = fileURLToPath(new URL("../../app/", import.meta.url));
const flatten = (entries: readonly RouteEntry[]): RouteEntry[] => entries.flatMap((e) => [e, ...flatten(e.children ?? [])]);
export const allRoutes = flatten(routes as unknown as RouteEntry[]).filter((r) => r.path !== "*");

/** The section layout a route renders inside (app/routes/<section>/_layout.tsx), if any. */
export function layoutOf(file: string): RouteEntry | null {
  return allRoutes.find((r) => r.children?.some((c) => c.file === file)) ?? null;
}

export async function importRoute(file: string): Promise<RouteModule> {
  return (await import(/* @vite-ignore */ path.join(appDir, file))) as RouteModule;
}

export async function routesWithActions(): Promise<{ route: RouteEntry; mod: RouteModule }[]> {
  const out = [];
  for (const route of allRoutes) {
    const mod = await importRoute(route.file);
    if (mod.action) out.push({ route, mod });
  }
  return out;
}

/** The demo's personas, by the README's emails. */
export type Persona =
  | "admin@filet.test"
  | "coordination@filet.test"
  | "pivot.cjq@filet.test"
  | "coord-pivots.spvq@filet.test"
  | "intervenant.ecole@filet.test"
  | "formateur.pipq@filet.test"
  | "delegue.cjq@filet.test"
  | "valerie.poulin@filet.test"
  | "evaluation@filet.test"
  | "vie-privee@filet.test"
  | "coordination.ca@filet.test"
  | "aiprp.spvq@filet.test"
  | "anonymous";

export type Fields = Record<string, string | string[]>;

export interface FormCase {
  /** What a person does, in words ("create a meeting"). */
  name: string;
  /** create: carries a submission key; edit: carries a version; action: anything else. */
  kind: "create" | "edit" | "action";
  as: Persona;
  /** The URL path (with real ids from the demo). */
  url: (demo: Demo) => Promise<string> | string;
  /** A valid submission. `variant` differs between calls so two edits really change something. */
  body: (demo: Demo, variant: number) => Promise<Fields> | Fields;
  /** Multipart: the file field and its content (a PDF, by default). */
  file?: { field: string };
  /** The submission writes even with garbage in every field (sign out): only "no 5xx" is checked. */
  writesWhateverItGets?: boolean;
}

/** Every route file with an action → its forms. A route missing here fails the tests. */
export type CaseBook = Record<string, FormCase[]>;

export interface Demo {
  db: Database;
  tableId: string;
  /** One value from SQL (ids of demo records), failing loudly when the demo lacks it. */
  one: <T = string>(query: ReturnType<typeof sql>) => Promise<T>;
}

export interface Harness {
  handle: DatabaseHandle;
  demo: Demo;
  cookieOf: (persona: Persona) => Promise<string | null>;
  close: () => Promise<void>;
}

export async function openHarness(): Promise<Harness> {
  const handle = await createTestDatabase();
  await seedDemo(handle.db);
  const [table] = await handle.db.select({ id: partnership.id }).from(partnership).where(eq(partnership.slug, quebecTable.slug));
  const db = handle.db;
  const demo: Demo = {
    db,
    tableId: table!.id,
    one: async <T,>(query: ReturnType<typeof sql>) => {
      const rows = rowsOf<Record<string, unknown>>(await db.execute(query));
      const first = rows[0];
      if (!first) throw new Error(`demo lookup found nothing: ${JSON.stringify(query)}`);
      return Object.values(first)[0] as T;
    },
  };
  const cookies = new Map<Persona, string>();
  const cookieOf = async (persona: Persona) => {
    if (persona === "anonymous") return null;
    const known = cookies.get(persona);
    if (known) return known;
    const [row] = await db.select({ id: account.id }).from(account).where(eq(account.email, persona));
    if (!row) throw new Error(`no demo account ${persona}`);
    const tableId = persona === "coordination.ca@filet.test" ? null : demo.tableId;
    const cookie = await signIn(db, row.id, tableId ? { activePartnershipId: tableId } : {});
    cookies.set(persona, cookie);
    return cookie;
  };
  return { handle, demo, cookieOf, close: () => handle.close() };
}

export interface Answer {
  status: number;
  location: string | null;
  data: unknown;
}

/** Matches a URL path to its route, giving the params React Router would. */
export function matchRoute(pathname: string): { route: RouteEntry; params: Record<string, string> } {
  const parts = pathname.replace(/^\//, "").split("/");
  for (const route of allRoutes) {
    if (route.children) continue; // a section layout: no URL of its own
    const pattern = (route.path ?? "").split("/");
    if (route.index) {
      if (pathname === "/") return { route, params: {} };
      continue;
    }
    if (pattern.length !== parts.length) continue;
    const params: Record<string, string> = {};
    if (pattern.every((seg, i) => (seg.startsWith(":") ? ((params[seg.slice(1)] = parts[i]!), true) : seg === parts[i]))) return { route, params };
  }
  throw new Error(`no route for ${pathname}`);
}

/** Sends a raw request to a route's action (or loader for GET), as React Router would. */
export async function send(
  h: Harness,
  input: { url: string; persona: Persona; method?: "GET" | "POST"; body?: BodyInit | null; contentType?: string | null; headers?: Record<string, string>; layout?: boolean },
): Promise<Answer> {
  const url = new URL(input.url, "http://localhost:3000");
  const matched = matchRoute(url.pathname);
  const route = input.layout ? layoutOf(matched.route.file) : matched.route;
  if (!route) throw new Error(`no layout for ${input.url}`);
  const params = matched.params;
  const mod = await importRoute(route.file);
  const method = input.method ?? "POST";
  const fn = method === "POST" ? mod.action : mod.loader;
  if (!fn) throw new Error(`no ${method} handler for ${input.url}`);
  const headers = new Headers(input.headers);
  const cookie = await h.cookieOf(input.persona);
  if (cookie) headers.set("cookie", cookie);
  if (input.contentType) headers.set("content-type", input.contentType);
  const request = new Request(url, { method, headers, body: method === "POST" ? (input.body ?? null) : null });
  // A Request built from FormData sets its own multipart content type: keep it unless told.
  if (input.contentType === null) headers.delete("content-type");
  const settle = settleRouteValue;
  try {
    return settle(await fn({ request, params, context: testContext(h.demo.db, { demoMode: true }), url, pattern: "" } as never));
  } catch (thrown) {
    const answer = settle(thrown);
    // Anything thrown that is not a Response or data(): the browser would get a 500.
    if (answer.status === 200 && !(thrown instanceof Response)) return { status: 500, location: null, data: String(thrown) };
    return answer;
  }
}

/** A urlencoded body. */
export function encode(fields: Fields): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const item of Array.isArray(v) ? v : [v]) p.append(k, item);
  return p.toString();
}

/** A small valid PDF, for upload forms. */
export const TINY_PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

export function multipart(fields: Fields, file?: { field: string }): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const item of Array.isArray(v) ? v : [v]) form.append(k, item);
  if (file) form.append(file.field, new File([TINY_PDF], "document.pdf", { type: "application/pdf" }));
  return form;
}

/** Sends a case's valid body (urlencoded, or multipart with its file). */
export async function submitCase(h: Harness, c: FormCase, fields: Fields, url?: string): Promise<Answer> {
  const target = url ?? (await c.url(h.demo));
  if (c.file) return send(h, { url: target, persona: c.as, body: multipart(fields, c.file), contentType: null });
  return send(h, { url: target, persona: c.as, body: encode(fields), contentType: "application/x-www-form-urlencoded" });
}

/** The body of a create case with a fresh submission key. */
export async function createBody(h: Harness, c: FormCase, variant: number, key = randomUUID()): Promise<Fields> {
  return { ...(await c.body(h.demo, variant)), [SUBMISSION_KEY_FIELD]: key };
}

// Rows that change on every request whoever sends it: the session's last use, the journal
// (denials and reads are audited), throttling counters.
const VOLATILE = new Set(["session", "audit_event", "login_attempt", "job"]);

/** Every table's rows, hashed: equal fingerprints mean nothing was written. */
export async function fingerprint(db: Database): Promise<Record<string, string>> {
  const tables = rowsOf<{ name: string }>(
    await db.execute(sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`),
  )
    .map((r) => r.name)
    .filter((n) => !VOLATILE.has(n) && !n.startsWith("__drizzle"));
  const out: Record<string, string> = {};
  for (const name of tables) {
    const [row] = rowsOf<{ n: number; h: string | null }>(
      await db.execute(sql.raw(`select count(*)::int as n, md5(coalesce(string_agg(md5(t::text), '' order by md5(t::text)), '')) as h from "${name}" t`)),
    );
    out[name] = `${row!.n}:${row!.h}`;
  }
  return out;
}

/** Tables whose fingerprint differs, for a readable failure. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys({ ...before, ...after }).filter((k) => before[k] !== after[k]);
}

/** Row counts per table, for "one record" checks. */
export async function rowCounts(db: Database): Promise<Record<string, number>> {
  const prints = await fingerprint(db);
  return Object.fromEntries(Object.entries(prints).map(([k, v]) => [k, Number(v.split(":")[0])]));
}
