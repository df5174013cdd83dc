import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, isNull } from "drizzle-orm";
import { createDirectoryWorld, type DirectoryWorld } from "./directory-fixtures.ts";
import { call, expectNotFound } from "./consultations-fixtures.ts";
import * as directoryPage from "../../app/routes/directory/_index.tsx";
import * as minePage from "../../app/routes/directory/mine.tsx";
import * as stalePage from "../../app/routes/directory/stale.tsx";
import * as designationsPage from "../../app/routes/directory/designations.tsx";
import * as newDesignationPage from "../../app/routes/directory/designations.new.tsx";
import * as designationPage from "../../app/routes/directory/designations.$designationId.tsx";
import { pivotDesignation } from "../../app/modules/directory/tables.ts";
import { roleAssignment } from "../../app/modules/people/tables.ts";
import { auditEvent } from "../../app/modules/audit/tables.ts";

const WORKER = "intervenant.ecole@filet.test";
const CJQ_PIVOT = "pivot.cjq@filet.test";
const SPVQ_COORD = "coord-pivots.spvq@filet.test";
const TABLE_COORD = "coordination@filet.test";
const OTHER_TABLE = "coordination.ca@filet.test";
const ADMIN = "admin@filet.test";

let world: DirectoryWorld;
const designationOf = async (email: string) => {
  const [row] = await world.db.select().from(pivotDesignation).where(eq(pivotDesignation.personId, world.people[email]!.personId));
  return row!;
};
type SearchData = { results: { total: number; entries: { givenName: string; familyName: string; stale: boolean; designationId: string }[] } };

beforeAll(async () => {
  world = await createDirectoryWorld();
});
afterAll(async () => {
  await world?.handle.close();
});

describe("/directory", () => {
  it("sends an anonymous visitor to sign in", async () => {
    const o = await call(world, directoryPage.loader, { email: null, path: "/directory?q=helene" });
    expect(o.status).toBe(302);
    expect(o.location).toMatch(/^\/login\?redirectTo=/);
  });

  it("lets the school worker find Hélène by typing helene, never another Table's Hélène", async () => {
    const o = await call(world, directoryPage.loader, { email: WORKER, path: "/directory?q=helene" });
    expect(o.status).toBe(200);
    const names = (o.data as SearchData).results.entries.map((e) => `${e.givenName} ${e.familyName}`);
    expect(names).toEqual(["Hélène Bouchard"]);
  });

  it("shows the other Table's coordinator their own Table only", async () => {
    const o = await call(world, directoryPage.loader, { email: OTHER_TABLE, path: "/directory?q=helene" });
    const names = (o.data as SearchData).results.entries.map((e) => `${e.givenName} ${e.familyName}`);
    expect(names).toEqual(["Hélène Morissette"]);
    const all = await call(world, directoryPage.loader, { email: OTHER_TABLE, path: "/directory" });
    expect((all.data as SearchData).results.total).toBe(1);
  });

  it("ignores malformed filters instead of failing", async () => {
    const o = await call(world, directoryPage.loader, { email: WORKER, path: "/directory?organizationId=nope&language=xx&page=-3&clientele=%27" });
    expect(o.status).toBe(200);
    expect((o.data as SearchData).results.total).toBeGreaterThan(5);
  });
});

