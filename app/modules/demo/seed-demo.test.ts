import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { countRows, createTestDatabase } from "../../../tests/support/test-db.ts";
import type { DatabaseHandle } from "../db/client.server.ts";
import { auditEvent } from "../audit/tables.ts";
import { verifyAuditChain } from "../audit/verify-audit-chain.server.ts";
import { organization, partnership, site } from "../governance/tables.ts";
import { account } from "../identity/tables.ts";
import { person, roleAssignment } from "../people/tables.ts";
import { verifyPassword } from "../identity/password.server.ts";
import { DEMO_PASSWORD, demoAccounts, seedDemo } from "./seed-demo.server.ts";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
  await seedDemo(handle.db);
});
afterAll(async () => {
  await handle.close();
});

/** The real people the seeds name (presenters and the researcher): none may appear in the demo. */
const realNames = [
  ["Sylvie", "Girard"],
  ["Gervais", "Guérin"],
  ["Nathalie", "Thériault"],
  ["Geneviève", "Quinty"],
  ["Michel", "Dorais"],
];

/** shared/seeds sits beside the clone (as in CI); the list above must come from it. */
const seedsDir = fileURLToPath(new URL("../../../../shared/seeds", import.meta.url));

const expectedRoles: Record<string, string[]> = {
  "admin@filet.test": ["platform_admin"],
  "coordination@filet.test": ["table_coordinator", "table_member"],
  "pivot.cjq@filet.test": ["pivot"],
  "delegue.cjq@filet.test": ["table_member"],
  "coord-pivots.spvq@filet.test": ["pivot", "pivot_coordinator"],
  "intervenant.ecole@filet.test": ["worker"],
  "formateur.pipq@filet.test": ["trainer"],
  "valerie.poulin@filet.test": ["observer"],
  "evaluation@filet.test": ["evaluator"],
  "vie-privee@filet.test": ["privacy_officer"],
  "coordination.ca@filet.test": ["table_coordinator", "table_member"],
  "aiprp.spvq@filet.test": ["privacy_officer"],
  "catherine.roy@filet.test": ["pivot_coordinator", "table_member"],
};

async function accountOf(email: string) {
  const [row] = await handle.db
    .select({
      id: account.id,
      status: account.status,
      passwordHash: account.passwordHash,
      personId: person.id,
      partnershipId: person.partnershipId,
      organizationId: person.organizationId,
      siteId: person.siteId,
    })
    .from(account)
    .innerJoin(person, eq(person.id, account.personId))
    .where(eq(account.email, email));
  return row;
}

async function orgId(acronym: string) {
  const [row] = await handle.db.select({ id: organization.id }).from(organization).where(eq(organization.acronym, acronym));
  expect(row, acronym).toBeDefined();
  return row!.id;
}

