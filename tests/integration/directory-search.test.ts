import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { createDirectoryWorld, type DirectoryWorld } from "./directory-fixtures.ts";
import { searchDirectory } from "../../app/modules/directory/search-directory.server.ts";
import { listContactPivots } from "../../app/modules/directory/list-contact-pivots.server.ts";
import { refreshDirectorySearchText, buildSearchText } from "../../app/modules/directory/search-text.server.ts";
import { readPartnershipSettings } from "../../app/modules/settings/partnership-settings.server.ts";
import { seedDirectoryDemo } from "../../app/modules/demo/seed-directory.server.ts";
import { pivotDesignation } from "../../app/modules/directory/tables.ts";
import { organization, partnership, site } from "../../app/modules/governance/tables.ts";
import { person } from "../../app/modules/people/tables.ts";

let world: DirectoryWorld;
let quebec: string;

beforeAll(async () => {
  world = await createDirectoryWorld();
  quebec = world.tables.quebec!;
});
afterAll(async () => {
  await world?.handle.close();
});

const names = (page: { entries: { givenName: string; familyName: string }[] }) => page.entries.map((e) => `${e.givenName} ${e.familyName}`);
const search = (q: string, extra: Record<string, unknown> = {}) =>
  searchDirectory(world.db, { partnershipId: quebec, q, freshnessMonths: 6, ...extra });

