import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { createTestDatabase, countRows } from "../../../tests/support/test-db.ts";
import { createOrganization as fixtureOrganization, createPartnership as fixturePartnership } from "../../../tests/support/fixtures.ts";
import type { DatabaseHandle } from "../db/client.server.ts";
import { auditEvent } from "../audit/tables.ts";
import { verifyAuditChain } from "../audit/verify-audit-chain.server.ts";
import type { AuditActor } from "../audit/record-audit-event.server.ts";
import { organizationSchema, parseEmailDomains } from "./organization-schema.ts";
import { partnershipSchema } from "./partnership-schema.ts";
import { createOrganization, updateOrganization } from "./save-organization.server.ts";
import { createPartnership, updatePartnership } from "./save-partnership.server.ts";
import { createSite, updateSite } from "./save-site.server.ts";
import { getOrganization } from "./get-organization.server.ts";
import { listOrganizations } from "./list-organizations.server.ts";
import { siteSchema } from "./site-schema.ts";
import { organization } from "./tables.ts";
import type { Reindex } from "./reindex.ts";

/** Governance knows no directory: the reindex is passed in; here it records what it was asked. */
const reindexed: Array<Parameters<Reindex>[1]> = [];
const refreshDirectorySearchText: Reindex = async (_tx, changed) => reindexed.push(changed);

let handle: DatabaseHandle;
const actor: AuditActor = { accountId: null, role: "platform_admin", organizationId: null, partnershipId: null, requestId: "req-test", ip: "203.0.113.7" };

beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => {
  await handle.close();
});

async function auditRows(action: string, targetId: string) {
  return handle.db.select().from(auditEvent).where(and(eq(auditEvent.action, action), eq(auditEvent.targetId, targetId)));
}

const profile = (overrides: Record<string, unknown> = {}) =>
  organizationSchema.parse({
    type: "police",
    nameFr: "Service de police de la Ville de Québec",
    nameEn: "Québec City Police Service",
    acronym: "SPVQ",
    mission: "Protéger",
    languages: ["fr", "en"],
    otherLanguages: "",
    emailDomains: "",
    ...overrides,
  });

