import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, isNull } from "drizzle-orm";
import { createTestDatabase, countRows } from "../../../tests/support/test-db.ts";
import { createAuthzDataset, createPerson as fixturePerson, createSite, type AuthzDataset } from "../../../tests/support/fixtures.ts";
import type { DatabaseHandle } from "../db/client.server.ts";
import type { AuditActor } from "../audit/record-audit-event.server.ts";
import { auditEvent } from "../audit/tables.ts";
import type { HeldRole } from "../authz/decide.ts";
import { roleAssignment } from "./tables.ts";
import { canManageAccountOf } from "./account-guard.ts";
import { getPerson } from "./get-person.server.ts";
import { grantRole } from "./grant-role.server.ts";
import { listPeople } from "./list-people.server.ts";
import { personSchema } from "./person-schema.ts";
import { revokeRole } from "./revoke-role.server.ts";
import { createPerson, updatePerson } from "./save-person.server.ts";
import { foldText } from "./search-text.ts";
import type { RoleChange, RoleEffects } from "./role-effects.ts";
import type { Reindex } from "../governance/reindex.ts";

/**
 * People knows no feature: the role effects and the directory's reindex are passed in. Here they
 * record what they were asked, so the tests check that people hands every change over (the
 * partners' and the directory's own tests check what those do with it).
 */
const changes: Array<["granted" | "revoked", RoleChange]> = [];
const effects: RoleEffects = {
  granted: async (_tx, _actor, change) => (changes.push(["granted", change]), { followed: change.role }),
  revoked: async (_tx, _actor, change) => (changes.push(["revoked", change]), {}),
};
const reindexed: Array<Parameters<Reindex>[1]> = [];
const refreshDirectorySearchText: Reindex = async (_tx, changed) => reindexed.push(changed);

let handle: DatabaseHandle;
let d: AuthzDataset;

const actorFor = (accountId: string | null, partnershipId: string | null): AuditActor => ({
  accountId,
  role: "test",
  organizationId: null,
  partnershipId,
  requestId: "req-people",
  ip: "198.51.100.4",
});

const coordinatorRoles = (): HeldRole[] => [{ role: "table_coordinator", partnershipId: d.tableA, organizationId: null }];
const pivotCoordinatorRoles = (): HeldRole[] => [{ role: "pivot_coordinator", partnershipId: d.tableA, organizationId: d.org1 }];
const adminRoles: HeldRole[] = [{ role: "platform_admin", partnershipId: null, organizationId: null }];

beforeAll(async () => {
  handle = await createTestDatabase();
  d = await createAuthzDataset(handle.db);
});
afterAll(async () => {
  await handle.close();
});

const entry = (overrides: Record<string, unknown> = {}) =>
  personSchema.parse({ givenName: "Hélène", familyName: "Côté", email: " Helene.Cote@CJQ.qc.ca ", languages: ["fr"], ...overrides });

