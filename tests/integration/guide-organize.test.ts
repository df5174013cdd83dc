import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, asc, eq, sql } from "drizzle-orm";
import type { DatabaseHandle } from "../../app/modules/db/client.server.ts";
import { rowsOf } from "../../app/modules/db/rows.ts";
import { seedGuideDemo } from "../../app/modules/demo/seed-guide.server.ts";
import { emailMessage } from "../../app/modules/email/tables.ts";
import { listGuideSections } from "../../app/modules/guide/read-guide.server.ts";
import { guideModule, guideSection, guideSectionVersion } from "../../app/modules/guide/tables.ts";
import { roleAssignment } from "../../app/modules/people/tables.ts";
import * as guideIndex from "../../app/routes/guide/_index.tsx";
import * as moduleEdit from "../../app/routes/guide/modules.$moduleId.edit.tsx";
import * as sectionArchive from "../../app/routes/guide/sections.$sectionId.archive.tsx";
import * as sectionRead from "../../app/routes/guide/sections.$sectionId.tsx";
import * as versionPage from "../../app/routes/guide/versions.$versionId.tsx";
import { createTestDatabase } from "../support/test-db.ts";
import { call, createOrganization, createTable, createUser, type TestUser } from "./pathway-support.ts";

/*
 * The guide's organization by its editors: module titles and introductions, section order,
 * withdrawing a section (archived, history kept), restoring an older version as a new draft,
 * and the notice sent to the Table's reviewers when a version is put in review.
 */
let handle: DatabaseHandle;
let tableA: string;
let tableB: string;
let coordinator: TestUser;
let trainer: TestUser;
let member: TestUser;
let pivot: TestUser;
let pivotCoordinator: TestUser;
let worker: TestUser;
let observer: TestUser;
let revoked: TestUser;
let memberEn: TestUser;
let coordinatorB: TestUser;
let memberB: TestUser;

async function auditRows(action: string) {
  return rowsOf<{ target_id: string; details: Record<string, unknown> | string }>(
    await handle.db.execute(sql`select target_id, details from audit_event where action = ${action} order by id`),
  ).map((r) => ({ targetId: r.target_id, details: typeof r.details === "string" ? (JSON.parse(r.details) as Record<string, unknown>) : r.details }));
}

async function modulesOf(partnershipId: string) {
  return handle.db.select().from(guideModule).where(eq(guideModule.partnershipId, partnershipId)).orderBy(asc(guideModule.position));
}

async function sectionOrder(moduleId: string): Promise<string[]> {
  const rows = await handle.db
    .select({ id: guideSection.id })
    .from(guideSection)
    .where(eq(guideSection.moduleId, moduleId))
    .orderBy(asc(guideSection.position), asc(guideSection.createdAt));
  return rows.map((r) => r.id);
}

beforeAll(async () => {
  handle = await createTestDatabase();
  const db = handle.db;
  tableA = await createTable(db, "OrgA");
  tableB = await createTable(db, "OrgB");
  const org = await createOrganization(db, tableA, "Ecole");
  const orgB = await createOrganization(db, tableB, "Police");
  coordinator = await createUser(db, { partnershipId: tableA, organizationId: org, roles: [{ role: "table_coordinator" }] });
  trainer = await createUser(db, { partnershipId: tableA, organizationId: org, roles: [{ role: "trainer" }] });
  member = await createUser(db, { partnershipId: tableA, organizationId: org, roles: [{ role: "table_member", organizationId: org }] });
  memberEn = await createUser(db, { partnershipId: tableA, organizationId: org, locale: "en", roles: [{ role: "table_member", organizationId: org }] });
  pivot = await createUser(db, { partnershipId: tableA, organizationId: org, roles: [{ role: "pivot", organizationId: org }] });
  pivotCoordinator = await createUser(db, { partnershipId: tableA, organizationId: org, roles: [{ role: "pivot_coordinator", organizationId: org }] });
  worker = await createUser(db, { partnershipId: tableA, organizationId: org, roles: [{ role: "worker", organizationId: org }] });
  observer = await createUser(db, { partnershipId: tableA, organizationId: org, roles: [{ role: "observer" }] });
  revoked = await createUser(db, { partnershipId: tableA, organizationId: org, roles: [{ role: "table_member", organizationId: org }] });
  await db.update(roleAssignment).set({ revokedAt: new Date() }).where(eq(roleAssignment.personId, revoked.personId));
  coordinatorB = await createUser(db, { partnershipId: tableB, organizationId: orgB, roles: [{ role: "table_coordinator" }] });
  memberB = await createUser(db, { partnershipId: tableB, organizationId: orgB, roles: [{ role: "table_member", organizationId: orgB }] });
  await db.transaction(async (tx) => {
    await seedGuideDemo(tx, tableA);
    await seedGuideDemo(tx, tableB);
  });
});