describe("organization profile form", () => {
  it("normalizes email domains: separators, leading @, case, duplicates", () => {
    expect(parseEmailDomains(" @CJQ.qc.ca, cssdc.gouv.qc.ca;\ncjq.qc.ca  spvq.qc.ca")).toEqual(["cjq.qc.ca", "cssdc.gouv.qc.ca", "spvq.qc.ca"]);
    expect(parseEmailDomains("")).toEqual([]);
    expect(parseEmailDomains("cjq")).toBeNull();
    expect(parseEmailDomains("bad_domain.ca")).toBeNull();
    expect(parseEmailDomains("https://cjq.qc.ca")).toBeNull();
  });

  it("refuses an invalid domain, a javascript: website, bad language codes and a leave date before joining", () => {
    const result = organizationSchema.safeParse({
      type: "police",
      nameFr: "A",
      nameEn: "A",
      emailDomains: "cjq.qc.ca, pas un domaine",
      website: "javascript:alert(1)",
      languages: ["fr"],
      otherLanguages: "espagnol",
      joinedOn: "2009-05-01",
      leftOn: "2008-01-01",
    });
    expect(result.success).toBe(false);
    const fields = Object.fromEntries(result.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(fields).toMatchObject({
      emailDomains: "admin.organization.emailDomainsInvalid",
      website: "admin.organization.websiteInvalid",
      otherLanguages: "form.languageCodes",
      leftOn: "admin.organization.leftBeforeJoined",
    });
  });

  it("requires the type and both names, with message keys", () => {
    const result = organizationSchema.safeParse({ languages: ["fr"] });
    const fields = Object.fromEntries(result.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(fields).toMatchObject({ type: "form.required", nameFr: "form.required", nameEn: "form.required" });
  });

  it("combines language checkboxes and other codes; refuses an empty list", () => {
    expect(profile({ languages: ["fr"], otherLanguages: "ES, iu" }).languages).toEqual(["fr", "es", "iu"]);
    const none = organizationSchema.safeParse({ type: "police", nameFr: "A", nameEn: "A", languages: [] });
    expect(none.error?.issues.map((i) => i.message)).toContain("form.languagesRequired");
  });

  it("refuses impossible dates", () => {
    expect(profile({ joinedOn: "2007-03-15" }).joinedOn).toBe("2007-03-15");
    expect(organizationSchema.safeParse({ type: "police", nameFr: "A", nameEn: "A", languages: ["fr"], joinedOn: "2026-02-30" }).success).toBe(false);
  });
});

describe("Tables", () => {
  it("creates a Table with its audit event, and refuses a second one with the same slug", async () => {
    const input = partnershipSchema.parse({ nameFr: "Table de Québec", nameEn: "Québec Table", slug: "quebec-test", foundedOn: "2007-01-01" });
    const first = await createPartnership(handle.db, actor, input);
    expect(first.ok).toBe(true);
    const again = await createPartnership(handle.db, actor, input);
    expect(again).toEqual({ ok: false, error: "slug_taken" });
    if (!first.ok) return;
    expect(await auditRows("partnership.created", first.id)).toHaveLength(1);
  });

  it("refuses a slug with capitals or accents", () => {
    expect(partnershipSchema.safeParse({ nameFr: "a", nameEn: "a", slug: "Québec" }).success).toBe(false);
  });

  it("edits with a version check: a stale version is a conflict and changes nothing", async () => {
    const created = await createPartnership(handle.db, actor, partnershipSchema.parse({ nameFr: "T", nameEn: "T", slug: "versioned" }));
    if (!created.ok) throw new Error("not created");
    const edit = partnershipSchema.parse({ nameFr: "T2", nameEn: "T2", slug: "versioned", region: "Capitale-Nationale" });
    expect(await updatePartnership(handle.db, actor, { ...edit, id: created.id, version: 1 })).toMatchObject({ kind: "ok" });
    expect(await updatePartnership(handle.db, actor, { ...edit, nameFr: "Lost update", id: created.id, version: 1 })).toMatchObject({ kind: "conflict" });
    expect(await updatePartnership(handle.db, actor, { ...edit, id: randomUUID(), version: 1 })).toMatchObject({ kind: "not_found" });
    expect(await updatePartnership(handle.db, actor, { ...edit, slug: "quebec-test", id: created.id, version: 2 })).toMatchObject({ kind: "invalid", errors: { slug: ["admin.partnership.slugTaken"] } });
    expect(await auditRows("partnership.updated", created.id)).toHaveLength(1);
  });
});

describe("organizations", () => {
  it("creates once per form: a double submission returns the first record and writes one audit event", async () => {
    const partnershipId = await fixturePartnership(handle.db);
    const formId = randomUUID();
    const input = { ...profile({ emailDomains: "@SPVQ.qc.ca" }), partnershipId, formId };
    const before = await countRows(handle.db, "organization");
    const [a, b] = [await createOrganization(handle.db, actor, input), await createOrganization(handle.db, actor, input)];
    expect(a).toEqual({ id: formId });
    expect(b).toEqual({ id: formId });
    expect(await countRows(handle.db, "organization")).toBe(before + 1);
    expect(await auditRows("organization.created", formId)).toHaveLength(1);
    const [stored] = await handle.db.select().from(organization).where(eq(organization.id, formId));
    expect(stored?.emailDomains).toEqual(["spvq.qc.ca"]);
  });

  it("does not hand out another Table's organization when its id is replayed as a form id", async () => {
    const tableA = await fixturePartnership(handle.db);
    const tableB = await fixturePartnership(handle.db);
    const orgA = await fixtureOrganization(handle.db, tableA);
    expect(await createOrganization(handle.db, actor, { ...profile(), partnershipId: tableB, formId: orgA })).toBeNull();
  });

  it("edits the full profile with a version check, audited; another Table's organization is not found", async () => {
    const partnershipId = await fixturePartnership(handle.db);
    const other = await fixturePartnership(handle.db);
    const organizationId = await fixtureOrganization(handle.db, partnershipId);
    const edit = profile({ culture: "Travail de proximité", territory: "Limoilou", joinedOn: "2007-06-01" });
    expect(await updateOrganization(handle.db, actor, { ...edit, partnershipId, organizationId, version: 1 }, refreshDirectorySearchText)).toMatchObject({ kind: "ok" });
    expect(reindexed).toContainEqual({ organizationId });
    expect(await updateOrganization(handle.db, actor, { ...edit, partnershipId, organizationId, version: 1 }, refreshDirectorySearchText)).toMatchObject({ kind: "conflict" });
    expect(await updateOrganization(handle.db, actor, { ...edit, partnershipId: other, organizationId, version: 2 }, refreshDirectorySearchText)).toMatchObject({ kind: "not_found" });
    const detail = await getOrganization(handle.db, { partnershipId, organizationId });
    expect(detail?.organization).toMatchObject({ culture: "Travail de proximité", territory: "Limoilou", joinedOn: "2007-06-01", version: 2 });
    expect(await getOrganization(handle.db, { partnershipId: other, organizationId })).toBeNull();
    const events = await auditRows("organization.updated", organizationId);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ partnershipId, organizationId, ip: "203.0.113.7", requestId: "req-test" });
  });

  it("lists one Table's organizations, filtered by type", async () => {
    const partnershipId = await fixturePartnership(handle.db);
    const police = await fixtureOrganization(handle.db, partnershipId, { type: "police" });
    await fixtureOrganization(handle.db, partnershipId, { type: "school" });
    await fixtureOrganization(handle.db, await fixturePartnership(handle.db), { type: "police" });
    expect(await listOrganizations(handle.db, { partnershipId })).toHaveLength(2);
    expect((await listOrganizations(handle.db, { partnershipId, type: "police" })).map((o) => o.id)).toEqual([police]);
    expect(await listOrganizations(handle.db, { partnershipId, organizationIds: [] })).toEqual([]);
  });
});

