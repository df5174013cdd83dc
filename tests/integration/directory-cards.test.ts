import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { createDirectoryWorld, type DirectoryWorld } from "./directory-fixtures.ts";
import { call } from "./consultations-fixtures.ts";
import * as directoryPage from "../../app/routes/directory/_index.tsx";
import * as newConsultationPage from "../../app/routes/consultations/new.tsx";
import { searchDirectory } from "../../app/modules/directory/search-directory.server.ts";
import { searchTextDetails } from "../../app/modules/directory/search-text.server.ts";
import { pivotDesignation } from "../../app/modules/directory/tables.ts";
import { account } from "../../app/modules/identity/tables.ts";
import { organization } from "../../app/modules/governance/tables.ts";

const WORKER = "intervenant.ecole@filet.test";
const KARINE = "pivot.cjq@filet.test";

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
const search = (q: string) => searchDirectory(world.db, { partnershipId: quebec, q, freshnessMonths: 6, pageSize: 100 });
type Card = { personId: string; givenName: string; familyName: string; territory: string; languages: string[]; expertise: string[]; clienteles: string[] };
type PageData = { results: { total: number; entries: Card[] }; askable: string[] };

describe("directory search beyond names", () => {
  it("finds an expertise from a word of it, without accents or capitals", async () => {
    const fugue = await search("fugue");
    expect(names(fugue)).toContain("Karine Fortier");
    for (const e of fugue.entries) expect(e.expertise.some((x) => x.toLowerCase().includes("fugue"))).toBe(true);
    // "Santé sexuelle", typed plainly.
    const sante = await search("SANTE sexuelle");
    expect(sante.total).toBeGreaterThan(0);
    for (const e of sante.entries) expect(e.expertise).toContain("Santé sexuelle");
  });

  it("finds a language by its French or English name, and only its speakers", async () => {
    const anglais = await search("anglais");
    const english = await search("English");
    expect(anglais.total).toBeGreaterThan(0);
    expect(names(english).sort()).toEqual(names(anglais).sort());
    // Every English speaker, and nobody who does not speak it ("English-speaking students" is an expertise of an English speaker).
    const all = await search("");
    const speakers = all.entries.filter((e) => e.languages.includes("en"));
    expect(names(anglais).sort()).toEqual(names({ entries: speakers }).sort());
    expect(names(anglais)).toContain("Karine Fortier");
    for (const e of anglais.entries) expect(e.languages).toContain("en");
  });

  it("finds a clientele by its label in either language, combined with other words", async () => {
    const filles = await search("filles");
    const girls = await search("girls");
    expect(filles.total).toBeGreaterThan(0);
    expect(names(girls).sort()).toEqual(names(filles).sort());
    for (const e of filles.entries) expect(e.clienteles).toContain("girls");
    // Every word must match: an expertise and a language together narrow the list.
    expect(names(await search("fugue anglais"))).toContain("Karine Fortier");
    expect((await search("fugue zzzz")).total).toBe(0);
  });

  it("gives existing entries the same search text through the migration as a new save does", async () => {
    // Entries saved before this change held names only: the migration appends the details as
    // buildSearchText does, so "fugue" and "english" find them too.
    const before = await world.db
      .select({ id: pivotDesignation.id, text: pivotDesignation.searchText, languages: pivotDesignation.languages, clienteles: pivotDesignation.clienteles, expertise: pivotDesignation.expertise })
      .from(pivotDesignation);
    const migration = fs.readFileSync(new URL("../../migrations/0010_directory_search_details.sql", import.meta.url), "utf8");
    await world.db.transaction(async (tx) => {
      for (const row of before) {
        const details = ` | ${searchTextDetails(row).join(" | ")}`;
        expect(row.text.endsWith(details)).toBe(true);
        await tx.update(pivotDesignation).set({ searchText: row.text.slice(0, -details.length) }).where(eq(pivotDesignation.id, row.id));
      }
      await tx.execute(sql.raw(migration));
    });
    const fugue = await search("fugue");
    expect(names(fugue)).toContain("Karine Fortier");
    expect(names(await search("english"))).toContain("Karine Fortier");
    const after = await world.db.select({ id: pivotDesignation.id, text: pivotDesignation.searchText }).from(pivotDesignation);
    const byId = new Map(before.map((r) => [r.id, r.text]));
    for (const row of after) expect(row.text, "the migration rebuilds the application's search text").toBe(byId.get(row.id));
  });
});