afterAll(async () => {
  await handle?.close();
});

describe("module titles and introductions", () => {
  it("lets guide editors (coordinator, trainer) rename a module in both languages, audited", async () => {
    const [mod] = await modulesOf(tableA);
    const path = `/guide/modules/${mod!.id}/edit`;
    const page = await call(handle.db, moduleEdit.loader, { path, user: coordinator, params: { moduleId: mod!.id } });
    expect(page.status).toBe(200);
    const form = { titleFr: "Savoir : comprendre l'exploitation", titleEn: "Knowledge: understanding exploitation", summaryFr: "Les bases.", summaryEn: "The basics." };
    // The form carries the version it was drawn from, as the page renders it.
    const version = String((page.data as { version: number }).version);
    const saved = await call(handle.db, moduleEdit.action, { path, user: coordinator, params: { moduleId: mod!.id }, form: { ...form, version } });
    expect(saved.status).toBe(302);
    const [after] = await modulesOf(tableA);
    expect(after).toMatchObject(form);
    expect((await auditRows("guide.module_updated")).at(-1)).toMatchObject({ targetId: mod!.id, details: { changed: ["titleFr", "titleEn", "summaryFr", "summaryEn"] } });
    // A save from the page drawn before that one: refused (409), nothing overwritten.
    const stale = await call(handle.db, moduleEdit.action, { path, user: trainer, params: { moduleId: mod!.id }, form: { ...form, titleFr: "Savoir", version } });
    expect(stale.status).toBe(409);
    expect((stale.data as { formError: string }).formError).toBe("form.conflict");
    expect((await modulesOf(tableA))[0]).toMatchObject(form);
    // The same texts again, from the page as it is now: no change, no second event.
    const reloaded = await call(handle.db, moduleEdit.loader, { path, user: trainer, params: { moduleId: mod!.id } });
    const current = String((reloaded.data as { version: number }).version);
    expect(current).not.toBe(version);
    expect((await call(handle.db, moduleEdit.action, { path, user: trainer, params: { moduleId: mod!.id }, form: { ...form, version: current } })).status).toBe(302);
    expect(await auditRows("guide.module_updated")).toHaveLength(1);
    const index = await call(handle.db, guideIndex.loader, { path: "/guide", user: worker });
    expect((index.data as { modules: { title: string; summary: string }[] }).modules[0]).toMatchObject({ title: form.titleFr, summary: form.summaryFr });
  });

  it("refuses an empty title and keeps the module unchanged", async () => {
    const [mod] = await modulesOf(tableA);
    const res = await call(handle.db, moduleEdit.action, {
      path: `/guide/modules/${mod!.id}/edit`,
      user: coordinator,
      params: { moduleId: mod!.id },
      form: { titleFr: " ", titleEn: "X", summaryFr: "", summaryEn: "", version: "1" },
    });
    expect(res.status).toBe(400);
    expect((res.data as { errors: Record<string, string[]> }).errors.titleFr).toEqual(["form.required"]);
  });

  it("answers 404 to reviewers who do not edit, and to another Table's coordinator", async () => {
    const [mod] = await modulesOf(tableA);
    const path = `/guide/modules/${mod!.id}/edit`;
    for (const user of [member, worker, pivot]) {
      expect((await call(handle.db, moduleEdit.loader, { path, user, params: { moduleId: mod!.id } })).status).toBe(404);
      expect((await call(handle.db, moduleEdit.action, { path, user, params: { moduleId: mod!.id }, form: { titleFr: "X", titleEn: "X" } })).status).toBe(404);
    }
    expect((await call(handle.db, moduleEdit.loader, { path, user: coordinatorB, params: { moduleId: mod!.id } })).status).toBe(404);
    expect((await call(handle.db, moduleEdit.action, { path, user: coordinatorB, params: { moduleId: mod!.id }, form: { titleFr: "X", titleEn: "X" } })).status).toBe(404);
    expect((await modulesOf(tableA))[0]!.titleFr).toBe("Savoir : comprendre l'exploitation");
  });
});

