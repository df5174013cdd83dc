import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { DatabaseHandle } from "../../app/modules/db/client.server.ts";
import { auditEvent } from "../../app/modules/audit/tables.ts";
import { systemActor } from "../../app/modules/audit/record-audit-event.server.ts";
import { roleAssignment } from "../../app/modules/people/tables.ts";
import { partnerDelegateTerm } from "../../app/modules/partners/tables.ts";
import { SUBMISSION_KEY_FIELD } from "../../app/modules/forms/submission-field.ts";
import { grantRole } from "../../app/modules/people/grant-role.server.ts";
import { revokeRole } from "../../app/modules/people/revoke-role.server.ts";
import * as personPage from "../../app/routes/admin/people.$personId.tsx";
import * as delegatesRoute from "../../app/routes/partners/$organizationId.delegates.tsx";
import { delegateTermEffects } from "../../app/modules/partners/role-terms.server.ts";
import { createTestDatabase, testContext } from "../support/test-db.ts";
import { callRoute, createAuthzDataset, createPerson, signIn, type AuthzDataset, type FixturePerson } from "../support/fixtures.ts";
import { quebecDay } from "../../app/modules/time/days.ts";

/**
 * Delegate terms follow the table_member role: granting it opens a "delegate" term (unless one is
 * open), revoking it ends the open term — in the same transaction as the grant or revocation, audited.
 */
let handle: DatabaseHandle;
let ds: AuthzDataset;
let coordinator: string;
const today = quebecDay();

const ctx = () => testContext(handle.db);
const terms = (personId: string) => handle.db.select().from(partnerDelegateTerm).where(eq(partnerDelegateTerm.personId, personId));
const grant = async (target: FixturePerson, organizationId: string) =>
  callRoute(personPage.action, {
    url: `/admin/people/${target.personId}`,
    params: { personId: target.personId },
    cookie: coordinator,
    // The grant form carries its submission key (SubmissionKey), as the page sends it.
    body: { intent: "grant", role: "table_member", organizationId, [SUBMISSION_KEY_FIELD]: randomUUID() },
    context: ctx(),
  });
const revoke = async (target: FixturePerson, assignmentId: string) =>
  callRoute(personPage.action, { url: `/admin/people/${target.personId}`, params: { personId: target.personId }, cookie: coordinator, body: { intent: "revoke", assignmentId }, context: ctx() });
const activeAssignment = async (personId: string) =>
  (await handle.db.select().from(roleAssignment).where(and(eq(roleAssignment.personId, personId), eq(roleAssignment.role, "table_member"), isNull(roleAssignment.revokedAt))))[0];

beforeAll(async () => {
  handle = await createTestDatabase();
  ds = await createAuthzDataset(handle.db);
  coordinator = await signIn(handle.db, ds.people.table_coordinator.accountId!, { activePartnershipId: ds.tableA });
});
afterAll(async () => {
  await handle?.close();
});