describe("demo data", () => {
  it("creates every demo account, active, with its roles", async () => {
    expect(demoAccounts.map((a) => a.email).sort()).toEqual(Object.keys(expectedRoles).sort());
    for (const [email, roles] of Object.entries(expectedRoles)) {
      const row = await accountOf(email);
      expect(row, email).toBeDefined();
      expect(row!.status).toBe("active");
      const held = await handle.db
        .select({ role: roleAssignment.role, organizationId: roleAssignment.organizationId, partnershipId: roleAssignment.partnershipId })
        .from(roleAssignment)
        .where(eq(roleAssignment.personId, row!.personId));
      expect(held.map((h) => h.role).sort(), email).toEqual(roles);
    }
    const [admin] = await handle.db.select().from(account).where(eq(account.email, "admin@filet.test"));
    expect(await verifyPassword(admin!.passwordHash!, DEMO_PASSWORD)).toBe(true);
    expect(admin!.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it("scopes each persona to the right Table and organization", async () => {
    const [quebec] = await handle.db.select().from(partnership).where(eq(partnership.slug, "quebec"));
    const [ca] = await handle.db.select().from(partnership).where(eq(partnership.slug, "chaudiere-appalaches"));
    expect(quebec?.nameFr).toContain("Capitale-Nationale");
    expect(quebec?.foundedOn).toMatch(/^2007-/);
    expect(ca).toBeDefined();

    const admin = await accountOf("admin@filet.test");
    expect(admin?.partnershipId).toBeNull();
    expect((await accountOf("coordination@filet.test"))?.partnershipId).toBe(quebec!.id);
    expect((await accountOf("coordination.ca@filet.test"))?.partnershipId).toBe(ca!.id);

    expect((await accountOf("pivot.cjq@filet.test"))?.organizationId).toBe(await orgId("CJQ-IU"));
    const spvq = await accountOf("coord-pivots.spvq@filet.test");
    expect(spvq?.organizationId).toBe(await orgId("SPVQ"));
    const roles = await handle.db.select().from(roleAssignment).where(eq(roleAssignment.personId, spvq!.personId));
    for (const r of roles) expect(r.organizationId).toBe(spvq!.organizationId);

    const worker = await accountOf("intervenant.ecole@filet.test");
    expect(worker?.siteId).toBeTruthy();
    const [school] = await handle.db.select().from(site).where(eq(site.id, worker!.siteId!));
    expect(school?.kind).toMatch(/École/);
    expect((await accountOf("evaluation@filet.test"))?.organizationId).toBe(await orgId("JEFAR"));
  });

  it("holds the seeds' organizations, with join dates, domains and sites", async () => {
    const [quebec] = await handle.db.select().from(partnership).where(eq(partnership.slug, "quebec"));
    const orgs = await handle.db.select().from(organization).where(eq(organization.partnershipId, quebec!.id));
    expect(orgs.map((o) => o.acronym).sort()).toEqual(
      ["ASSS", "CJQ-IU", "CQSB", "CSDC", "CSDD", "CSPS", "CSSS QN", "CSSS VC", "JEFAR", "PIPQ", "SPVQ", "TRAIC"].sort(),
    );
    for (const o of orgs) {
      expect(o.mission.length, o.acronym).toBeGreaterThan(20);
      expect(o.emailDomains.length, o.acronym).toBeGreaterThan(0);
    }
    const joined2009 = orgs.filter((o) => o.joinedOn?.startsWith("2009")).map((o) => o.acronym).sort();
    expect(joined2009).toEqual(["CQSB", "TRAIC"]);
    expect(orgs.find((o) => o.acronym === "CJQ-IU")?.emailDomains).toContain("cjq.qc.ca");
    const kinds = (await handle.db.select({ kind: site.kind }).from(site)).map((s) => s.kind);
    expect(kinds).toEqual(expect.arrayContaining(["CLSC", "École secondaire", "Poste de police"]));
    const people = await handle.db.select().from(person).where(eq(person.partnershipId, quebec!.id));
    expect(people.some((p) => p.givenName === "Hélène")).toBe(true);
    const levis = await handle.db.select().from(site).where(eq(site.municipality, "Lévis"));
    expect(levis.some((s) => s.partnershipId === quebec!.id)).toBe(true);
  });

  it.skipIf(!fs.existsSync(seedsDir))("lists the real names the seeds contain", () => {
    const text = fs
      .readdirSync(seedsDir)
      .map((f) => fs.readFileSync(path.join(seedsDir, f), "utf8"))
      .join("\n");
    for (const [given, family] of realNames) expect(text).toContain(`${given} ${family}`);
  });

  it("uses fictional people only", async () => {
    const people = await handle.db.select({ g: person.givenName, f: person.familyName, t: person.title }).from(person);
    expect(people.length).toBeGreaterThan(15);
    for (const [given, family] of realNames) {
      for (const p of people) {
        expect(`${p.g} ${p.f}`).not.toBe(`${given} ${family}`);
        expect(p.f, `${p.g} ${p.f}`).not.toBe(family);
        expect(p.t).not.toContain(family!);
      }
    }
    for (const p of await handle.db.select({ phone: person.phone, email: person.email }).from(person)) {
      if (p.phone) expect(p.phone).toMatch(/555-01\d\d$/);
      expect(p.email).toMatch(/@filet\.test$/);
    }
  });

  it("is audited with a valid chain, and seeding again changes nothing", async () => {
    const before = {
      partnerships: await countRows(handle.db, "partnership"),
      people: await countRows(handle.db, "person"),
      accounts: await countRows(handle.db, "account"),
      roles: await countRows(handle.db, "role_assignment"),
      audit: await countRows(handle.db, "audit_event"),
    };
    await seedDemo(handle.db);
    expect({
      partnerships: await countRows(handle.db, "partnership"),
      people: await countRows(handle.db, "person"),
      accounts: await countRows(handle.db, "account"),
      roles: await countRows(handle.db, "role_assignment"),
      audit: await countRows(handle.db, "audit_event"),
    }).toEqual(before);
    const events = await handle.db.select().from(auditEvent).where(eq(auditEvent.action, "demo.seeded"));
    expect(events).toHaveLength(3);
    expect(events.every((e) => e.requestId === "demo-seed" && e.actorRole === "system")).toBe(true);
    expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: true });
  });
});
