import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { createTestDatabase, testContext } from "../support/test-db.ts";
import { callRoute, createAuthzDataset, fixtureRoles, signIn, type AuthzDataset, type FixtureRole, type RouteOutcome } from "../support/fixtures.ts";
import type { DatabaseHandle } from "../../app/modules/db/client.server.ts";
import { auditEvent } from "../../app/modules/audit/tables.ts";
import { queueEmail } from "../../app/modules/email/queue-email.server.ts";
// Create forms carry their submission key (SubmissionKey), as the pages send them.
import { SUBMISSION_KEY_FIELD } from "../../app/modules/forms/submission-field.ts";
import * as adminHome from "../../app/routes/admin/_index.tsx";
import * as adminTable from "../../app/routes/admin/table.tsx";
import * as tables from "../../app/routes/admin/tables.tsx";
import * as tablesNew from "../../app/routes/admin/tables.new.tsx";
import * as tableEdit from "../../app/routes/admin/tables.$partnershipId.tsx";
import * as organizations from "../../app/routes/admin/organizations.tsx";
import * as organizationsNew from "../../app/routes/admin/organizations.new.tsx";
import * as organizationPage from "../../app/routes/admin/organizations.$organizationId.tsx";
import * as siteNew from "../../app/routes/admin/organizations.$organizationId.sites.new.tsx";
import * as sitePage from "../../app/routes/admin/sites.$siteId.tsx";
import * as people from "../../app/routes/admin/people.tsx";
import * as peopleNew from "../../app/routes/admin/people.new.tsx";
import * as personPage from "../../app/routes/admin/people.$personId.tsx";
import * as approvals from "../../app/routes/admin/approvals.tsx";
import * as audit from "../../app/routes/admin/audit.tsx";
import * as auditCsv from "../../app/routes/admin/audit.csv.tsx";
import * as outbox from "../../app/routes/admin/outbox.tsx";
import * as outboxMessage from "../../app/routes/admin/outbox.$messageId.tsx";
import * as privacyIncidents from "../../app/routes/privacy/incidents.tsx";
import * as privacyCounts from "../../app/routes/privacy/incidents.counts.tsx";
import * as privacyReads from "../../app/routes/privacy/reads.tsx";
import * as privacyAudit from "../../app/routes/privacy/audit.tsx";
import * as privacyAssessments from "../../app/routes/privacy/assessments.tsx";
import * as privacyCorrections from "../../app/routes/privacy/corrections.tsx";
import * as privacyMyData from "../../app/routes/privacy/my-data.tsx";
import * as privacyRetention from "../../app/routes/privacy/retention.tsx";
import * as identityProviders from "../../app/routes/admin/identity-providers.tsx";
import * as identityProvidersNew from "../../app/routes/admin/identity-providers.new.tsx";
import * as identityProviderPage from "../../app/routes/admin/identity-providers.$providerId.tsx";
import * as newsFeed from "../../app/routes/network/news._index.tsx";
import * as newsNew from "../../app/routes/network/news.new.tsx";
import { createIdentityProvider } from "../../app/modules/sso/manage-identity-providers.server.ts";
import { systemActor } from "../../app/modules/audit/record-audit-event.server.ts";

/*
 * Signs in as each role and checks allow/deny on every administration route: deny is a 404
 * (exactly like a missing page), anonymous is sent to /login.
 */

type Subject = FixtureRole | "tableBCoordinator";
type Verdict = "allow" | "deny" | "login";
type Handler = Parameters<typeof callRoute>[0];

interface Case {
  name: string;
  handler: Handler;
  url: (d: AuthzDataset) => string;
  params?: (d: AuthzDataset) => Record<string, string>;
  body?: (d: AuthzDataset) => Record<string, string | string[]>;
  allow: readonly Subject[];
}

let handle: DatabaseHandle;
let d: AuthzDataset;
let messageId: string;
let providerId: string;
const cookies = {} as Record<Subject, string>;

const ADMIN: Subject[] = ["platform_admin"];
const ORG_MANAGERS: Subject[] = ["platform_admin", "table_coordinator", "tableBCoordinator"];
const PEOPLE_MANAGERS: Subject[] = ["platform_admin", "table_coordinator", "pivot_coordinator", "tableBCoordinator"];
const ORG1_MANAGERS: Subject[] = ["platform_admin", "table_coordinator", "pivot_coordinator"];
const TABLE_A_MANAGERS: Subject[] = ["platform_admin", "table_coordinator"];
const AUDITORS: Subject[] = ["platform_admin", "privacy_officer"];

