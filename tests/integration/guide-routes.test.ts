import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import type { DatabaseHandle } from "../../app/modules/db/client.server.ts";
import { rowsOf } from "../../app/modules/db/rows.ts";
import type { Role } from "../../app/modules/identity/tables.ts";
import { seedGuideDemo } from "../../app/modules/demo/seed-guide.server.ts";
import { guideModule, guideSection, guideSectionVersion } from "../../app/modules/guide/tables.ts";
import * as guideIndex from "../../app/routes/guide/_index.tsx";
import * as guidePrint from "../../app/routes/guide/print.tsx";
import * as guidePdf from "../../app/routes/guide/pdf.tsx";
import * as sectionNew from "../../app/routes/guide/sections.new.tsx";
import * as sectionRead from "../../app/routes/guide/sections.$sectionId.tsx";
import * as sectionEdit from "../../app/routes/guide/sections.$sectionId.edit.tsx";
import * as sectionVersions from "../../app/routes/guide/sections.$sectionId.versions.tsx";
import * as versionPage from "../../app/routes/guide/versions.$versionId.tsx";
import * as versionCompare from "../../app/routes/guide/versions.compare.tsx";
import { createTestDatabase } from "../support/test-db.ts";
import { call, createOrganization, createTable, createUser, type TestUser } from "./pathway-support.ts";

let handle: DatabaseHandle;
let tableA: string;
let tableB: string;
const users = new Map<string, TestUser>();
let sectionA: string;
let versionA: string;
let moduleA: string;
let sectionB: string;
let versionB: string;


async function firstSection(partnershipId: string) {
  const [row] = await handle.db
    .select({ sectionId: guideSection.id, versionId: guideSectionVersion.id, moduleId: guideSection.moduleId })
    .from(guideSection)
    .innerJoin(guideSectionVersion, eq(guideSectionVersion.sectionId, guideSection.id))
    .innerJoin(guideModule, eq(guideModule.id, guideSection.moduleId))
    .where(and(eq(guideSection.partnershipId, partnershipId), eq(guideModule.kind, "knowledge"), eq(guideSection.position, 1)))
    .limit(1);
  return row!;
}

const tableRoles: Role[] = ["worker", "table_member", "pivot", "pivot_coordinator", "trainer", "table_coordinator", "observer"];

beforeAll(async () => {
  handle = await createTestDatabase();
  const db = handle.db;
  tableA = await createTable(db, "GuideA");
  tableB = await createTable(db, "GuideB");
  const org = await createOrganization(db, tableA, "Cisss");
  const orgB = await createOrganization(db, tableB, "Spvq");
  for (const role of tableRoles) {
    const scoped = role === "worker" || role === "pivot" || role === "pivot_coordinator";
    users.set(role, await createUser(db, { partnershipId: tableA, organizationId: org, roles: [{ role, organizationId: scoped ? org : null }] }));
  }
  users.set("platform_admin", await createUser(db, { partnershipId: tableA, organizationId: null, roles: [{ role: "platform_admin" }] }));
  users.set("coordinatorB", await createUser(db, { partnershipId: tableB, organizationId: orgB, roles: [{ role: "table_coordinator" }] }));
  await db.transaction(async (tx) => {
    await seedGuideDemo(tx, tableA);
    await seedGuideDemo(tx, tableB);
  });
  ({ sectionId: sectionA, versionId: versionA, moduleId: moduleA } = await firstSection(tableA));
  ({ sectionId: sectionB, versionId: versionB } = await firstSection(tableB));
});

afterAll(async () => {
  await handle?.close();
});

type Loader = (args: never) => unknown;

const readers = ["worker", "table_member", "pivot", "pivot_coordinator", "trainer", "table_coordinator", "observer", "platform_admin"];
const reviewers = ["table_member", "pivot", "pivot_coordinator", "trainer", "table_coordinator", "platform_admin"];
const editors = ["trainer", "table_coordinator", "platform_admin"];

function routes(): { name: string; fn: Loader; path: string; params?: Record<string, string>; allowed: string[] }[] {
  return [
    { name: "/guide", fn: guideIndex.loader, path: "/guide", allowed: readers },
    { name: "/guide/print", fn: guidePrint.loader, path: "/guide/print", allowed: readers },
    { name: "/guide/pdf", fn: guidePdf.loader, path: `/guide/pdf?module=${moduleA}`, allowed: readers },
    { name: "/guide/sections/:id", fn: sectionRead.loader, path: `/guide/sections/${sectionA}`, params: { sectionId: sectionA }, allowed: readers },
    { name: "/guide/sections/new", fn: sectionNew.loader, path: `/guide/sections/new?module=${moduleA}`, allowed: editors },
    { name: "/guide/sections/:id/edit", fn: sectionEdit.loader, path: `/guide/sections/${sectionA}/edit`, params: { sectionId: sectionA }, allowed: editors },
    { name: "/guide/sections/:id/versions", fn: sectionVersions.loader, path: `/guide/sections/${sectionA}/versions`, params: { sectionId: sectionA }, allowed: reviewers },
    { name: "/guide/versions/:id", fn: versionPage.loader, path: `/guide/versions/${versionA}`, params: { versionId: versionA }, allowed: reviewers },
    { name: "/guide/versions/compare", fn: versionCompare.loader, path: `/guide/versions/compare?from=${versionA}&to=${versionA}`, allowed: reviewers },
  ];
}

