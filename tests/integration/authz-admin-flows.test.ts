import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, isNull } from "drizzle-orm";
import { createTestDatabase, testContext } from "../support/test-db.ts";
import { callRoute, createAuthzDataset, createPerson, signIn, type AuthzDataset } from "../support/fixtures.ts";
import type { DatabaseHandle } from "../../app/modules/db/client.server.ts";
import { auditEvent } from "../../app/modules/audit/tables.ts";
import { emailMessage } from "../../app/modules/email/tables.ts";
import { organization } from "../../app/modules/governance/tables.ts";
import { account } from "../../app/modules/identity/tables.ts";
import { roleAssignment } from "../../app/modules/people/tables.ts";
import * as adminHome from "../../app/routes/admin/_index.tsx";
import * as adminTable from "../../app/routes/admin/table.tsx";
import * as organizations from "../../app/routes/admin/organizations.tsx";
import * as organizationPage from "../../app/routes/admin/organizations.$organizationId.tsx";
import * as personPage from "../../app/routes/admin/people.$personId.tsx";
import * as approvals from "../../app/routes/admin/approvals.tsx";

/* What coordinators, pivot coordinators and admins can and cannot do through the admin screens. */

let handle: DatabaseHandle;
let d: AuthzDataset;
let coordinator: string;
let pivotCoordinator: string;
let admin: string;

const ctx = () => testContext(handle.db);
const personUrl = (personId: string) => ({ url: `/admin/people/${personId}`, params: { personId } });

beforeAll(async () => {
  handle = await createTestDatabase();
  d = await createAuthzDataset(handle.db);
  coordinator = await signIn(handle.db, d.people.table_coordinator.accountId!);
  pivotCoordinator = await signIn(handle.db, d.people.pivot_coordinator.accountId!);
  admin = await signIn(handle.db, d.people.platform_admin.accountId!, { activePartnershipId: d.tableA });
});
afterAll(async () => {
  await handle.close();
});