const getCases: Case[] = [
  { name: "GET /admin", handler: adminHome.loader, url: () => "/admin", allow: [...PEOPLE_MANAGERS, "privacy_officer"] },
  // News on practices (issue 14 §4): the network's readers and the guide editors read; the coordinator and guide editors publish.
  { name: "GET /network/news", handler: newsFeed.loader, url: () => "/network/news", allow: ["table_coordinator", "table_member", "pivot_coordinator", "pivot", "trainer", "tableBCoordinator"] },
  { name: "GET /network/news/new", handler: newsNew.loader, url: () => "/network/news/new", allow: ["table_coordinator", "trainer", "tableBCoordinator"] },
  { name: "GET /admin/tables", handler: tables.loader, url: () => "/admin/tables", allow: ADMIN },
  { name: "GET /admin/tables/new", handler: tablesNew.loader, url: () => "/admin/tables/new", allow: ADMIN },
  {
    name: "GET /admin/tables/:id",
    handler: tableEdit.loader,
    url: (d) => `/admin/tables/${d.tableA}`,
    params: (d) => ({ partnershipId: d.tableA }),
    allow: ADMIN,
  },
  { name: "GET /admin/organizations", handler: organizations.loader, url: () => "/admin/organizations", allow: ORG_MANAGERS },
  { name: "GET /admin/organizations/new", handler: organizationsNew.loader, url: () => "/admin/organizations/new", allow: ORG_MANAGERS },
  {
    name: "GET /admin/organizations/:org1",
    handler: organizationPage.loader,
    url: (d) => `/admin/organizations/${d.org1}`,
    params: (d) => ({ organizationId: d.org1 }),
    allow: ORG1_MANAGERS,
  },
  {
    name: "GET /admin/organizations/:org2",
    handler: organizationPage.loader,
    url: (d) => `/admin/organizations/${d.org2}`,
    params: (d) => ({ organizationId: d.org2 }),
    allow: TABLE_A_MANAGERS,
  },
  {
    name: "GET /admin/organizations/:org1/sites/new",
    handler: siteNew.loader,
    url: (d) => `/admin/organizations/${d.org1}/sites/new`,
    params: (d) => ({ organizationId: d.org1 }),
    allow: ORG1_MANAGERS,
  },
  {
    name: "GET /admin/organizations/:org2/sites/new",
    handler: siteNew.loader,
    url: (d) => `/admin/organizations/${d.org2}/sites/new`,
    params: (d) => ({ organizationId: d.org2 }),
    allow: TABLE_A_MANAGERS,
  },
  {
    name: "GET /admin/sites/:site1",
    handler: sitePage.loader,
    url: (d) => `/admin/sites/${d.site1}`,
    params: (d) => ({ siteId: d.site1 }),
    allow: ORG1_MANAGERS,
  },
  {
    name: "GET /admin/sites/:site2",
    handler: sitePage.loader,
    url: (d) => `/admin/sites/${d.site2}`,
    params: (d) => ({ siteId: d.site2 }),
    allow: TABLE_A_MANAGERS,
  },
  { name: "GET /admin/people", handler: people.loader, url: () => "/admin/people", allow: PEOPLE_MANAGERS },
  { name: "GET /admin/people/new", handler: peopleNew.loader, url: () => "/admin/people/new", allow: PEOPLE_MANAGERS },
  {
    name: "GET /admin/people/:personOrg1",
    handler: personPage.loader,
    url: (d) => `/admin/people/${d.personOrg1.personId}`,
    params: (d) => ({ personId: d.personOrg1.personId }),
    allow: ORG1_MANAGERS,
  },
  {
    name: "GET /admin/people/:personOrg2",
    handler: personPage.loader,
    url: (d) => `/admin/people/${d.personOrg2.personId}`,
    params: (d) => ({ personId: d.personOrg2.personId }),
    allow: TABLE_A_MANAGERS,
  },
  { name: "GET /admin/approvals", handler: approvals.loader, url: () => "/admin/approvals", allow: PEOPLE_MANAGERS },
  { name: "GET /admin/audit", handler: audit.loader, url: () => "/admin/audit", allow: AUDITORS },
  { name: "GET /admin/audit.csv", handler: auditCsv.loader, url: () => "/admin/audit.csv", allow: AUDITORS },
  { name: "GET /admin/outbox", handler: outbox.loader, url: () => "/admin/outbox", allow: ADMIN },
  {
    name: "GET /admin/outbox/:id",
    handler: outboxMessage.loader,
    url: () => `/admin/outbox/${messageId}`,
    params: () => ({ messageId }),
    allow: ADMIN,
  },
  // Privacy operations (issue 15): the officer's register, the coordinator's counts, the audit readers' views, everyone's own data
  { name: "GET /privacy/incidents", handler: privacyIncidents.loader, url: () => "/privacy/incidents", allow: ["privacy_officer"] },
  { name: "GET /privacy/incidents/counts", handler: privacyCounts.loader, url: () => "/privacy/incidents/counts", allow: ["table_coordinator", "tableBCoordinator"] },
  { name: "GET /privacy/reads", handler: privacyReads.loader, url: () => "/privacy/reads", allow: AUDITORS },
  { name: "GET /privacy/audit", handler: privacyAudit.loader, url: () => "/privacy/audit", allow: AUDITORS },
  { name: "GET /privacy/assessments", handler: privacyAssessments.loader, url: () => "/privacy/assessments", allow: ["privacy_officer"] },
  // The Table's coordinator or its own privacy officer (the fixture's officer has no organization); never the platform admin.
  { name: "GET /privacy/retention", handler: privacyRetention.loader, url: () => "/privacy/retention", allow: ["table_coordinator", "tableBCoordinator", "privacy_officer"] },
  { name: "GET /privacy/corrections", handler: privacyCorrections.loader, url: () => "/privacy/corrections", allow: ["privacy_officer"] },
  { name: "GET /privacy/my-data", handler: privacyMyData.loader, url: () => "/privacy/my-data", allow: [...fixtureRoles, "tableBCoordinator"] },
  // Single sign-on: the providers' registry is the platform admin's alone.
  { name: "GET /admin/identity-providers", handler: identityProviders.loader, url: () => "/admin/identity-providers", allow: ADMIN },
  { name: "GET /admin/identity-providers/new", handler: identityProvidersNew.loader, url: () => "/admin/identity-providers/new", allow: ADMIN },
  {
    name: "GET /admin/identity-providers/:id",
    handler: identityProviderPage.loader,
    url: () => `/admin/identity-providers/${providerId}`,
    params: () => ({ providerId }),
    allow: ADMIN,
  },
];