describe("person form", () => {
  it("lower-cases the email, refuses a bad one, and requires names", () => {
    expect(entry().email).toBe("helene.cote@cjq.qc.ca");
    const bad = personSchema.safeParse({ givenName: "", familyName: "", email: "pas-un-courriel", languages: ["fr"] });
    const fields = Object.fromEntries(bad.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(fields).toMatchObject({ givenName: "form.required", familyName: "form.required", email: "admin.person.emailInvalid" });
  });
});

describe("creating and editing people", () => {
  it("creates once per form id, audited, and a pivot coordinator only in their organization", async () => {
    const actor = actorFor(d.people.pivot_coordinator.accountId, d.tableA);
    const scope = { partnershipId: d.tableA, organizationIds: [d.org1] };
    const formId = randomUUID();
    const before = await countRows(handle.db, "person");
    const first = await createPerson(handle.db, actor, { ...entry({ organizationId: d.org1 }), ...scope, formId });
    const second = await createPerson(handle.db, actor, { ...entry({ organizationId: d.org1 }), ...scope, formId });
    expect(first).toEqual({ ok: true, id: formId });
    expect(second).toEqual({ ok: true, id: formId });
    expect(await countRows(handle.db, "person")).toBe(before + 1);
    const events = await handle.db.select().from(auditEvent).where(and(eq(auditEvent.action, "person.created"), eq(auditEvent.targetId, formId)));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ partnershipId: d.tableA, organizationId: d.org1, actorAccountId: d.people.pivot_coordinator.accountId });

    const otherOrg = await createPerson(handle.db, actor, { ...entry({ organizationId: d.org2 }), ...scope, formId: randomUUID() });
    expect(otherOrg).toEqual({ ok: false, errors: { organizationId: ["form.invalid"] } });
    const noOrg = await createPerson(handle.db, actor, { ...entry(), ...scope, formId: randomUUID() });
    expect(noOrg).toEqual({ ok: false, errors: { organizationId: ["form.required"] } });
  });

  it("refuses a site of another organization and an organization of another Table", async () => {
    const actor = actorFor(null, d.tableA);
    const scope = { partnershipId: d.tableA, organizationIds: "all" as const };
    const wrongSite = await createPerson(handle.db, actor, { ...entry({ organizationId: d.org1, siteId: d.site2 }), ...scope, formId: randomUUID() });
    expect(wrongSite).toEqual({ ok: false, errors: { siteId: ["admin.person.siteNotInOrganization"] } });
    const otherTable = await createPerson(handle.db, actor, { ...entry({ organizationId: d.orgB }), ...scope, formId: randomUUID() });
    expect(otherTable).toEqual({ ok: false, errors: { organizationId: ["form.invalid"] } });
  });

  it("edits with a version check; outside the scope is not found; the audit row records the move", async () => {
    const actor = actorFor(d.people.table_coordinator.accountId, d.tableA);
    const target = await fixturePerson(handle.db, { partnershipId: d.tableA, organizationId: d.org1, account: false });
    const scope = { partnershipId: d.tableA, organizationIds: "all" as const };
    const edit = entry({ organizationId: d.org2, title: "Enquêteuse" });
    expect(await updatePerson(handle.db, actor, { ...edit, ...scope, personId: target.personId, version: 1 }, refreshDirectorySearchText)).toEqual({ ok: true, id: target.personId });
    expect(await updatePerson(handle.db, actor, { ...edit, ...scope, personId: target.personId, version: 1 }, refreshDirectorySearchText)).toEqual({ ok: false, error: "conflict" });
    expect(
      await updatePerson(handle.db, actor, { ...edit, partnershipId: d.tableA, organizationIds: [d.org1], personId: target.personId, version: 2 }, refreshDirectorySearchText),
    ).toEqual({ ok: false, error: "not_found" });
    expect(await updatePerson(handle.db, actor, { ...edit, partnershipId: d.tableB, organizationIds: "all", personId: target.personId, version: 2 }, refreshDirectorySearchText)).toEqual({
      ok: false,
      error: "not_found",
    });
    const [event] = await handle.db.select().from(auditEvent).where(and(eq(auditEvent.action, "person.updated"), eq(auditEvent.targetId, target.personId)));
    expect(event?.details).toMatchObject({ fromOrganizationId: d.org1 });
  });
});

describe("listing people", () => {
  it("finds people accent- and case-insensitively, by name or email, within the scope", async () => {
    await fixturePerson(handle.db, { partnershipId: d.tableA, organizationId: d.org2, givenName: "Éloïse", familyName: "Bélanger", email: "eloise.b@spvq.test", account: false });
    const all = { partnershipId: d.tableA, organizationIds: "all" as const };
    expect((await listPeople(handle.db, { ...all, q: "eloise belanger" })).people.map((p) => p.familyName)).toEqual(["Bélanger"]);
    expect((await listPeople(handle.db, { ...all, q: "BELANGER" })).total).toBe(1);
    expect((await listPeople(handle.db, { ...all, q: "spvq.test" })).total).toBe(1);
    expect((await listPeople(handle.db, { ...all, q: "%" })).total).toBe(0);
    expect((await listPeople(handle.db, { partnershipId: d.tableA, organizationIds: [d.org1], q: "belanger" })).total).toBe(0);
    expect((await listPeople(handle.db, { partnershipId: d.tableB, organizationIds: "all", q: "belanger" })).total).toBe(0);
  });

  it("filters by organization and role and paginates", async () => {
    const all = { partnershipId: d.tableA, organizationIds: "all" as const };
    const pivots = await listPeople(handle.db, { ...all, role: "pivot" });
    expect(pivots.people.map((p) => p.id)).toEqual([d.people.pivot.personId]);
    expect(pivots.people[0]?.roles).toEqual(["pivot"]);
    expect(pivots.people[0]?.accountStatus).toBe("active");
    const org2 = await listPeople(handle.db, { ...all, organizationId: d.org2 });
    expect(org2.people.every((p) => p.organizationId === d.org2)).toBe(true);
    const page1 = await listPeople(handle.db, { ...all, pageSize: 3, page: 1 });
    const page2 = await listPeople(handle.db, { ...all, pageSize: 3, page: 2 });
    expect(page1.pages).toBe(Math.ceil(page1.total / 3));
    expect(page1.people).toHaveLength(3);
    expect(new Set([...page1.people, ...page2.people].map((p) => p.id)).size).toBe(page1.people.length + page2.people.length);
    expect((await listPeople(handle.db, { ...all, pageSize: 3, page: 999 })).page).toBe(page1.pages);
  });

  it("folds accents the same way in JavaScript", () => {
    expect(foldText("Hélène Côté-Ébert")).toBe("helene cote-ebert");
  });
});