describe("accounts from the person page", () => {
  it("invites a person: account 'invited', an email with a single-use link, an audit event", async () => {
    const target = d.personOrg1;
    const outcome = await callRoute(personPage.action, { ...personUrl(target.personId), cookie: coordinator, body: { intent: "invite" }, context: ctx() });
    expect(outcome.location).toBe(`/admin/people/${target.personId}?notice=invited`);
    const [acc] = await handle.db.select().from(account).where(eq(account.personId, target.personId));
    expect(acc?.status).toBe("invited");
    const mails = await handle.db.select().from(emailMessage).where(eq(emailMessage.toAddress, target.email));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.textBody).toMatch(/\/invitation\/[A-Za-z0-9_-]{20,}/);
    const events = await handle.db.select().from(auditEvent).where(and(eq(auditEvent.action, "account.invited"), eq(auditEvent.targetId, acc!.id)));
    expect(events).toHaveLength(1);
    // The page now shows the account as invited, with a "send again" button.
    const page = await callRoute(personPage.loader, { ...personUrl(target.personId), cookie: coordinator, context: ctx() });
    expect((page.data as { detail: { account: { status: string } } }).detail.account.status).toBe("invited");
  });

  it("asks for an email before inviting", async () => {
    const target = await createPerson(handle.db, { partnershipId: d.tableA, organizationId: d.org1, email: "", account: false });
    const outcome = await callRoute(personPage.action, { ...personUrl(target.personId), cookie: coordinator, body: { intent: "invite" }, context: ctx() });
    expect(outcome.status).toBe(400);
    expect((outcome.data as { formError: string }).formError).toBe("admin.account.emailMissing");
  });

  it("refuses to invite with an address that already belongs to another account", async () => {
    const target = await createPerson(handle.db, { partnershipId: d.tableA, organizationId: d.org1, email: d.people.worker.email, account: false });
    const outcome = await callRoute(personPage.action, { ...personUrl(target.personId), cookie: coordinator, body: { intent: "invite" }, context: ctx() });
    expect(outcome.status).toBe(400);
    expect((outcome.data as { formError: string }).formError).toBe("identity.errors.emailTaken");
    expect(await handle.db.select().from(account).where(eq(account.personId, target.personId))).toHaveLength(0);
  });

  it("deactivation needs the confirmation box, ends the person's sessions, and can be undone", async () => {
    const target = d.people.pivot;
    const pivotSession = await signIn(handle.db, target.accountId!);
    const unconfirmed = await callRoute(personPage.action, { ...personUrl(target.personId), cookie: coordinator, body: { intent: "deactivate" }, context: ctx() });
    expect(unconfirmed.status).toBe(400);
    const done = await callRoute(personPage.action, {
      ...personUrl(target.personId),
      cookie: coordinator,
      body: { intent: "deactivate", confirm: "yes" },
      context: ctx(),
    });
    expect(done.location).toBe(`/admin/people/${target.personId}?notice=deactivated`);
    const [acc] = await handle.db.select().from(account).where(eq(account.id, target.accountId!));
    expect(acc?.status).toBe("deactivated");
    // The pivot's open session no longer works.
    const home = await callRoute(adminHome.loader, { url: "/admin", cookie: pivotSession, context: ctx() });
    expect(home.location).toMatch(/^\/login/);
    const back = await callRoute(personPage.action, { ...personUrl(target.personId), cookie: coordinator, body: { intent: "reactivate" }, context: ctx() });
    expect(back.location).toBe(`/admin/people/${target.personId}?notice=reactivated`);
    const [again] = await handle.db.select().from(account).where(eq(account.id, target.accountId!));
    expect(again?.status).not.toBe("deactivated");
  });

  it("a pivot coordinator cannot deactivate a Table coordinator of their own organization", async () => {
    const target = d.people.table_coordinator; // belongs to organization 1
    const outcome = await callRoute(personPage.action, {
      ...personUrl(target.personId),
      cookie: pivotCoordinator,
      body: { intent: "deactivate", confirm: "yes" },
      context: ctx(),
    });
    expect(outcome.status).toBe(403);
    const [acc] = await handle.db.select().from(account).where(eq(account.id, target.accountId!));
    expect(acc?.status).toBe("active");
    const page = await callRoute(personPage.loader, { ...personUrl(target.personId), cookie: pivotCoordinator, context: ctx() });
    expect((page.data as { canManageAccount: boolean; grantable: string[] }).canManageAccount).toBe(false);
    expect((page.data as { grantable: string[] }).grantable.sort()).toEqual(["pivot", "worker"]);
  });

  it("nobody deactivates their own account from the admin screens", async () => {
    const self = d.people.table_coordinator;
    const outcome = await callRoute(personPage.action, { ...personUrl(self.personId), cookie: coordinator, body: { intent: "deactivate", confirm: "yes" }, context: ctx() });
    expect(outcome.status).toBe(403);
  });

  it("revokes a role from the roles panel and shows it in the history", async () => {
    const target = await createPerson(handle.db, { partnershipId: d.tableA, organizationId: d.org1, account: false, roles: [{ role: "worker" }] });
    const [assignment] = await handle.db.select().from(roleAssignment).where(eq(roleAssignment.personId, target.personId));
    const outcome = await callRoute(personPage.action, {
      ...personUrl(target.personId),
      cookie: pivotCoordinator,
      body: { intent: "revoke", assignmentId: assignment!.id },
      context: ctx(),
    });
    expect(outcome.location).toBe(`/admin/people/${target.personId}?notice=revoked`);
    const page = await callRoute(personPage.loader, { ...personUrl(target.personId), cookie: pivotCoordinator, context: ctx() });
    const roles = (page.data as { detail: { roles: { role: string; revokedAt: Date | null }[] } }).detail.roles;
    expect(roles).toHaveLength(1);
    expect(roles[0]!.revokedAt).toBeInstanceOf(Date);
  });
});

describe("approving self sign-ups", () => {
  it("a pivot coordinator sees and approves their organization's sign-ups only; a second click changes nothing", async () => {
    const mine = await createPerson(handle.db, { partnershipId: d.tableA, organizationId: d.org1, account: { status: "pending_approval" } });
    const theirs = await createPerson(handle.db, { partnershipId: d.tableA, organizationId: d.org2, account: { status: "pending_approval" } });
    const list = await callRoute(approvals.loader, { url: "/admin/approvals", cookie: pivotCoordinator, context: ctx() });
    expect((list.data as { pending: { accountId: string }[] }).pending.map((p) => p.accountId)).toEqual([mine.accountId]);

    const approve = (accountId: string) =>
      callRoute(approvals.action, { url: "/admin/approvals", cookie: pivotCoordinator, body: { intent: "approve", accountId }, context: ctx() });
    expect((await approve(mine.accountId!)).location).toBe("/admin/approvals?notice=approved");
    expect((await approve(mine.accountId!)).location).toBe("/admin/approvals?notice=unavailable");
    expect((await approve(theirs.accountId!)).location).toBe("/admin/approvals?notice=unavailable");

    const [approved] = await handle.db.select().from(account).where(eq(account.id, mine.accountId!));
    const [untouched] = await handle.db.select().from(account).where(eq(account.id, theirs.accountId!));
    expect([approved?.status, untouched?.status]).toEqual(["active", "pending_approval"]);
    const roles = await handle.db
      .select()
      .from(roleAssignment)
      .where(and(eq(roleAssignment.personId, mine.personId), isNull(roleAssignment.revokedAt)));
    expect(roles.map((r) => [r.role, r.organizationId])).toEqual([["worker", d.org1]]);
  });
});