describe("sites", () => {
  it("creates a site under an organization of the Table, refuses a duplicate name and another Table's organization", async () => {
    const partnershipId = await fixturePartnership(handle.db);
    const organizationId = await fixtureOrganization(handle.db, partnershipId);
    const input = siteSchema.parse({ name: "École secondaire de la Cité", kind: "école", municipality: "Québec" });
    const created = await createSite(handle.db, actor, { ...input, partnershipId, organizationId });
    expect(created.ok).toBe(true);
    expect(await createSite(handle.db, actor, { ...input, name: "école secondaire de la cité", partnershipId, organizationId })).toEqual({
      ok: false,
      error: "name_taken",
    });
    const elsewhere = await fixturePartnership(handle.db);
    expect(await createSite(handle.db, actor, { ...input, partnershipId: elsewhere, organizationId })).toEqual({ ok: false, error: "not_found" });
    if (created.ok) expect(await auditRows("site.created", created.id)).toHaveLength(1);
  });

  it("edits a site with a version check", async () => {
    const partnershipId = await fixturePartnership(handle.db);
    const organizationId = await fixtureOrganization(handle.db, partnershipId);
    const created = await createSite(handle.db, actor, { ...siteSchema.parse({ name: "CLSC Limoilou" }), partnershipId, organizationId });
    if (!created.ok) throw new Error("not created");
    const edit = siteSchema.parse({ name: "CLSC Limoilou", phone: "418 555-0100" });
    expect(await updateSite(handle.db, actor, { ...edit, partnershipId, siteId: created.id, version: 1 }, refreshDirectorySearchText)).toMatchObject({ kind: "ok" });
    expect(reindexed).toContainEqual({ siteId: created.id });
    expect(await updateSite(handle.db, actor, { ...edit, partnershipId, siteId: created.id, version: 1 }, refreshDirectorySearchText)).toMatchObject({ kind: "conflict" });
    expect(await updateSite(handle.db, actor, { ...edit, partnershipId: await fixturePartnership(handle.db), siteId: created.id, version: 2 }, refreshDirectorySearchText)).toMatchObject({ kind: "not_found" });
    expect(await auditRows("site.updated", created.id)).toHaveLength(1);
    expect((await verifyAuditChain(handle.db)).ok).toBe(true);
  });
});
