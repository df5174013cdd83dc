import { and, eq } from "drizzle-orm";
import { expect } from "vitest";
import { createTestDatabase, testContext } from "../support/test-db.ts";
import type { Database, DatabaseHandle } from "../../app/modules/db/client.server.ts";
import { pivotDesignation } from "../../app/modules/directory/tables.ts";
import { organization } from "../../app/modules/governance/tables.ts";
import { account } from "../../app/modules/identity/tables.ts";
import { person } from "../../app/modules/people/tables.ts";
import { createSession, serializeSessionCookie } from "../../app/modules/identity/session.server.ts";
import { seedDemo } from "../../app/modules/demo/seed-demo.server.ts";
import type { FiletContext } from "../../app/modules/context.ts";

/** Shared set-up of the consultation tests: the demo, its pivots designated, sessions per persona. */
export interface World {
  handle: DatabaseHandle;
  db: Database;
  context: FiletContext;
  people: Record<string, { personId: string; accountId: string | null; partnershipId: string | null; organizationId: string | null }>;
  orgs: Record<string, string>;
  cookie(email: string): Promise<string>;
}

export const WORKER = "intervenant.ecole@filet.test";
export const CJQ_PIVOT = "pivot.cjq@filet.test";
export const SPVQ_COORD = "coord-pivots.spvq@filet.test";
export const TRAINER = "formateur.pipq@filet.test";
export const ADMIN = "admin@filet.test";
export const TABLE_COORD = "coordination@filet.test";
export const PRIVACY = "vie-privee@filet.test";
export const EVALUATOR = "evaluation@filet.test";
export const OTHER_TABLE_COORD = "coordination.ca@filet.test";
export const HELENE = "helene.bouchard@filet.test";

export async function designate(db: Database, email: string, acronym: string) {
  const [p] = await db.select().from(person).where(eq(person.email, email));
  const [o] = await db.select().from(organization).where(eq(organization.acronym, acronym));
  if (!p || !o) throw new Error(`fixture: ${email} / ${acronym} missing`);
  const existing = await db
    .select({ id: pivotDesignation.id })
    .from(pivotDesignation)
    .where(and(eq(pivotDesignation.personId, p.id), eq(pivotDesignation.organizationId, o.id)));
  if (existing.length) return;
  await db.insert(pivotDesignation).values({ partnershipId: o.partnershipId, organizationId: o.id, personId: p.id, since: "2020-01-01" });
}

export async function createWorld(): Promise<World> {
  const handle = await createTestDatabase();
  const db = handle.db;
  await seedDemo(db);
  await designate(db, CJQ_PIVOT, "CJQ-IU");
  await designate(db, SPVQ_COORD, "SPVQ");
  await designate(db, HELENE, "CSSS VC");
  const rows = await db
    .select({ email: person.email, personId: person.id, accountId: account.id, partnershipId: person.partnershipId, organizationId: person.organizationId })
    .from(person)
    .leftJoin(account, eq(account.personId, person.id));
  const people = Object.fromEntries(rows.map((r) => [r.email, r]));
  const orgRows = await db.select({ id: organization.id, acronym: organization.acronym }).from(organization);
  const orgs = Object.fromEntries(orgRows.map((o) => [o.acronym, o.id]));
  // Demo mode: the MFA set-up redirect would otherwise stop coordinators before the route runs.
  const context = testContext(db, { demoMode: true });
  const cookies = new Map<string, string>();
  return {
    handle,
    db,
    context,
    people,
    orgs,
    async cookie(email) {
      const known = cookies.get(email);
      if (known) return known;
      const accountId = people[email]?.accountId;
      if (!accountId) throw new Error(`fixture: no account for ${email}`);
      const token = await createSession(db, { accountId, mfaPassed: true, ip: "127.0.0.1", userAgent: "vitest" });
      const cookie = serializeSessionCookie(token, false).split(";")[0]!;
      cookies.set(email, cookie);
      return cookie;
    },
  };
}

export interface Outcome {
  status: number;
  data: unknown;
  location: string | null;
}

/** Runs a loader or action and reports what the browser would get: status, data, redirect. */
export async function outcome(run: () => Promise<unknown>): Promise<Outcome> {
  try {
    return shape(await run());
  } catch (thrown) {
    return shape(thrown);
  }
}

function shape(value: unknown): Outcome {
  if (value instanceof Response) return { status: value.status, data: null, location: value.headers.get("location") };
  if (value && typeof value === "object" && (value as { type?: string }).type === "DataWithResponseInit") {
    const v = value as { data: unknown; init: { status?: number } | null };
    return { status: v.init?.status ?? 200, data: v.data, location: null };
  }
  if (value instanceof Error) throw value;
  return { status: 200, data: value, location: null };
}

type RouteFn = (args: never) => unknown;

/** Calls a route function as the server does, signed in as `email` (or anonymous when null). */
export async function call(
  world: World,
  fn: RouteFn,
  input: { email: string | null; path: string; params?: Record<string, string>; form?: Record<string, string> },
): Promise<Outcome> {
  const headers = new Headers();
  if (input.email) headers.set("cookie", await world.cookie(input.email));
  const init: RequestInit = { headers, method: input.form ? "POST" : "GET" };
  if (input.form) {
    headers.set("content-type", "application/x-www-form-urlencoded");
    headers.set("origin", "http://localhost:3000");
    init.body = new URLSearchParams(input.form).toString();
  }
  const request = new Request(`http://localhost:3000${input.path}`, init);
  const args = { request, params: input.params ?? {}, context: world.context } as never;
  return outcome(async () => (fn as (a: never) => unknown)(args));
}

export function expectNotFound(o: Outcome) {
  expect(o.status, JSON.stringify(o.data)).toBe(404);
}