describe("/directory cards", () => {
  it("shows the territory served and offers advice only from pivots who can receive it", async () => {
    const o = await call(world, directoryPage.loader, { email: WORKER, path: "/directory" });
    expect(o.status).toBe(200);
    const data = o.data as PageData;
    const karine = data.results.entries.find((e) => e.givenName === "Karine")!;
    const [cjq] = await world.db.select({ territory: organization.territory }).from(organization).where(eq(organization.id, world.orgs["CJQ-IU"]!));
    expect(cjq!.territory).not.toBe("");
    expect(karine.territory).toBe(cjq!.territory);
    expect(data.askable).toContain(karine.personId);
    // The consultation form accepts every pivot the directory offers to ask.
    for (const personId of data.askable) {
      const form = await call(world, newConsultationPage.loader, { email: WORKER, path: `/consultations/new?pivot=${personId}` });
      expect(form.status).toBe(200);
      expect((form.data as { reachable: boolean }).reachable).toBe(true);
    }
    // A pivot without an active account gets no button: only the phone and email.
    await world.db.update(account).set({ status: "deactivated" }).where(eq(account.personId, karine.personId));
    try {
      const again = await call(world, directoryPage.loader, { email: WORKER, path: "/directory?q=karine" });
      expect((again.data as PageData).askable).not.toContain(karine.personId);
      const form = await call(world, newConsultationPage.loader, { email: WORKER, path: `/consultations/new?pivot=${karine.personId}` });
      expect((form.data as { reachable: boolean }).reachable).toBe(false);
    } finally {
      await world.db.update(account).set({ status: "active" }).where(eq(account.personId, karine.personId));
    }
  });

  it("never offers a pivot to ask themself", async () => {
    const o = await call(world, directoryPage.loader, { email: KARINE, path: "/directory?q=karine" });
    const data = o.data as PageData;
    expect(names(data.results)).toEqual(["Karine Fortier"]);
    expect(data.askable).toEqual([]);
  });

  it("sends each organization's name in the reader's language only, on the cards and in the filter", async () => {
    const [cjq] = await world.db.select({ nameFr: organization.nameFr, nameEn: organization.nameEn, acronym: organization.acronym }).from(organization).where(eq(organization.id, world.orgs["CJQ-IU"]!));
    expect(cjq!.nameEn).not.toBe(cjq!.nameFr);
    type Named = { results: { entries: (Card & { organizationName: string })[] }; organizationChoices: { value: string; label: string }[] };
    const read = async (email: string) => (await call(world, directoryPage.loader, { email, path: "/directory?q=karine" })).data as Named;
    const french = await read(WORKER);
    const karine = french.results.entries.find((e) => e.givenName === "Karine")!;
    expect(karine.organizationName).toBe(cjq!.nameFr);
    expect(JSON.stringify(french)).not.toContain(cjq!.nameEn);
    expect(french.organizationChoices.find((c) => c.value === world.orgs["CJQ-IU"])!.label).toBe(`${cjq!.nameFr} (${cjq!.acronym})`);
    // A reader this file has not signed in yet (a page load reads its reader once).
    const DELEGATE = "delegue.cjq@filet.test";
    await world.db.update(account).set({ locale: "en" }).where(eq(account.email, DELEGATE));
    try {
      const english = await read(DELEGATE);
      expect(english.results.entries.find((e) => e.givenName === "Karine")!.organizationName).toBe(cjq!.nameEn);
      expect(JSON.stringify(english)).not.toContain(cjq!.nameFr);
    } finally {
      await world.db.update(account).set({ locale: "fr" }).where(eq(account.email, DELEGATE));
    }
  });
});