describe("organizations through the routes", () => {
  it("saves the profile with the version, normalizes email domains, and reports a stale version", async () => {
    const url = `/admin/organizations/${d.org2}`;
    const params = { organizationId: d.org2 };
    const body = (version: string) => ({
      type: "police",
      nameFr: "Organisme Deux",
      nameEn: "Organization Two",
      languages: ["fr", "en"],
      otherLanguages: "es",
      emailDomains: "@SPVQ.qc.ca, ville.quebec.qc.ca",
      mission: "Enquêter",
      version,
    });
    const saved = await callRoute(organizationPage.action, { url, params, cookie: coordinator, body: body("1"), context: ctx() });
    expect(saved.location).toBe(`${url}?saved=1`);
    const stale = await callRoute(organizationPage.action, { url, params, cookie: coordinator, body: body("1"), context: ctx() });
    expect(stale.status).toBe(409);
    expect((stale.data as { formError: string }).formError).toBe("form.conflict");
    const invalid = await callRoute(organizationPage.action, { url, params, cookie: coordinator, body: { ...body("2"), emailDomains: "not a domain" }, context: ctx() });
    expect(invalid.status).toBe(400);
    expect((invalid.data as { errors: Record<string, string[]> }).errors.emailDomains).toEqual(["admin.organization.emailDomainsInvalid"]);
    expect((invalid.data as { values: Record<string, unknown> }).values.mission).toBe("Enquêter");
    const [stored] = await handle.db.select().from(organization).where(eq(organization.id, d.org2));
    expect(stored).toMatchObject({ emailDomains: ["spvq.qc.ca", "ville.quebec.qc.ca"], languages: ["fr", "en", "es"], version: 2 });
  });

  it("shows the organization page read-only to its pivot coordinator", async () => {
    const url = `/admin/organizations/${d.org1}`;
    const params = { organizationId: d.org1 };
    const asPivot = await callRoute(organizationPage.loader, { url, params, cookie: pivotCoordinator, context: ctx() });
    const asCoordinator = await callRoute(organizationPage.loader, { url, params, cookie: coordinator, context: ctx() });
    expect((asPivot.data as { canEdit: boolean }).canEdit).toBe(false);
    expect((asCoordinator.data as { canEdit: boolean; sites: unknown[] }).canEdit).toBe(true);
    expect((asCoordinator.data as { sites: { id: string }[] }).sites.map((s) => s.id)).toContain(d.site1);
  });

  it("filters the list by type", async () => {
    const outcome = await callRoute(organizations.loader, { url: "/admin/organizations?type=youth_protection", cookie: coordinator, context: ctx() });
    expect((outcome.data as { organizations: { id: string }[] }).organizations.map((o) => o.id)).toEqual([d.org1]);
  });
});

describe("the admin's current Table", () => {
  it("switches Table for the session, and never redirects off-site", async () => {
    const session = await signIn(handle.db, d.people.platform_admin.accountId!, { activePartnershipId: d.tableA });
    const switched = await callRoute(adminTable.action, {
      url: "/admin/table",
      cookie: session,
      body: { partnershipId: d.tableB, redirectTo: "//evil.example/" },
      context: ctx(),
    });
    expect(switched.location).toBe("/admin");
    const list = await callRoute(organizations.loader, { url: "/admin/organizations", cookie: session, context: ctx() });
    expect((list.data as { organizations: { id: string }[] }).organizations.map((o) => o.id)).toEqual([d.orgB]);
    const unknown = await callRoute(adminTable.action, { url: "/admin/table", cookie: session, body: { partnershipId: "../etc" }, context: ctx() });
    expect(unknown.status).toBe(404);
  });

  it("offers each user only the sections they may open", async () => {
    const sections = async (cookie: string) =>
      ((await callRoute(adminHome.loader, { url: "/admin", cookie, context: ctx() })).data as { sections: string[]; ownOrganizations: { id: string }[] });
    expect((await sections(admin)).sections).toEqual(["tables", "settings", "organizations", "people", "approvals", "audit", "outbox", "identityProviders"]);
    expect((await sections(coordinator)).sections).toEqual(["settings", "organizations", "people", "approvals"]);
    const pivot = await sections(pivotCoordinator);
    expect(pivot.sections).toEqual(["people", "approvals"]);
    expect(pivot.ownOrganizations.map((o) => o.id)).toEqual([d.org1]);
    const officer = await signIn(handle.db, d.people.privacy_officer.accountId!);
    expect((await sections(officer)).sections).toEqual(["audit"]);
  });
});