describe("section order", () => {
  it("moves a section down and back up with plain POSTs; the top one cannot go higher", async () => {
    const [mod] = await modulesOf(tableA);
    const before = await sectionOrder(mod!.id);
    expect(before.length).toBeGreaterThan(1);
    const move = (sectionId: string, direction: string, user = coordinator) =>
      call(handle.db, guideIndex.action, { path: "/guide", user, form: { intent: "move", sectionId, direction } });
    expect((await move(before[0]!, "down")).location).toBe("/guide?done=moved");
    expect(await sectionOrder(mod!.id)).toEqual([before[1], before[0], ...before.slice(2)]);
    await move(before[0]!, "up", trainer);
    expect(await sectionOrder(mod!.id)).toEqual(before);
    const moved = await auditRows("guide.section_moved");
    expect(moved.map((m) => m.details.direction)).toEqual(["down", "up"]);
    await move(before[0]!, "up");
    expect(await sectionOrder(mod!.id)).toEqual(before);
    expect(await auditRows("guide.section_moved")).toHaveLength(2);
    // The readers' table of contents follows the new order.
    await move(before[0]!, "down");
    const index = await call(handle.db, guideIndex.loader, { path: "/guide", user: worker });
    const listed = (index.data as { modules: { id: string; sections: { id: string }[] }[] }).modules.find((m) => m.id === mod!.id)!;
    expect(listed.sections.map((s) => s.id).slice(0, 2)).toEqual([before[1], before[0]]);
  });

  it("answers 404 to a reviewer and for another Table's section, 400 for a bad direction", async () => {
    const [modB] = await modulesOf(tableB);
    const [foreign] = await sectionOrder(modB!.id);
    const [mod] = await modulesOf(tableA);
    const [mine] = await sectionOrder(mod!.id);
    const order = await sectionOrder(modB!.id);
    expect((await call(handle.db, guideIndex.action, { path: "/guide", user: member, form: { intent: "move", sectionId: mine!, direction: "down" } })).status).toBe(404);
    expect((await call(handle.db, guideIndex.action, { path: "/guide", user: coordinator, form: { intent: "move", sectionId: foreign!, direction: "down" } })).status).toBe(404);
    // A direction no button sends is a bad request (400), and moves nothing.
    expect((await call(handle.db, guideIndex.action, { path: "/guide", user: coordinator, form: { intent: "move", sectionId: mine!, direction: "sideways" } })).status).toBe(400);
    expect(await sectionOrder(modB!.id)).toEqual(order);
  });
});

