import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../tests/support/test-db.ts";
import { createAuthzDataset, createPerson, type AuthzDataset } from "../../../tests/support/fixtures.ts";
import type { DatabaseHandle } from "../db/client.server.ts";
import { PEOPLE_PICKER_LIMIT, peopleByIds, searchPeople } from "./search-people.server.ts";

let handle: DatabaseHandle;
let d: AuthzDataset;
let helene: string;
let other: string;

beforeAll(async () => {
  handle = await createTestDatabase();
  d = await createAuthzDataset(handle.db);
  helene = (await createPerson(handle.db, { partnershipId: d.tableA, organizationId: d.org2, givenName: "Hélène", familyName: "Bérubé-Picker", roles: [{ role: "trainer" }] })).personId;
  other = (await createPerson(handle.db, { partnershipId: d.tableB, organizationId: d.orgB, givenName: "Hélène", familyName: "Bérubé-Picker" })).personId;
  for (let i = 0; i < PEOPLE_PICKER_LIMIT + 5; i += 1) await createPerson(handle.db, { partnershipId: d.tableA, organizationId: d.org1, givenName: "Zoé", familyName: `Nombreuse-${String(i).padStart(2, "0")}` });
});
afterAll(async () => {
  await handle.close();
});

describe("searching people for a picker", () => {
  it("finds by name without accents or case, in the Table only (another Table's namesake is never found)", async () => {
    const found = await searchPeople(handle.db, { partnershipId: d.tableA, organizationIds: "all", q: "helene berube" });
    expect(found.people.map((p) => p.id)).toEqual([helene]);
    expect(found.people[0]).toMatchObject({ name: "Hélène Bérubé-Picker", organization: "Organisme Deux" });
    const fromB = await searchPeople(handle.db, { partnershipId: d.tableB, organizationIds: "all", q: "berube" });
    expect(fromB.people.map((p) => p.id)).toEqual([other]);
  });

  it("finds by organization and keeps to the reader's organizations", async () => {
    const byOrg = await searchPeople(handle.db, { partnershipId: d.tableA, organizationIds: "all", q: "deux picker" });
    expect(byOrg.people.map((p) => p.id)).toEqual([helene]);
    expect((await searchPeople(handle.db, { partnershipId: d.tableA, organizationIds: [d.org1], q: "berube" })).people).toEqual([]);
    expect((await searchPeople(handle.db, { partnershipId: d.tableA, organizationIds: [], q: "zoé" })).people).toEqual([]);
  });

  it("shows at most twenty and says more match; one letter finds nobody", async () => {
    const many = await searchPeople(handle.db, { partnershipId: d.tableA, organizationIds: "all", q: "nombreuse" });
    expect(many.people).toHaveLength(PEOPLE_PICKER_LIMIT);
    expect(many.more).toBe(true);
    expect(many.people[0]!.name).toBe("Zoé Nombreuse-00");
    expect((await searchPeople(handle.db, { partnershipId: d.tableA, organizationIds: "all", q: "nombreuse", limit: 500 })).people).toHaveLength(PEOPLE_PICKER_LIMIT);
    expect(await searchPeople(handle.db, { partnershipId: d.tableA, organizationIds: "all", q: " z " })).toEqual({ people: [], more: false });
  });

  it("filters on a role held now", async () => {
    expect((await searchPeople(handle.db, { partnershipId: d.tableA, organizationIds: "all", q: "picker", role: "trainer" })).people.map((p) => p.id)).toEqual([helene]);
    expect((await searchPeople(handle.db, { partnershipId: d.tableA, organizationIds: "all", q: "picker", role: "pivot" })).people).toEqual([]);
  });

  it("names the current choice only inside the scope", async () => {
    expect((await peopleByIds(handle.db, { partnershipId: d.tableA, organizationIds: "all", ids: [helene, other] })).map((p) => p.id)).toEqual([helene]);
    expect(await peopleByIds(handle.db, { partnershipId: d.tableA, organizationIds: [d.org1], ids: [helene] })).toEqual([]);
  });
});