describe("granting and revoking roles", () => {
  it("a pivot coordinator grants pivot or worker in their own organization only", async () => {
    const actor = actorFor(d.people.pivot_coordinator.accountId, d.tableA);
    const target = await fixturePerson(handle.db, { partnershipId: d.tableA, organizationId: d.org1, account: false });
    const base = { granterRoles: pivotCoordinatorRoles(), partnershipId: d.tableA, organizationIds: [d.org1], personId: target.personId };
    expect(await grantRole(handle.db, actor, { ...base, role: "pivot", organizationId: null }, effects)).toBe("ok");
    expect(await grantRole(handle.db, actor, { ...base, role: "pivot", organizationId: null }, effects)).toBe("already_held");
    expect(await grantRole(handle.db, actor, { ...base, role: "pivot", organizationId: d.org2 }, effects)).toBe("forbidden");
    expect(await grantRole(handle.db, actor, { ...base, role: "table_coordinator", organizationId: null }, effects)).toBe("forbidden");
    expect(await grantRole(handle.db, actor, { ...base, role: "platform_admin", organizationId: null }, effects)).toBe("forbidden");
    expect(await grantRole(handle.db, actor, { ...base, role: "pivot", organizationId: d.orgB }, effects)).toBe("organization_invalid");
    const other = await fixturePerson(handle.db, { partnershipId: d.tableA, organizationId: d.org2, account: false });
    expect(await grantRole(handle.db, actor, { ...base, personId: other.personId, role: "worker", organizationId: null }, effects)).toBe("not_found");
    const held = await handle.db.select().from(roleAssignment).where(eq(roleAssignment.personId, target.personId));
    expect(held.map((r) => [r.role, r.organizationId, r.grantedBy])).toEqual([["pivot", d.org1, d.people.pivot_coordinator.accountId]]);
    const [event] = await handle.db.select().from(auditEvent).where(and(eq(auditEvent.action, "role.granted"), eq(auditEvent.targetId, target.personId)));
    expect(event?.details).toMatchObject({ role: "pivot", scopePartnershipId: d.tableA, scopeOrganizationId: d.org1, followed: "pivot" });
    // Only the grant that took place was handed to the effects, in its transaction's audit event.
    expect(changes.filter(([, c]) => c.personId === target.personId)).toEqual([["granted", { role: "pivot", partnershipId: d.tableA, organizationId: d.org1, personId: target.personId }]]);
  });

  it("only a platform admin grants platform_admin; organization roles need an organization", async () => {
    const target = await fixturePerson(handle.db, { partnershipId: d.tableA, organizationId: null, account: false });
    const coordinator = { granterRoles: coordinatorRoles(), partnershipId: d.tableA, organizationIds: "all" as const, personId: target.personId };
    expect(await grantRole(handle.db, actorFor(null, d.tableA), { ...coordinator, role: "platform_admin", organizationId: null }, effects)).toBe("forbidden");
    expect(await grantRole(handle.db, actorFor(null, d.tableA), { ...coordinator, role: "pivot", organizationId: null }, effects)).toBe("organization_required");
    expect(await grantRole(handle.db, actorFor(null, d.tableA), { ...coordinator, role: "privacy_officer", organizationId: d.org1 }, effects)).toBe("ok");
    expect(await grantRole(handle.db, actorFor(null, null), { ...coordinator, granterRoles: adminRoles, role: "platform_admin", organizationId: null }, effects)).toBe("ok");
    const held = await handle.db.select().from(roleAssignment).where(eq(roleAssignment.personId, target.personId));
    // Table-wide roles name no organization; platform_admin belongs to no Table.
    expect(held.map((r) => [r.role, r.partnershipId, r.organizationId]).sort()).toEqual([
      ["platform_admin", null, null],
      ["privacy_officer", d.tableA, null],
    ]);
  });

  it("revokes by setting revoked_at, keeps the history, and refuses what the revoker could not grant", async () => {
    const target = await fixturePerson(handle.db, { partnershipId: d.tableA, organizationId: d.org1, account: false, roles: [{ role: "pivot" }, { role: "table_member" }] });
    const rows = await handle.db.select().from(roleAssignment).where(eq(roleAssignment.personId, target.personId));
    const pivot = rows.find((r) => r.role === "pivot")!;
    const delegate = rows.find((r) => r.role === "table_member")!;
    const actor = actorFor(d.people.pivot_coordinator.accountId, d.tableA);
    const base = { granterRoles: pivotCoordinatorRoles(), partnershipId: d.tableA, organizationIds: [d.org1], personId: target.personId };
    expect(await revokeRole(handle.db, actor, { ...base, assignmentId: delegate.id }, effects)).toBe("forbidden");
    expect(await revokeRole(handle.db, actor, { ...base, assignmentId: pivot.id }, effects)).toBe("ok");
    expect(await revokeRole(handle.db, actor, { ...base, assignmentId: pivot.id }, effects)).toBe("ok");
    expect(await revokeRole(handle.db, actor, { ...base, assignmentId: randomUUID() }, effects)).toBe("not_found");
    const detail = await getPerson(handle.db, { partnershipId: d.tableA, organizationIds: [d.org1], personId: target.personId });
    const history = detail!.roles.find((r) => r.id === pivot.id)!;
    expect(history.revokedAt).toBeInstanceOf(Date);
    expect(history.revokedByEmail).toBe(d.people.pivot_coordinator.email);
    const active = await handle.db
      .select()
      .from(roleAssignment)
      .where(and(eq(roleAssignment.personId, target.personId), isNull(roleAssignment.revokedAt)));
    expect(active.map((r) => r.role)).toEqual(["table_member"]);
    const events = await handle.db.select().from(auditEvent).where(and(eq(auditEvent.action, "role.revoked"), eq(auditEvent.targetId, target.personId)));
    expect(events).toHaveLength(1);
    expect(events[0]?.details).toMatchObject({ role: "pivot", scopeOrganizationId: d.org1 });
  });

  it("a platform admin cannot revoke their own admin role (no lock-out by mistake)", async () => {
    const admin = await fixturePerson(handle.db, { partnershipId: d.tableA, organizationId: d.org1, roles: [{ role: "platform_admin" }] });
    const [assignment] = await handle.db.select().from(roleAssignment).where(eq(roleAssignment.personId, admin.personId));
    const input = { granterRoles: adminRoles, partnershipId: d.tableA, organizationIds: "all" as const, personId: admin.personId, assignmentId: assignment!.id };
    expect(await revokeRole(handle.db, actorFor(admin.accountId, d.tableA), input, effects)).toBe("own_admin_role");
    // Another admin may.
    expect(await revokeRole(handle.db, actorFor(d.people.platform_admin.accountId, d.tableA), input, effects)).toBe("ok");
  });
});