describe("restore a version", () => {
  it("copies an older version into a new draft and leaves history untouched", async () => {
    const [mod] = await modulesOf(tableA);
    const sectionId = (await sectionOrder(mod!.id))[0]!;
    const [v1] = await handle.db.select().from(guideSectionVersion).where(eq(guideSectionVersion.sectionId, sectionId)).orderBy(asc(guideSectionVersion.number));
    // An editor saves a new version with a different text, which gets published.
    const { saveGuideDraft, changeGuideVersionStatus } = await import("../../app/modules/guide/write-guide.server.ts");
    const actor = { accountId: null, role: "table_coordinator", organizationId: null, partnershipId: tableA, requestId: "t", ip: "127.0.0.1" };
    const saved = await saveGuideDraft(handle.db, actor, {
      partnershipId: tableA,
      personId: coordinator.personId,
      sectionId,
      baseNumber: v1!.number,
      content: { ...v1!.content, bodyFr: "Un texte remplacé." },
      translationStatus: v1!.translationStatus,
      changeNote: "réécriture",
    });
    expect(saved.kind).toBe("ok");
    await changeGuideVersionStatus(handle.db, actor, { partnershipId: tableA, personId: coordinator.personId, versionId: (saved as { value: string }).value, to: "published" });
    const path = `/guide/versions/${v1!.id}`;
    const page = await call(handle.db, versionPage.loader, { path, user: trainer, params: { versionId: v1!.id } });
    expect((page.data as { latestNumber: number }).latestNumber).toBe(v1!.number + 1);
    const before = await handle.db.select().from(guideSectionVersion).where(eq(guideSectionVersion.sectionId, sectionId));
    const res = await call(handle.db, versionPage.action, {
      path,
      user: trainer,
      params: { versionId: v1!.id },
      form: { intent: "restore", baseNumber: String(v1!.number + 1), changeNote: "Retour à la version 1" },
    });
    expect(res.status).toBe(302);
    const after = await handle.db.select().from(guideSectionVersion).where(eq(guideSectionVersion.sectionId, sectionId)).orderBy(asc(guideSectionVersion.number));
    expect(after).toHaveLength(before.length + 1);
    const restored = after.at(-1)!;
    expect(res.location).toBe(`/guide/versions/${restored.id}?done=restored`);
    expect(restored).toMatchObject({ number: v1!.number + 2, status: "draft", changeNote: "Retour à la version 1", translationStatus: v1!.translationStatus });
    expect(restored.content).toEqual(v1!.content);
    // The older rows are exactly as they were (the published v2 stays what readers see).
    for (const old of before) expect(after.find((a) => a.id === old.id)).toEqual(old);
    expect((await auditRows("guide.restored")).at(-1)).toMatchObject({ targetId: restored.id, details: { restoredFrom: v1!.id, restoredFromNumber: v1!.number } });
    // A second restore made from the same (now stale) page is a conflict, not a silent overwrite.
    const stale = await call(handle.db, versionPage.action, {
      path,
      user: coordinator,
      params: { versionId: v1!.id },
      form: { intent: "restore", baseNumber: String(v1!.number + 1), changeNote: "" },
    });
    expect(stale.status).toBe(409);
  });

  it("is for editors only; another Table's version is missing", async () => {
    const [mod] = await modulesOf(tableA);
    const sectionId = (await sectionOrder(mod!.id))[0]!;
    const [v1] = await handle.db.select().from(guideSectionVersion).where(eq(guideSectionVersion.sectionId, sectionId)).orderBy(asc(guideSectionVersion.number));
    const form = { intent: "restore", baseNumber: "99", changeNote: "" };
    const params = { versionId: v1!.id };
    expect((await call(handle.db, versionPage.action, { path: `/guide/versions/${v1!.id}`, user: member, params, form })).status).toBe(404);
    expect((await call(handle.db, versionPage.action, { path: `/guide/versions/${v1!.id}`, user: coordinatorB, params, form })).status).toBe(404);
  });
});

describe("review notices", () => {
  it("emails each reviewer of the Table once, in their language, with a link and no content", async () => {
    const [, mod] = await modulesOf(tableA);
    const sectionId = (await sectionOrder(mod!.id))[0]!;
    const { saveGuideDraft } = await import("../../app/modules/guide/write-guide.server.ts");
    const [latest] = await handle.db
      .select()
      .from(guideSectionVersion)
      .where(eq(guideSectionVersion.sectionId, sectionId))
      .orderBy(sql`${guideSectionVersion.number} desc`)
      .limit(1);
    const actor = { accountId: null, role: "trainer", organizationId: null, partnershipId: tableA, requestId: "t", ip: "127.0.0.1" };
    const draft = await saveGuideDraft(handle.db, actor, {
      partnershipId: tableA,
      personId: trainer.personId,
      sectionId,
      baseNumber: latest!.number,
      content: { ...latest!.content, bodyFr: "Texte confidentiel de travail." },
      translationStatus: latest!.translationStatus,
      changeNote: "",
    });
    const versionId = (draft as { value: string }).value;
    await handle.db.delete(emailMessage);
    const res = await call(handle.db, versionPage.action, { path: `/guide/versions/${versionId}`, user: trainer, params: { versionId }, form: { intent: "review" } });
    expect(res.status).toBe(302);
    const mails = await handle.db.select().from(emailMessage).orderBy(asc(emailMessage.toAddress));
    const expected = [coordinator, member, memberEn, pivot, pivotCoordinator].map((u) => u.email).sort();
    expect(mails.map((m) => m.toAddress)).toEqual(expected);
    for (const m of mails) {
      expect(m.partnershipId).toBe(tableA);
      expect(m.textBody).toContain(`http://localhost:3000/guide/versions/${versionId}`);
      expect(m.textBody).not.toContain("confidentiel");
      expect(m.textBody).not.toContain(latest!.content.titleFr);
      expect(m.subject).toBe(m.toAddress === memberEn.email ? "Filet — a guide section awaits your review" : "Filet — une section du guide attend votre révision");
    }
    // Not the author, not workers or observers, not a revoked role, nobody of another Table.
    for (const u of [trainer, worker, observer, revoked, coordinatorB, memberB]) expect(mails.map((m) => m.toAddress)).not.toContain(u.email);
    // Submitting the same version again (a double click) sends nothing more.
    await call(handle.db, versionPage.action, { path: `/guide/versions/${versionId}`, user: trainer, params: { versionId }, form: { intent: "review" } });
    expect(await handle.db.select().from(emailMessage)).toHaveLength(expected.length);
  });
});