describe("granting and revoking the delegate role", () => {
  it("granting table_member opens a delegate term today, audited with the grant", async () => {
    const target = await createPerson(handle.db, { partnershipId: ds.tableA, organizationId: ds.org2, account: false, givenName: "Nadia" });
    const res = await grant(target, ds.org2);
    expect(res.status, JSON.stringify(res.data)).toBe(302);
    const rows = await terms(target.personId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ organizationId: ds.org2, partnershipId: ds.tableA, kind: "delegate", since: today, until: null });
    const [granted] = await handle.db.select().from(auditEvent).where(and(eq(auditEvent.action, "role.granted"), eq(auditEvent.targetId, target.personId)));
    expect(granted!.details).toMatchObject({ role: "table_member", delegateTermOpened: rows[0]!.id });
    const [added] = await handle.db.select().from(auditEvent).where(and(eq(auditEvent.action, "partner.delegate_term.added"), eq(auditEvent.targetId, rows[0]!.id)));
    expect(added!.details).toMatchObject({ personId: target.personId, kind: "delegate", since: today, via: "role.granted" });
    expect(added!.requestId).toBe(granted!.requestId);

    // Revoking ends the open term today, audited with the revocation.
    const assignment = await activeAssignment(target.personId);
    expect((await revoke(target, assignment!.id)).status).toBe(302);
    const [ended] = await terms(target.personId);
    expect(ended!.until).toBe(today);
    const [revoked] = await handle.db.select().from(auditEvent).where(and(eq(auditEvent.action, "role.revoked"), eq(auditEvent.targetId, target.personId)));
    expect(revoked!.details).toMatchObject({ role: "table_member", delegateTermEnded: ended!.id });
    expect(await handle.db.select().from(auditEvent).where(and(eq(auditEvent.action, "partner.delegate_term.ended"), eq(auditEvent.targetId, ended!.id)))).toHaveLength(1);
  });

  it("does not open a second term when one is already open for that person and organization", async () => {
    const target = await createPerson(handle.db, { partnershipId: ds.tableA, organizationId: ds.org1, account: false, givenName: "Omar" });
    await handle.db.insert(partnerDelegateTerm).values({ partnershipId: ds.tableA, organizationId: ds.org1, personId: target.personId, kind: "delegate", since: "2024-09-01" });
    expect((await grant(target, ds.org1)).status).toBe(302);
    const rows = await terms(target.personId);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.since).toBe("2024-09-01");
  });

  it("other roles leave the terms alone; a refused grant writes nothing", async () => {
    const target = await createPerson(handle.db, { partnershipId: ds.tableA, organizationId: ds.org1, account: false, givenName: "Paule" });
    const res = await callRoute(personPage.action, {
      url: `/admin/people/${target.personId}`,
      params: { personId: target.personId },
      cookie: coordinator,
      body: { intent: "grant", role: "pivot", organizationId: ds.org1, [SUBMISSION_KEY_FIELD]: randomUUID() },
      context: ctx(),
    });
    expect(res.status).toBe(302);
    expect(await terms(target.personId)).toHaveLength(0);
    // A pivot coordinator may not grant table_member: refused, no term.
    const refused = await grantRole(handle.db, systemActor("test", ds.tableA), {
      granterRoles: [{ role: "pivot_coordinator", partnershipId: ds.tableA, organizationId: ds.org1 }],
      partnershipId: ds.tableA,
      organizationIds: [ds.org1],
      personId: target.personId,
      role: "table_member",
      organizationId: ds.org1,
    }, delegateTermEffects);
    expect(refused).toBe("forbidden");
    expect(await terms(target.personId)).toHaveLength(0);
  });

  it("a term opened earlier by hand is the one a revocation ends", async () => {
    const target = await createPerson(handle.db, { partnershipId: ds.tableA, organizationId: ds.org1, account: false, givenName: "Rémi", roles: [{ role: "table_member" }] });
    await handle.db.insert(partnerDelegateTerm).values({ partnershipId: ds.tableA, organizationId: ds.org1, personId: target.personId, kind: "delegate", since: "2023-01-15" });
    // A substitute term of the same person stays open: only the delegate term follows the role.
    await handle.db.insert(partnerDelegateTerm).values({ partnershipId: ds.tableA, organizationId: ds.org1, personId: target.personId, kind: "substitute", since: "2022-01-15" });
    const assignment = await activeAssignment(target.personId);
    const result = await revokeRole(handle.db, systemActor("test", ds.tableA), {
      granterRoles: [{ role: "table_coordinator", partnershipId: ds.tableA, organizationId: null }],
      partnershipId: ds.tableA,
      organizationIds: "all",
      personId: target.personId,
      assignmentId: assignment!.id,
    }, delegateTermEffects);
    expect(result).toBe("ok");
    const rows = await terms(target.personId);
    expect(rows.find((r) => r.kind === "delegate")!.until).toBe(today);
    expect(rows.find((r) => r.kind === "substitute")!.until).toBeNull();
  });

  it("the delegates screen says terms follow the role", async () => {
    const page = await callRoute(delegatesRoute.loader, { url: `/partners/${ds.org1}/delegates`, params: { organizationId: ds.org1 }, cookie: coordinator, context: ctx() });
    expect(page.status).toBe(200);
    const { fr } = await import("../../app/i18n/messages/partners.ts");
    expect(fr["partners.delegates.intro"]).toContain("ouvre");
  });
});