const postCases: Case[] = [
  {
    name: "POST /admin/table (switch Table)",
    handler: adminTable.action,
    url: () => "/admin/table",
    body: (d) => ({ partnershipId: d.tableA, redirectTo: "/admin" }),
    allow: ADMIN,
  },
  {
    name: "POST /admin/tables/new",
    handler: tablesNew.action,
    url: () => "/admin/tables/new",
    body: () => ({ nameFr: "Nouvelle", nameEn: "New", slug: `t-${randomUUID().slice(0, 8)}`, [SUBMISSION_KEY_FIELD]: randomUUID() }),
    allow: ADMIN,
  },
  {
    name: "POST /admin/tables/:id",
    handler: tableEdit.action,
    url: (d) => `/admin/tables/${d.tableB}`,
    params: (d) => ({ partnershipId: d.tableB }),
    body: () => ({ nameFr: "Table B", nameEn: "Table B", slug: "", version: "1" }),
    allow: ADMIN,
  },
  {
    name: "POST /admin/organizations/new",
    handler: organizationsNew.action,
    url: () => "/admin/organizations/new",
    body: () => ({ [SUBMISSION_KEY_FIELD]: randomUUID(), type: "community", nameFr: "Nouvel organisme", nameEn: "New organization", languages: ["fr"] }),
    allow: TABLE_A_MANAGERS,
  },
  {
    name: "POST /admin/organizations/:org1 (profile, stale version)",
    handler: organizationPage.action,
    url: (d) => `/admin/organizations/${d.org1}`,
    params: (d) => ({ organizationId: d.org1 }),
    body: () => ({ type: "youth_protection", nameFr: "Organisme Un", nameEn: "Organization One", languages: ["fr"], version: "999" }),
    allow: TABLE_A_MANAGERS,
  },
  {
    name: "POST /admin/organizations/:org1/sites/new",
    handler: siteNew.action,
    url: (d) => `/admin/organizations/${d.org1}/sites/new`,
    params: (d) => ({ organizationId: d.org1 }),
    body: () => ({ name: `Site ${randomUUID().slice(0, 8)}`, [SUBMISSION_KEY_FIELD]: randomUUID() }),
    allow: ORG1_MANAGERS,
  },
  {
    name: "POST /admin/sites/:site2 (stale version)",
    handler: sitePage.action,
    url: (d) => `/admin/sites/${d.site2}`,
    params: (d) => ({ siteId: d.site2 }),
    body: () => ({ name: "Site Deux", version: "999" }),
    allow: TABLE_A_MANAGERS,
  },
  {
    name: "POST /admin/people/new",
    handler: peopleNew.action,
    url: () => "/admin/people/new",
    body: (d) => ({ [SUBMISSION_KEY_FIELD]: randomUUID(), givenName: "Nouvelle", familyName: "Personne", organizationId: d.org1, languages: ["fr"] }),
    allow: ORG1_MANAGERS,
  },
  {
    name: "POST /admin/people/:personOrg1 (grant worker)",
    handler: personPage.action,
    url: (d) => `/admin/people/${d.personOrg1.personId}`,
    params: (d) => ({ personId: d.personOrg1.personId }),
    body: () => ({ intent: "grant", role: "worker", organizationId: "", [SUBMISSION_KEY_FIELD]: randomUUID() }),
    allow: ORG1_MANAGERS,
  },
  {
    name: "POST /admin/people/:personOrg2 (grant worker)",
    handler: personPage.action,
    url: (d) => `/admin/people/${d.personOrg2.personId}`,
    params: (d) => ({ personId: d.personOrg2.personId }),
    body: () => ({ intent: "grant", role: "worker", organizationId: "", [SUBMISSION_KEY_FIELD]: randomUUID() }),
    allow: TABLE_A_MANAGERS,
  },
  {
    name: "POST /admin/approvals",
    handler: approvals.action,
    url: () => "/admin/approvals",
    body: () => ({ intent: "approve", accountId: randomUUID() }),
    allow: ORG1_MANAGERS,
  },
  {
    name: "POST /admin/identity-providers/new",
    handler: identityProvidersNew.action,
    url: () => "/admin/identity-providers/new",
    body: (d) => ({
      [SUBMISSION_KEY_FIELD]: randomUUID(),
      organizationId: d.org1,
      issuer: `https://login-${randomUUID().slice(0, 8)}.example.org`,
      clientId: "filet",
      clientSecret: "secret",
      roleClaim: "groups",
      enabled: "on",
    }),
    allow: ADMIN,
  },
  {
    name: "POST /admin/identity-providers/:id (stale version)",
    handler: identityProviderPage.action,
    url: () => `/admin/identity-providers/${providerId}`,
    params: () => ({ providerId }),
    body: (d) => ({ organizationId: d.org1, issuer: "https://login.example.org", clientId: "filet", clientSecret: "", roleClaim: "groups", version: "999" }),
    allow: ADMIN,
  },
];

