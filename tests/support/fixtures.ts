import { roles } from "../../app/modules/identity/roles.ts";
import { randomUUID } from "node:crypto";
import type { Database } from "../../app/modules/db/client.server.ts";
import { mfaRequiredRoles } from "../../app/modules/authz/permissions.ts";
import { organization, partnership, site } from "../../app/modules/governance/tables.ts";
import { createSession, hashToken, setActivePartnership } from "../../app/modules/identity/session.server.ts";
import { account, type Role } from "../../app/modules/identity/tables.ts";
import { person, roleAssignment } from "../../app/modules/people/tables.ts";

/*
 * Demo-independent test data. Accounts get no password (password_hash null): tests sign in by
 * creating sessions directly with `signIn`. Accounts holding a role that requires MFA are marked
 * as having it set up, so `requireUser` lets them through without demo mode.
 */

const unique = () => randomUUID().slice(0, 8);

export async function createPartnership(db: Database, overrides: Partial<typeof partnership.$inferInsert> = {}): Promise<string> {
  const suffix = unique();
  const [row] = await db
    .insert(partnership)
    .values({ slug: `table-${suffix}`, nameFr: `Table ${suffix}`, nameEn: `Table ${suffix}`, region: "Capitale-Nationale", ...overrides })
    .returning({ id: partnership.id });
  return row!.id;
}

export async function createOrganization(
  db: Database,
  partnershipId: string,
  overrides: Partial<typeof organization.$inferInsert> = {},
): Promise<string> {
  const suffix = unique();
  const [row] = await db
    .insert(organization)
    .values({ partnershipId, type: "community", nameFr: `Organisme ${suffix}`, nameEn: `Organization ${suffix}`, ...overrides })
    .returning({ id: organization.id });
  return row!.id;
}

export async function createSite(
  db: Database,
  input: { partnershipId: string; organizationId: string; name?: string },
): Promise<string> {
  const [row] = await db
    .insert(site)
    .values({ partnershipId: input.partnershipId, organizationId: input.organizationId, name: input.name ?? `Site ${unique()}` })
    .returning({ id: site.id });
  return row!.id;
}

export interface RoleSpec {
  role: Role;
  /** Defaults: null for platform_admin, else the person's Table. */
  partnershipId?: string | null;
  /** Defaults to the person's organization for organization roles, else null. */
  organizationId?: string | null;
}

export interface FixturePerson {
  personId: string;
  accountId: string | null;
  email: string;
}

const ORGANIZATION_ROLES: readonly Role[] = ["table_member", "pivot_coordinator", "pivot", "worker"];

/** A person, with an account (active unless told otherwise) and roles. */
export async function createPerson(
  db: Database,
  input: {
    partnershipId: string | null;
    organizationId?: string | null;
    siteId?: string | null;
    givenName?: string;
    familyName?: string;
    email?: string;
    roles?: RoleSpec[];
    account?: false | { status?: "invited" | "pending_email" | "pending_approval" | "active" | "deactivated"; mfa?: boolean };
  },
): Promise<FixturePerson> {
  const email = (input.email ?? `person-${unique()}@filet.test`).toLowerCase();
  const [p] = await db
    .insert(person)
    .values({
      partnershipId: input.partnershipId,
      organizationId: input.organizationId ?? null,
      siteId: input.siteId ?? null,
      givenName: input.givenName ?? "Alex",
      familyName: input.familyName ?? `Test-${unique()}`,
      email,
    })
    .returning({ id: person.id });
  const personId = p!.id;
  const roles = input.roles ?? [];
  for (const spec of roles) {
    await db.insert(roleAssignment).values({
      personId,
      role: spec.role,
      partnershipId: spec.partnershipId !== undefined ? spec.partnershipId : spec.role === "platform_admin" ? null : input.partnershipId,
      organizationId:
        spec.organizationId !== undefined
          ? spec.organizationId
          : ORGANIZATION_ROLES.includes(spec.role)
            ? (input.organizationId ?? null)
            : null,
    });
  }
  let accountId: string | null = null;
  if (input.account !== false) {
    const options = input.account ?? {};
    const mfa = options.mfa ?? roles.some((r) => mfaRequiredRoles.includes(r.role));
    const [a] = await db
      .insert(account)
      .values({ personId, email, passwordHash: null, status: options.status ?? "active", mfaEnabledAt: mfa ? new Date() : null })
      .returning({ id: account.id });
    accountId = a!.id;
  }
  return { personId, accountId, email };
}

/** A live session for the account; returns the Cookie header value (`filet_session=<token>`). */
export async function signIn(
  db: Database,
  accountId: string,
  options: { mfaPassed?: boolean; activePartnershipId?: string } = {},
): Promise<string> {
  const token = await createSession(db, { accountId, mfaPassed: options.mfaPassed ?? true, ip: "127.0.0.1", userAgent: "vitest" });
  if (options.activePartnershipId) await setActivePartnership(db, hashToken(token), options.activePartnershipId);
  return `filet_session=${token}`;
}

/** One fixture person per role of the vocabulary, in its order. */
export const fixtureRoles = roles;

export type FixtureRole = (typeof fixtureRoles)[number];