describe("who may manage an account", () => {
  it("requires being able to grant every active role of the person", () => {
    const pivotHolder = [{ role: "pivot" as const, partnershipId: d.tableA, organizationId: d.org1, revokedAt: null }];
    const coordinatorHolder = [{ role: "table_coordinator" as const, partnershipId: d.tableA, organizationId: null, revokedAt: null }];
    const revokedCoordinator = [{ ...coordinatorHolder[0]!, revokedAt: new Date() }];
    expect(canManageAccountOf(pivotCoordinatorRoles(), pivotHolder)).toBe(true);
    expect(canManageAccountOf(pivotCoordinatorRoles(), coordinatorHolder)).toBe(false);
    expect(canManageAccountOf(pivotCoordinatorRoles(), revokedCoordinator)).toBe(true);
    expect(canManageAccountOf(coordinatorRoles(), [{ role: "platform_admin", partnershipId: null, organizationId: null, revokedAt: null }])).toBe(false);
  });
});

describe("sites in people's placement", () => {
  it("accepts a site of the chosen organization", async () => {
    const siteId = await createSite(handle.db, { partnershipId: d.tableA, organizationId: d.org2, name: "Poste de quartier 2" });
    const result = await createPerson(handle.db, actorFor(null, d.tableA), {
      ...entry({ organizationId: d.org2, siteId }),
      partnershipId: d.tableA,
      organizationIds: "all",
      formId: randomUUID(),
    });
    expect(result.ok).toBe(true);
  });
});