describe("directory search", () => {
  it("ignores accents and case, on names, organizations, sites and territories", async () => {
    expect(names(await search("helene"))).toEqual(["Hélène Bouchard"]);
    expect(names(await search("HÉLÈNE"))).toEqual(["Hélène Bouchard"]);
    expect(names(await search("josee lachance"))).toEqual(["Josée Lachance-Morin"]);
    // Site municipality "Québec" and organization names.
    expect((await search("quebec")).total).toBeGreaterThan(3);
    expect(names(await search("basse-ville"))).toEqual(["Hélène Bouchard"]);
    expect(names(await search("charlesbourg"))).toContain("Marc-André Pelletier");
    expect(names(await search("beauport"))).toContain("Josée Lachance-Morin");
  });

  it("matches partial words, every word required", async () => {
    expect(names(await search("bouch"))).toEqual(["Hélène Bouchard"]);
    expect(names(await search("pell marc"))).toEqual(["Marc-André Pelletier"]);
    expect((await search("helene zzzz")).total).toBe(0);
    // LIKE wildcards typed by a user are literal.
    expect((await search("%")).total).toBe(0);
    expect((await search("_")).total).toBe(0);
  });

  it("ranks the exact full name first, then a name starting with the query", async () => {
    const db = world.db;
    // Two more pivots whose organization or title mention "Caron" but whose name does not.
    const [org] = await db.select().from(organization).where(eq(organization.acronym, "ASSS"));
    const [p] = await db
      .insert(person)
      .values({ partnershipId: quebec, organizationId: org!.id, givenName: "Zoé", familyName: "Aubin", title: "Collègue d'Amélie Caron" })
      .returning();
    await db.insert(pivotDesignation).values({
      partnershipId: quebec,
      organizationId: org!.id,
      personId: p!.id,
      since: "2020-01-01",
      searchText: buildSearchText({ givenName: "Zoé", familyName: "Aubin", title: "Collègue d'Amélie Caron", organizationNameFr: org!.nameFr, organizationNameEn: org!.nameEn, organizationAcronym: org!.acronym, organizationTerritory: org!.territory }),
    });
    const [q] = await db
      .insert(person)
      .values({ partnershipId: quebec, organizationId: org!.id, givenName: "Amélie", familyName: "Caronne" })
      .returning();
    await db.insert(pivotDesignation).values({
      partnershipId: quebec,
      organizationId: org!.id,
      personId: q!.id,
      since: "2020-01-01",
      searchText: buildSearchText({ givenName: "Amélie", familyName: "Caronne", title: "", organizationNameFr: org!.nameFr, organizationNameEn: org!.nameEn, organizationAcronym: org!.acronym, organizationTerritory: "" }),
    });
    expect(names(await search("amelie caron"))).toEqual(["Amélie Caron", "Amélie Caronne", "Zoé Aubin"]);
    expect(names(await search("caron")).slice(0, 2)).toEqual(["Amélie Caron", "Amélie Caronne"]);
  });

  it("paginates with a total count", async () => {
    const first = await search("", { pageSize: 3, page: 1 });
    const second = await search("", { pageSize: 3, page: 2 });
    expect(first.total).toBeGreaterThanOrEqual(9);
    expect(first.entries).toHaveLength(3);
    expect(first.pageCount).toBe(Math.ceil(first.total / 3));
    expect(second.entries.map((e) => e.designationId)).not.toContain(first.entries[0]!.designationId);
    const beyond = await search("", { pageSize: 3, page: 99 });
    expect(beyond.entries).toHaveLength(0);
    expect(beyond.total).toBe(first.total);
  });

  it("filters by organization, site, language, clientele, expertise and territory", async () => {
    expect(names(await search("", { organizationId: world.orgs["CSPS"] }))).toEqual(["Josée Lachance-Morin"]);
    expect(names(await search("", { siteId: world.sites["CLSC de la Basse-Ville"] }))).toEqual(["Hélène Bouchard"]);
    expect(names(await search("", { language: "es" }))).toEqual(["Amélie Caron"]);
    expect(names(await search("", { clientele: "first_nations_inuit" }))).toEqual(["Josée Lachance-Morin"]);
    expect(names(await search("", { expertise: "proxenetisme" }))).toEqual(["Éric Paradis"]);
    expect(names(await search("", { territory: "limoilou" }))).toContain("Éric Paradis");
  });

  it("never crosses Tables and shows only current designations", async () => {
    expect(names(await search("helene"))).not.toContain("Hélène Morissette");
    const other = await searchDirectory(world.db, { partnershipId: world.tables["chaudiere-appalaches"]!, q: "helene", freshnessMonths: 6 });
    expect(names(other)).toEqual(["Hélène Morissette"]);
    const [d] = await world.db.select().from(pivotDesignation).where(eq(pivotDesignation.personId, world.people["olivier.bergeron@filet.test"]!.personId));
    await world.db.update(pivotDesignation).set({ until: "2020-01-01" }).where(eq(pivotDesignation.id, d!.id));
    expect((await search("bergeron")).total).toBe(0);
    await world.db.update(pivotDesignation).set({ until: null }).where(eq(pivotDesignation.id, d!.id));
  });

  it("flags entries older than the Table's period as to be confirmed", async () => {
    const karine = (await search("karine")).entries[0]!;
    expect(karine.stale).toBe(true);
    expect((await search("helene")).entries[0]!.stale).toBe(false);
    // A longer period set on the Table clears the flag.
    await world.db.update(partnership).set({ settings: { directoryFreshnessMonths: 12 } }).where(eq(partnership.id, quebec));
    const settings = await readPartnershipSettings(world.db, quebec);
    expect(settings.directoryFreshnessMonths).toBe(12);
    expect((await search("karine", { freshnessMonths: settings.directoryFreshnessMonths })).entries[0]!.stale).toBe(false);
    await world.db.update(partnership).set({ settings: {} }).where(eq(partnership.id, quebec));
    expect((await readPartnershipSettings(world.db, quebec)).directoryFreshnessMonths).toBe(6);
  });

  it("keeps search_text in step when a site is renamed", async () => {
    const siteId = world.sites["CLSC de Charlesbourg"]!;
    await world.db.transaction(async (tx) => {
      await tx.update(site).set({ name: "CLSC Orsainville" }).where(eq(site.id, siteId));
      expect(await refreshDirectorySearchText(tx, { siteId })).toBe(1);
    });
    expect(names(await search("orsainville"))).toEqual(["Marc-André Pelletier"]);
    const [row] = await world.db.select().from(pivotDesignation).where(eq(pivotDesignation.siteId, siteId));
    expect(row!.searchText).toContain("clsc orsainville");
    expect(row!.searchText).not.toContain("clsc de charlesbourg");
  });

  it("lists the worker's own pivots first, own site first", async () => {
    const worker = world.people["intervenant.ecole@filet.test"]!;
    const pivots = await listContactPivots(world.db, {
      partnershipId: quebec,
      organizationId: worker.organizationId,
      siteId: world.sites["École secondaire des Berges"]!,
    });
    expect(pivots.own.map((p) => p.familyName)).toEqual(["Lachance-Morin"]);
    expect(pivots.own[0]!.siteName).toBe("École secondaire des Berges");
    expect(pivots.others.some((p) => p.familyName === "Bouchard")).toBe(true);
    expect(pivots.others.some((p) => p.familyName === "Morissette")).toBe(false);
    expect(pivots.others.every((p) => p.organizationId !== worker.organizationId)).toBe(true);
  });

  it("seeds the demo directory once", async () => {
    const before = await world.db.select().from(pivotDesignation).where(eq(pivotDesignation.partnershipId, quebec));
    await world.db.transaction((tx) => seedDirectoryDemo(tx, quebec));
    const after = await world.db.select().from(pivotDesignation).where(and(eq(pivotDesignation.partnershipId, quebec)));
    expect(after.length).toBe(before.length);
  });
});