function verdict(outcome: RouteOutcome): Verdict {
  if (outcome.status === 404) return "deny";
  if (outcome.location?.startsWith("/login")) return "login";
  if (outcome.status >= 500) throw new Error(`server error ${outcome.status}`);
  return "allow";
}

async function run(c: Case, cookie: string | null, method: "GET" | "POST"): Promise<RouteOutcome> {
  return callRoute(c.handler, {
    url: c.url(d),
    params: c.params?.(d),
    cookie,
    method,
    body: method === "POST" ? (c.body?.(d) ?? {}) : undefined,
    context: testContext(handle.db),
  });
}

beforeAll(async () => {
  handle = await createTestDatabase();
  d = await createAuthzDataset(handle.db);
  messageId = await handle.db.transaction((tx) =>
    queueEmail(tx, { to: "someone@a.filet.test", subject: "Invitation", text: "Bonjour", partnershipId: d.tableA }),
  );
  for (const role of fixtureRoles) {
    cookies[role] = await signIn(handle.db, d.people[role].accountId!, role === "platform_admin" ? { activePartnershipId: d.tableA } : {});
  }
  cookies.tableBCoordinator = await signIn(handle.db, d.tableBCoordinator.accountId!);
  const provider = await createIdentityProvider(handle.db, testContext(handle.db).config, systemActor("test", d.tableA), {
    partnershipId: d.tableA,
    organizationId: d.org1,
    issuer: "https://login.example.org",
    clientId: "filet",
    clientSecret: "secret",
    emailDomains: [],
    roleClaim: "groups",
    roleMappings: [],
    defaultRole: null,
    autoCreate: false,
    ssoOnly: false,
    enabled: false,
  });
  if (provider.kind !== "ok") throw new Error("provider not created");
  providerId = provider.value.id;
});