describe("withdrawing a section", () => {
  it("asks for confirmation, then archives a published section: hidden, history kept, audited", async () => {
    const [mod] = await modulesOf(tableA);
    const sectionId = (await sectionOrder(mod!.id))[0]!;
    const path = `/guide/sections/${sectionId}/archive`;
    const confirm = await call(handle.db, sectionArchive.loader, { path, user: coordinator, params: { sectionId } });
    expect(confirm.status).toBe(200);
    expect(confirm.data).toMatchObject({ sectionId, published: true });
    const versionsBefore = await handle.db.select().from(guideSectionVersion).where(eq(guideSectionVersion.sectionId, sectionId));
    const res = await call(handle.db, sectionArchive.action, { path, user: trainer, params: { sectionId }, form: { intent: "archive" } });
    expect(res.location).toBe("/guide?done=archived");
    const [row] = await handle.db.select().from(guideSection).where(eq(guideSection.id, sectionId));
    expect(row!.archivedAt).not.toBeNull();
    expect(row!.archivedBy).toBe(trainer.personId);
    // Every version is still there; the pending draft was closed, the published one kept as history.
    const versionsAfter = await handle.db.select().from(guideSectionVersion).where(eq(guideSectionVersion.sectionId, sectionId));
    expect(versionsAfter).toHaveLength(versionsBefore.length);
    expect(versionsAfter.filter((v) => v.status === "draft" || v.status === "in_review")).toHaveLength(0);
    expect(versionsAfter.some((v) => v.status === "published")).toBe(true);
    expect((await listGuideSections(handle.db, tableA)).map((s) => s.id)).not.toContain(sectionId);
    expect((await call(handle.db, sectionRead.loader, { path: `/guide/sections/${sectionId}`, user: worker, params: { sectionId } })).status).toBe(404);
    // Its old versions stay readable by reviewers, but cannot be published again.
    const published = versionsAfter.find((v) => v.status === "published")!;
    expect((await call(handle.db, versionPage.loader, { path: `/guide/versions/${published.id}`, user: member, params: { versionId: published.id } })).status).toBe(200);
    const old = versionsAfter.find((v) => v.status === "archived")!;
    const republish = await call(handle.db, versionPage.action, { path: `/guide/versions/${old.id}`, user: coordinator, params: { versionId: old.id }, form: { intent: "publish" } });
    expect(republish.status).toBe(409);
    expect(await auditRows("guide.section_archived")).toHaveLength(1);
    // Archiving again (a double click) changes nothing; the confirm page of an archived section is missing.
    expect((await call(handle.db, sectionArchive.action, { path, user: coordinator, params: { sectionId }, form: { intent: "archive" } })).location).toBe("/guide?done=archived");
    expect(await auditRows("guide.section_archived")).toHaveLength(1);
    expect((await call(handle.db, sectionArchive.loader, { path, user: coordinator, params: { sectionId } })).status).toBe(404);
  });

  it("answers 404 to reviewers and to another Table's coordinator", async () => {
    const [mod] = await modulesOf(tableA);
    const sectionId = (await sectionOrder(mod!.id))[1]!;
    const path = `/guide/sections/${sectionId}/archive`;
    for (const user of [member, worker, coordinatorB]) {
      expect((await call(handle.db, sectionArchive.loader, { path, user, params: { sectionId } })).status).toBe(404);
      expect((await call(handle.db, sectionArchive.action, { path, user, params: { sectionId }, form: { intent: "archive" } })).status).toBe(404);
    }
    const [row] = await handle.db.select().from(guideSection).where(and(eq(guideSection.id, sectionId)));
    expect(row!.archivedAt).toBeNull();
  });
});