export interface AuthzDataset {
  tableA: string;
  tableB: string;
  /** Table A's two organizations. */
  org1: string;
  org2: string;
  orgB: string;
  site1: string;
  site2: string;
  siteB: string;
  /** One person with an active account per role, in Table A (org 1 unless said otherwise). */
  people: Record<FixtureRole, FixturePerson>;
  /** A coordinator of Table B. */
  tableBCoordinator: FixturePerson;
  /** Directory entries without accounts, one per organization. */
  personOrg1: FixturePerson;
  personOrg2: FixturePerson;
  personB: FixturePerson;
}

/**
 * Two Tables; Table A has two organizations. One person per role in Table A (trainer, observer
 * and evaluator come from organization 2, everyone else from organization 1; the platform admin
 * belongs to no Table), a coordinator of Table B, and a plain directory entry per organization.
 */
export async function createAuthzDataset(db: Database): Promise<AuthzDataset> {
  const tableA = await createPartnership(db, { nameFr: "Table A", nameEn: "Table A" });
  const tableB = await createPartnership(db, { nameFr: "Table B", nameEn: "Table B" });
  const org1 = await createOrganization(db, tableA, { nameFr: "Organisme Un", nameEn: "Organization One", type: "youth_protection" });
  const org2 = await createOrganization(db, tableA, { nameFr: "Organisme Deux", nameEn: "Organization Two", type: "police" });
  const orgB = await createOrganization(db, tableB, { nameFr: "Organisme B", nameEn: "Organization B", type: "school" });
  const site1 = await createSite(db, { partnershipId: tableA, organizationId: org1, name: "Site Un" });
  const site2 = await createSite(db, { partnershipId: tableA, organizationId: org2, name: "Site Deux" });
  const siteB = await createSite(db, { partnershipId: tableB, organizationId: orgB, name: "Site B" });
  const fromOrg2: readonly FixtureRole[] = ["trainer", "observer", "evaluator"];
  const people = {} as Record<FixtureRole, FixturePerson>;
  for (const role of fixtureRoles) {
    people[role] = await createPerson(db, {
      partnershipId: role === "platform_admin" ? null : tableA,
      organizationId: role === "platform_admin" ? null : fromOrg2.includes(role) ? org2 : org1,
      email: `${role.replace(/_/g, "-")}@a.filet.test`,
      givenName: role,
      roles: [{ role }],
    });
  }
  const tableBCoordinator = await createPerson(db, {
    partnershipId: tableB,
    organizationId: orgB,
    email: "coordinator@b.filet.test",
    roles: [{ role: "table_coordinator" }],
  });
  const personOrg1 = await createPerson(db, { partnershipId: tableA, organizationId: org1, account: false, givenName: "Una" });
  const personOrg2 = await createPerson(db, { partnershipId: tableA, organizationId: org2, account: false, givenName: "Deux" });
  const personB = await createPerson(db, { partnershipId: tableB, organizationId: orgB, account: false, givenName: "Bea" });
  return { tableA, tableB, org1, org2, orgB, site1, site2, siteB, people, tableBCoordinator, personOrg1, personOrg2, personB };
}

export interface RouteOutcome {
  status: number;
  /** Redirect target, when the route redirected. */
  location: string | null;
  /** What a loader/action returned (plain data, or the data of `data(…)`). */
  data: unknown;
}

// Any loader or action: their argument types differ per route, so the parameter is `never`.
type RouteFunction = (args: never) => unknown;

/**
 * Calls a route module's loader (GET) or action (POST) as React Router would, and reports what
 * the browser would get: thrown `data(…, {status})` and Responses (redirects, 404) included.
 */
/** What the browser gets from a loader's or action's value: a Response, `data(…)`, or plain data. */
export function settleRouteValue(value: unknown): RouteOutcome {
  if (value instanceof Response) return { status: value.status, location: value.headers.get("location"), data: null };
  if (value && typeof value === "object" && (value as { type?: string }).type === "DataWithResponseInit") {
    const d = value as { data: unknown; init: { status?: number } | null };
    return { status: d.init?.status ?? 200, location: null, data: d.data };
  }
  return { status: 200, location: null, data: value };
}

export async function callRoute(
  fn: RouteFunction | undefined,
  input: {
    url: string;
    params?: Record<string, string>;
    cookie?: string | null;
    method?: "GET" | "POST";
    body?: Record<string, string | string[]>;
    context: unknown;
  },
): Promise<RouteOutcome> {
  if (!fn) throw new Error(`no ${input.method ?? "GET"} handler for ${input.url}`);
  const headers = new Headers();
  if (input.cookie) headers.set("cookie", input.cookie);
  let body: URLSearchParams | undefined;
  if (input.body) {
    body = new URLSearchParams();
    for (const [k, v] of Object.entries(input.body)) for (const item of Array.isArray(v) ? v : [v]) body.append(k, item);
  }
  const request = new Request(new URL(input.url, "http://localhost:3000"), { method: input.method ?? (body ? "POST" : "GET"), headers, body });
  try {
    const args = { request, params: input.params ?? {}, context: input.context, url: new URL(request.url), pattern: "" };
    return settleRouteValue(await fn(args as never));
  } catch (thrown) {
    const outcome = settleRouteValue(thrown);
    if (outcome.status === 200 && !(thrown instanceof Response)) throw thrown;
    return outcome;
  }
}