describe("guide routes × roles", () => {
  it("every route answers 200 to the roles it is for and 404 to the others; anonymous visitors go to sign-in", async () => {
    const failures: string[] = [];
    for (const route of routes()) {
      const anon = await call(handle.db, route.fn, { path: route.path, params: route.params });
      if (anon.status !== 302 || !anon.location?.startsWith("/login")) failures.push(`${route.name} anonymous → ${anon.status}`);
      for (const [role, user] of users) {
        if (role === "coordinatorB") continue;
        const res = await call(handle.db, route.fn, { path: route.path, user, params: route.params });
        const expected = route.allowed.includes(role) ? 200 : 404;
        if (res.status !== expected) failures.push(`${route.name} as ${role}: ${res.status}, expected ${expected}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("a Table coordinator of another Table gets 404 on every section, version and module of this one", async () => {
    const other = users.get("coordinatorB")!;
    for (const route of routes().filter((r) => r.path.includes(sectionA) || r.path.includes(versionA) || r.path.includes(moduleA))) {
      const res = await call(handle.db, route.fn, { path: route.path, user: other, params: route.params });
      expect(res.status, route.name).toBe(404);
    }
    // Comparing a version of this Table with one of theirs is refused too.
    const mixed = await call(handle.db, versionCompare.loader, { path: `/guide/versions/compare?from=${versionB}&to=${versionA}`, user: other });
    expect(mixed.status).toBe(404);
    // Their own guide works.
    const own = await call(handle.db, sectionRead.loader, { path: `/guide/sections/${sectionB}`, user: other, params: { sectionId: sectionB } });
    expect(own.status).toBe(200);
  });

  it("writes across Tables are refused like missing records and change nothing", async () => {
    const other = users.get("coordinatorB")!;
    const publish = await call(handle.db, versionPage.action, { path: `/guide/versions/${versionA}`, user: other, params: { versionId: versionA }, form: { intent: "draft" } });
    expect(publish.status).toBe(404);
    const save = await call(handle.db, sectionEdit.action, {
      path: `/guide/sections/${sectionA}/edit`,
      user: other,
      params: { sectionId: sectionA },
      form: { baseNumber: "1", titleFr: "Piraté", bodyFr: "x", translationStatus: "to_translate" },
    });
    expect(save.status).toBe(404);
    const create = await call(handle.db, sectionNew.action, {
      path: `/guide/sections/new?module=${moduleA}`,
      user: other,
      form: { titleFr: "Piraté", bodyFr: "x", translationStatus: "to_translate" },
    });
    expect(create.status).toBe(404);
    const count = rowsOf<{ n: number }>(await handle.db.execute(sql`select count(*)::int as n from guide_section_version where partnership_id = ${tableA}`));
    expect(count[0]!.n).toBe(4);
  });

  it("a reviewer may comment but not publish; a worker may do neither (denials are audited)", async () => {
    const member = users.get("table_member")!;
    const res = await call(handle.db, versionPage.action, { path: `/guide/versions/${versionA}`, user: member, params: { versionId: versionA }, form: { intent: "draft" } });
    expect(res.status).toBe(404);
    const worker = users.get("worker")!;
    const comment = await call(handle.db, versionPage.action, {
      path: `/guide/versions/${versionA}`,
      user: worker,
      params: { versionId: versionA },
      form: { intent: "comment", body: "Bonjour" },
    });
    expect(comment.status).toBe(404);
    const denied = rowsOf<{ n: number }>(await handle.db.execute(sql`select count(*)::int as n from audit_event where action = 'access.denied'`));
    expect(denied[0]!.n).toBeGreaterThan(0);
  });

  it("seeding the demo guide twice changes nothing", async () => {
    await handle.db.transaction((tx) => seedGuideDemo(tx, tableA));
    const modules = rowsOf<{ n: number }>(await handle.db.execute(sql`select count(*)::int as n from guide_module where partnership_id = ${tableA}`));
    expect(modules[0]!.n).toBe(3);
  });
});