describe("designation management", () => {
  it("is 404 for a worker and for a pivot (no designate permission)", async () => {
    for (const email of [WORKER, CJQ_PIVOT]) {
      expectNotFound(await call(world, designationsPage.loader, { email, path: "/directory/designations" }));
      expectNotFound(await call(world, newDesignationPage.loader, { email, path: "/directory/designations/new" }));
      expectNotFound(await call(world, stalePage.loader, { email, path: "/directory/stale" }));
      const helene = await designationOf("helene.bouchard@filet.test");
      expectNotFound(
        await call(world, designationPage.action, {
          email,
          path: `/directory/designations/${helene.id}`,
          params: { designationId: helene.id },
          form: { intent: "end", version: String(helene.version), lastDay: "2026-01-01", endReason: "x" },
        }),
      );
    }
  });

  it("limits a pivot coordinator to their organization: another organization's designation is 404", async () => {
    const list = await call(world, designationsPage.loader, { email: SPVQ_COORD, path: "/directory/designations" });
    const rows = (list.data as { designations: { organizationId: string }[] }).designations;
    // The demo's SPVQ designations: its coordinator's and its backup pivot's (Isabelle Roy).
    expect(rows.length).toBe(2);
    expect(rows.every((r) => r.organizationId === world.orgs["SPVQ"])).toBe(true);
    const helene = await designationOf("helene.bouchard@filet.test");
    expectNotFound(await call(world, designationPage.loader, { email: SPVQ_COORD, path: `/directory/designations/${helene.id}`, params: { designationId: helene.id } }));
    expectNotFound(
      await call(world, designationPage.action, {
        email: SPVQ_COORD,
        path: `/directory/designations/${helene.id}`,
        params: { designationId: helene.id },
        form: { intent: "confirm", version: String(helene.version) },
      }),
    );
    // Creating in another organization is refused, nothing is written.
    const before = (await world.db.select().from(pivotDesignation)).length;
    const o = await call(world, newDesignationPage.action, {
      email: SPVQ_COORD,
      path: "/directory/designations/new",
      form: { _submission: crypto.randomUUID(), organizationId: world.orgs["CJQ-IU"]!, personId: world.people["patrick.dube@filet.test"]!.personId, rank: "primary", since: "2026-01-05", languages: "fr" },
    });
    expect(o.status).toBe(400);
    expect((await world.db.select().from(pivotDesignation)).length).toBe(before);
  });

  it("is 404 across Tables, even for the other Table's coordinator", async () => {
    const helene = await designationOf("helene.bouchard@filet.test");
    expectNotFound(await call(world, designationPage.loader, { email: OTHER_TABLE, path: `/directory/designations/${helene.id}`, params: { designationId: helene.id } }));
    expectNotFound(await call(world, minePage.action, { email: OTHER_TABLE, path: "/directory/mine", form: { designationId: helene.id, version: String(helene.version) } }));
    const list = await call(world, designationsPage.loader, { email: OTHER_TABLE, path: "/directory/designations" });
    expect((list.data as { designations: { personId: string }[] }).designations.map((d) => d.personId)).toEqual([world.people["helene.morissette@filet.test"]!.personId]);
  });

  it("rejects a person of another organization and invalid input with field errors", async () => {
    const o = await call(world, newDesignationPage.action, {
      email: TABLE_COORD,
      path: "/directory/designations/new",
      form: { _submission: crypto.randomUUID(), organizationId: world.orgs["CSPS"]!, personId: world.people["helene.bouchard@filet.test"]!.personId, rank: "primary", since: "2026-01-05", languages: "fr" },
    });
    expect(o.status).toBe(400);
    expect((o.data as { errors: Record<string, string[]> }).errors?.personId, JSON.stringify(o.data)).toEqual(["directory.form.personInvalid"]);
    const bad = await call(world, newDesignationPage.action, {
      email: TABLE_COORD,
      path: "/directory/designations/new",
      form: { _submission: crypto.randomUUID(), organizationId: world.orgs["CSPS"]!, personId: world.people[WORKER]!.personId, rank: "primary", since: "2026-02-30", until: "2020-01-01", contactEmail: "nope" },
    });
    expect(bad.status).toBe(400);
    const errors = (bad.data as { errors: Record<string, string[]> }).errors;
    expect(errors.since).toEqual(["directory.form.invalidDate"]);
    expect(errors.languages).toBeDefined();
    expect(errors.contactEmail).toEqual(["directory.form.invalidEmail"]);
  });

  it("designates (granting the pivot role, once even when submitted twice), edits with a version check, ends (revoking it)", async () => {
    const worker = world.people[WORKER]!;
    const form = {
      _submission: crypto.randomUUID(),
      organizationId: world.orgs["CSPS"]!,
      personId: worker.personId,
      siteId: world.sites["École secondaire des Berges"]!,
      rank: "backup",
      since: "2026-01-05",
      languages: "fr",
      clienteles: "12-17",
      expertise: "Milieu scolaire, exploitation en ligne",
      availability: "Jours de classe",
      contactPhone: "418 555-0150",
    };
    const first = await call(world, newDesignationPage.action, { email: TABLE_COORD, path: "/directory/designations/new", form });
    expect(first.status, JSON.stringify(first.data)).toBe(302);
    const again = await call(world, newDesignationPage.action, { email: TABLE_COORD, path: "/directory/designations/new", form });
    expect(again.location).toBe(first.location);
    const rows = await world.db.select().from(pivotDesignation).where(eq(pivotDesignation.personId, worker.personId));
    expect(rows).toHaveLength(1);
    const d = rows[0]!;
    expect(d.expertise).toEqual(["Milieu scolaire", "exploitation en ligne"]);
    expect(d.searchText.startsWith("jonathan gagnon | ")).toBe(true);
    const roles = () =>
      world.db
        .select()
        .from(roleAssignment)
        .where(and(eq(roleAssignment.personId, worker.personId), eq(roleAssignment.role, "pivot"), isNull(roleAssignment.revokedAt)));
    expect(await roles()).toHaveLength(1);
    const granted = await world.db.select().from(auditEvent).where(and(eq(auditEvent.action, "role.granted"), eq(auditEvent.targetId, worker.personId)));
    expect(granted).toHaveLength(1);
    expect(await world.db.select().from(auditEvent).where(and(eq(auditEvent.action, "pivot.designated"), eq(auditEvent.targetId, d.id)))).toHaveLength(1);

    // The worker (now a pivot) finds themself in the directory.
    const found = await call(world, directoryPage.loader, { email: WORKER, path: "/directory?q=gagnon" });
    expect((found.data as SearchData).results.entries.map((e) => e.familyName)).toEqual(["Gagnon"]);

    const edit = { intent: "save", version: String(d.version), rank: "primary", since: "2026-01-05", languages: "fr", availability: "Lundi au vendredi" };
    const saved = await call(world, designationPage.action, { email: TABLE_COORD, path: `/directory/designations/${d.id}`, params: { designationId: d.id }, form: edit });
    expect(saved.status).toBe(302);
    const stale = await call(world, designationPage.action, { email: TABLE_COORD, path: `/directory/designations/${d.id}`, params: { designationId: d.id }, form: edit });
    expect(stale.status).toBe(409);
    expect((stale.data as { formError: string }).formError).toBe("form.conflict");

    const [now] = await world.db.select().from(pivotDesignation).where(eq(pivotDesignation.id, d.id));
    expect(now!.availability).toBe("Lundi au vendredi");
    const ended = await call(world, designationPage.action, {
      email: TABLE_COORD,
      path: `/directory/designations/${d.id}`,
      params: { designationId: d.id },
      form: { intent: "end", version: String(now!.version), lastDay: "2026-01-10", endReason: "Changement de poste" },
    });
    expect(ended.status).toBe(302);
    const [after] = await world.db.select().from(pivotDesignation).where(eq(pivotDesignation.id, d.id));
    expect(after!.until).toBe("2026-01-10");
    expect(after!.endReason).toBe("Changement de poste");
    expect(await roles()).toHaveLength(0);
    // History: the ended designation is still shown on its page.
    const page = await call(world, designationPage.loader, { email: TABLE_COORD, path: `/directory/designations/${d.id}`, params: { designationId: d.id } });
    expect((page.data as { history: { endReason: string }[] }).history.map((h) => h.endReason)).toEqual(["Changement de poste"]);
  });

  it("lets the platform admin manage designations of the Table they work in", async () => {
    const o = await call(world, designationsPage.loader, { email: ADMIN, path: "/directory/designations" });
    expect(o.status).toBe(200);
  });
});

