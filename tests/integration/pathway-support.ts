import { randomUUID } from "node:crypto";
import type { Database } from "../../app/modules/db/client.server.ts";
import { organization, partnership, site } from "../../app/modules/governance/tables.ts";
import { account, type Role } from "../../app/modules/identity/tables.ts";
import { person, roleAssignment } from "../../app/modules/people/tables.ts";
import { createSession } from "../../app/modules/identity/session.server.ts";
import { pivotDesignation } from "../../app/modules/directory/tables.ts";
import { testContext } from "../support/test-db.ts";

/**
 * Small fixtures for the pathway and activity tests: Tables, organizations, people signed in
 * through real sessions (the route guard runs exactly as in production).
 */
export async function createTable(db: Database, name: string, dpjPhone = "") {
  const [row] = await db
    .insert(partnership)
    .values({ slug: `${name.toLowerCase()}-${randomUUID().slice(0, 8)}`, nameFr: name, nameEn: name, dpjPhone })
    .returning({ id: partnership.id });
  return row!.id;
}

export async function createOrganization(db: Database, partnershipId: string, name: string) {
  const [row] = await db
    .insert(organization)
    .values({ partnershipId, type: "community", nameFr: name, nameEn: `${name} (EN)`, acronym: name.toUpperCase().slice(0, 6) })
    .returning({ id: organization.id });
  return row!.id;
}

export async function createSite(db: Database, partnershipId: string, organizationId: string, name: string) {
  const [row] = await db.insert(site).values({ partnershipId, organizationId, name }).returning({ id: site.id });
  return row!.id;
}

export interface TestUser {
  personId: string;
  accountId: string;
  cookie: string;
  email: string;
}

/** A person with an active account, the given roles and a live session (second factor passed). */
export async function createUser(
  db: Database,
  input: {
    partnershipId: string | null;
    organizationId?: string | null;
    siteId?: string | null;
    givenName?: string;
    familyName?: string;
    roles: { role: Role; organizationId?: string | null }[];
    locale?: "fr" | "en";
  },
): Promise<TestUser> {
  const email = `${randomUUID().slice(0, 12)}@example.test`;
  const [p] = await db
    .insert(person)
    .values({
      partnershipId: input.partnershipId,
      organizationId: input.organizationId ?? null,
      siteId: input.siteId ?? null,
      givenName: input.givenName ?? "Test",
      familyName: input.familyName ?? "Person",
      email,
      phone: "418 555-0199",
    })
    .returning({ id: person.id });
  const [a] = await db
    .insert(account)
    .values({ personId: p!.id, email, status: "active", locale: input.locale ?? "fr", mfaEnabledAt: new Date(), approvedAt: new Date() })
    .returning({ id: account.id });
  for (const r of input.roles) {
    await db.insert(roleAssignment).values({
      personId: p!.id,
      role: r.role,
      partnershipId: r.role === "platform_admin" ? null : input.partnershipId,
      organizationId: r.organizationId ?? null,
    });
  }
  const token = await createSession(db, { accountId: a!.id, mfaPassed: true, ip: "127.0.0.1", userAgent: "vitest" });
  return { personId: p!.id, accountId: a!.id, cookie: `filet_session=${token}`, email };
}

export async function designatePivot(
  db: Database,
  input: { partnershipId: string; organizationId: string; personId: string; siteId?: string | null; rank?: "primary" | "backup" },
) {
  await db.insert(pivotDesignation).values({
    partnershipId: input.partnershipId,
    organizationId: input.organizationId,
    personId: input.personId,
    siteId: input.siteId ?? null,
    rank: input.rank ?? "primary",
    since: "2020-01-01",
    contactPhone: "418 555-0142",
    contactEmail: `pivot-${input.personId.slice(0, 6)}@example.test`,
  });
}

type RouteFn = (args: never) => unknown;

/** Calls a loader or action the way the server does; returns the data, or the thrown answer. */
export async function call(
  db: Database,
  fn: RouteFn,
  input: { path: string; user?: TestUser | null; form?: Record<string, string>; params?: Record<string, string> },
): Promise<{ status: number; data: unknown; location: string | null }> {
  const headers = new Headers();
  if (input.user) headers.set("cookie", input.user.cookie);
  const request = new Request(`http://localhost:3000${input.path}`, {
    method: input.form ? "POST" : "GET",
    headers,
    body: input.form ? new URLSearchParams(input.form) : undefined,
  });
  try {
    const result = await (fn as (a: unknown) => unknown)({ request, params: input.params ?? {}, context: testContext(db) });
    return unwrap(result);
  } catch (thrown) {
    return unwrap(thrown);
  }
}

function unwrap(value: unknown): { status: number; data: unknown; location: string | null } {
  if (value instanceof Response) {
    return { status: value.status, data: null, location: value.headers.get("location") };
  }
  if (value && typeof value === "object" && (value as { type?: string }).type === "DataWithResponseInit") {
    const v = value as { data: unknown; init: { status?: number } | null };
    return { status: v.init?.status ?? 200, data: v.data, location: null };
  }
  if (value instanceof Error) throw value;
  return { status: 200, data: value, location: null };
}