afterAll(async () => {
  await handle.close();
});

const subjects: Subject[] = [...fixtureRoles, "tableBCoordinator"];

describe("role × route matrix (GET)", () => {
  it.each(getCases.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const observed: Record<string, Verdict> = {};
    const expected: Record<string, Verdict> = {};
    for (const subject of subjects) {
      observed[subject] = verdict(await run(c, cookies[subject], "GET"));
      expected[subject] = c.allow.includes(subject) ? "allow" : "deny";
    }
    observed.anonymous = verdict(await run(c, null, "GET"));
    expected.anonymous = "login";
    expect(observed).toEqual(expected);
  });
});

describe("role × route matrix (POST)", () => {
  it.each(postCases.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const observed: Record<string, Verdict> = {};
    const expected: Record<string, Verdict> = {};
    for (const subject of fixtureRoles) {
      observed[subject] = verdict(await run(c, cookies[subject], "POST"));
      expected[subject] = c.allow.includes(subject) ? "allow" : "deny";
    }
    observed.anonymous = verdict(await run(c, null, "POST"));
    expected.anonymous = "login";
    expect(observed).toEqual(expected);
  });
});

describe("isolation between Tables and organizations", () => {
  it("a Table B coordinator gets 404 on Table A's organization, site and person pages", async () => {
    const cookie = cookies.tableBCoordinator;
    const ctx = testContext(handle.db);
    const outcomes = await Promise.all([
      callRoute(organizationPage.loader, { url: `/admin/organizations/${d.org1}`, params: { organizationId: d.org1 }, cookie, context: ctx }),
      callRoute(siteNew.loader, { url: `/admin/organizations/${d.org1}/sites/new`, params: { organizationId: d.org1 }, cookie, context: ctx }),
      callRoute(sitePage.loader, { url: `/admin/sites/${d.site1}`, params: { siteId: d.site1 }, cookie, context: ctx }),
      callRoute(personPage.loader, { url: `/admin/people/${d.personOrg1.personId}`, params: { personId: d.personOrg1.personId }, cookie, context: ctx }),
      callRoute(organizationPage.action, {
        url: `/admin/organizations/${d.org1}`,
        params: { organizationId: d.org1 },
        cookie,
        method: "POST",
        body: { type: "police", nameFr: "Volé", nameEn: "Stolen", languages: ["fr"], version: "1" },
        context: ctx,
      }),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual([404, 404, 404, 404, 404]);
    // …and the same coordinator reaches their own Table's records.
    const own = await callRoute(organizationPage.loader, { url: `/admin/organizations/${d.orgB}`, params: { organizationId: d.orgB }, cookie, context: ctx });
    expect(own.status).toBe(200);
  });

  it("a Table B coordinator cannot place a new person in a Table A organization", async () => {
    const outcome = await callRoute(peopleNew.action, {
      url: "/admin/people/new",
      cookie: cookies.tableBCoordinator,
      body: { [SUBMISSION_KEY_FIELD]: randomUUID(), givenName: "X", familyName: "Y", organizationId: d.org1, languages: ["fr"] },
      context: testContext(handle.db),
    });
    expect(outcome.status).toBe(400);
    expect((outcome.data as { errors: Record<string, string[]> }).errors.organizationId).toEqual(["form.invalid"]);
  });

  it("a pivot coordinator of organization 1 gets 404 on organization 2's person, for reading and writing", async () => {
    const cookie = cookies.pivot_coordinator;
    const ctx = testContext(handle.db);
    const params = { personId: d.personOrg2.personId };
    const read = await callRoute(personPage.loader, { url: `/admin/people/${params.personId}`, params, cookie, context: ctx });
    const write = await callRoute(personPage.action, {
      url: `/admin/people/${params.personId}`,
      params,
      cookie,
      body: { intent: "save", givenName: "Pirate", familyName: "Edit", version: "1", organizationId: d.org1, languages: ["fr"] },
      context: ctx,
    });
    expect([read.status, write.status]).toEqual([404, 404]);
  });

  it("a pivot coordinator's people list shows only their organization", async () => {
    const outcome = await callRoute(people.loader, { url: "/admin/people", cookie: cookies.pivot_coordinator, context: testContext(handle.db) });
    const list = (outcome.data as { people: { id: string; organizationId: string | null }[] }).people;
    expect(list.length).toBeGreaterThan(0);
    expect(new Set(list.map((p) => p.organizationId))).toEqual(new Set([d.org1]));
    expect(list.map((p) => p.id)).not.toContain(d.personOrg2.personId);
  });

  it("a pivot coordinator cannot grant table_coordinator, nor a pivot role in another organization", async () => {
    const ctx = testContext(handle.db);
    const params = { personId: d.personOrg1.personId };
    const grant = (body: Record<string, string>) =>
      callRoute(personPage.action, { url: `/admin/people/${params.personId}`, params, cookie: cookies.pivot_coordinator, body: { intent: "grant", ...body, [SUBMISSION_KEY_FIELD]: randomUUID() }, context: ctx });
    const coordinator = await grant({ role: "table_coordinator", organizationId: "" });
    const elsewhere = await grant({ role: "pivot", organizationId: d.org2 });
    const admin = await grant({ role: "platform_admin", organizationId: "" });
    for (const outcome of [coordinator, elsewhere, admin]) {
      expect(outcome.status).toBe(403);
      expect((outcome.data as { formError: string }).formError).toBe("admin.roles.forbidden");
    }
    // What the pivot coordinator may do: grant "pivot" in their own organization.
    const pivot = await grant({ role: "pivot", organizationId: "" });
    expect(pivot.location).toBe(`/admin/people/${params.personId}?notice=granted`);
  });

  it("a table coordinator cannot grant platform_admin", async () => {
    const params = { personId: d.personOrg1.personId };
    const outcome = await callRoute(personPage.action, {
      url: `/admin/people/${params.personId}`,
      params,
      cookie: cookies.table_coordinator,
      body: { intent: "grant", role: "platform_admin", organizationId: "", [SUBMISSION_KEY_FIELD]: randomUUID() },
      context: testContext(handle.db),
    });
    expect(outcome.status).toBe(403);
  });

  it("audits denied access with the permission and the path", async () => {
    const url = "/admin/people";
    await callRoute(people.loader, { url, cookie: cookies.worker, context: testContext(handle.db) });
    const rows = await handle.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.action, "access.denied"), eq(auditEvent.actorAccountId, d.people.worker.accountId!), eq(auditEvent.targetId, url)));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0]!.details).toMatchObject({ permission: "person.manage", method: "GET" });
  });

  it("a privacy officer reads only their Table's audit events; a platform admin may read all", async () => {
    const ctx = testContext(handle.db);
    const officer = await callRoute(audit.loader, { url: "/admin/audit", cookie: cookies.privacy_officer, context: ctx });
    const events = (officer.data as { events: { partnershipId: string | null }[] }).events;
    expect(events.length).toBeGreaterThan(0);
    expect(new Set(events.map((e) => e.partnershipId))).toEqual(new Set([d.tableA]));
    // The officer's view (and a verification of the chain) is scoped to their Table.
    expect((officer.data as { tableScoped: boolean }).tableScoped).toBe(true);
    // A Table filter in the URL does not widen a privacy officer's view.
    const sneaky = await callRoute(audit.loader, { url: `/admin/audit?table=${d.tableB}`, cookie: cookies.privacy_officer, context: ctx });
    expect(new Set((sneaky.data as { events: { partnershipId: string | null }[] }).events.map((e) => e.partnershipId))).toEqual(new Set([d.tableA]));
    const admin = await callRoute(audit.loader, { url: `/admin/audit?verify=1&table=${d.tableB}`, cookie: cookies.platform_admin, context: ctx });
    const adminData = admin.data as { events: { partnershipId: string | null }[]; chain: { ok: boolean } | null };
    expect(adminData.events.length).toBeGreaterThan(0);
    expect(new Set(adminData.events.map((e) => e.partnershipId))).toEqual(new Set([d.tableB]));
    expect(adminData.chain?.ok).toBe(true);
  });

  it("sends a privileged role that has not passed its second factor to the MFA challenge", async () => {
    const cookie = await signIn(handle.db, d.people.table_coordinator.accountId!, { mfaPassed: false });
    const outcome = await callRoute(people.loader, { url: "/admin/people", cookie, context: testContext(handle.db) });
    expect(outcome.location).toBe("/login/mfa");
  });
});