describe("freshness", () => {
  it("flags the stale entry; its owner confirms it in one click; nobody else can", async () => {
    const karine = await designationOf(CJQ_PIVOT);
    const find = async () =>
      ((await call(world, directoryPage.loader, { email: WORKER, path: "/directory?q=karine" })).data as SearchData).results.entries[0]!;
    expect((await find()).stale).toBe(true);
    // Someone else's entry: 404, and it stays stale.
    expectNotFound(await call(world, minePage.action, { email: SPVQ_COORD, path: "/directory/mine", form: { designationId: karine.id, version: String(karine.version) } }));
    expectNotFound(await call(world, minePage.action, { email: WORKER, path: "/directory/mine", form: { designationId: "not-a-uuid", version: "1" } }));
    expect((await find()).stale).toBe(true);
    const mine = await call(world, minePage.loader, { email: CJQ_PIVOT, path: "/directory/mine" });
    expect((mine.data as { entries: { id: string; stale: boolean }[] }).entries).toEqual([expect.objectContaining({ id: karine.id, stale: true })]);
    const confirmed = await call(world, minePage.action, { email: CJQ_PIVOT, path: "/directory/mine", form: { designationId: karine.id, version: String(karine.version) } });
    expect(confirmed.status).toBe(302);
    // The same page sent again (its version is now stale): 409, nothing confirmed twice.
    const again = await call(world, minePage.action, { email: CJQ_PIVOT, path: "/directory/mine", form: { designationId: karine.id, version: String(karine.version) } });
    expect(again.status).toBe(409);
    expect((await find()).stale).toBe(false);
    expect(await world.db.select().from(auditEvent).where(and(eq(auditEvent.action, "pivot.entry_confirmed"), eq(auditEvent.targetId, karine.id)))).toHaveLength(1);
  });

  it("shows a coordinator the stale entries of their organization only", async () => {
    const marc = await designationOf("marc-andre.pelletier@filet.test");
    await world.db.update(pivotDesignation).set({ confirmedAt: new Date("2020-01-01T00:00:00Z") }).where(eq(pivotDesignation.id, marc.id));
    const table = await call(world, stalePage.loader, { email: TABLE_COORD, path: "/directory/stale" });
    expect((table.data as { entries: { id: string }[] }).entries.map((e) => e.id)).toContain(marc.id);
    const spvq = await call(world, stalePage.loader, { email: SPVQ_COORD, path: "/directory/stale" });
    // Only SPVQ's own stale entry (the demo's backup pivot Isabelle Roy), never Marc-André's.
    const isabelle = await designationOf("isabelle.roy@filet.test");
    expect((spvq.data as { entries: { id: string }[] }).entries.map((e) => e.id)).toEqual([isabelle.id]);
    expectNotFound(await call(world, stalePage.action, { email: SPVQ_COORD, path: "/directory/stale", form: { designationId: marc.id, version: String(marc.version) } }));
    const ok = await call(world, stalePage.action, { email: TABLE_COORD, path: "/directory/stale", form: { designationId: marc.id, version: String(marc.version) } });
    expect(ok.status).toBe(302);
  });
});
