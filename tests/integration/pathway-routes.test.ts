import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { DatabaseHandle } from "../../app/modules/db/client.server.ts";
import { rowsOf } from "../../app/modules/db/rows.ts";
import { defaultPathwayContent } from "../../app/modules/pathway/default-content.ts";
import { fieldName, pathwayLanguages, pathwayTextKeys, textsOf } from "../../app/modules/pathway/steps.ts";
import type { PathwayContent } from "../../app/modules/pathway/tables.ts";
import * as pathwayPage from "../../app/routes/pathway/_index.tsx";
import * as pathwayEdit from "../../app/routes/pathway/edit.tsx";
import * as pathwayVersions from "../../app/routes/pathway/versions.tsx";
import * as pathwayVersion from "../../app/routes/pathway/versions.$versionId.tsx";
import * as pathwayCompare from "../../app/routes/pathway/versions.compare.tsx";
import * as pathwayLayout from "../../app/routes/pathway/_layout.tsx";
import { createTestDatabase } from "../support/test-db.ts";
import { call, createOrganization, createSite, createTable, createUser, designatePivot, type TestUser } from "./pathway-support.ts";

let handle: DatabaseHandle;
let tableA: string;
let tableB: string;
let coordinator: TestUser;
let worker: TestUser;
let pivotOwn: TestUser;
let pivotOther: TestUser;
let coordinatorB: TestUser;
let workerB: TestUser;

interface PageData {
  page: {
    number: number;
    validatedByTable: boolean;
    texts: Record<string, string>;
    dpjPhone: string;
    own: { personId: string }[];
    others: { personId: string }[];
  };
  canEdit: boolean;
}

function draftForm(content: PathwayContent, baseNumber: number, changeNote = "Révision"): Record<string, string> {
  const form: Record<string, string> = { intent: "save", baseNumber: String(baseNumber), changeNote };
  for (const language of pathwayLanguages) {
    const texts = textsOf(content, language);
    for (const key of pathwayTextKeys) form[fieldName(language, key)] = texts[key];
  }
  return form;
}

async function readPage(user: TestUser): Promise<PageData & { canEdit: boolean }> {
  const res = await call(handle.db, pathwayPage.loader, { path: "/pathway", user });
  expect(res.status).toBe(200);
  // The editors' links (edit, versions) are the section layout's navigation.
  const layout = await call(handle.db, pathwayLayout.loader, { path: "/pathway", user });
  return { ...(res.data as PageData), canEdit: (layout.data as { nav: { edit: boolean } }).nav.edit };
}

async function auditActions(): Promise<string[]> {
  return rowsOf<{ action: string }>(await handle.db.execute(sql`select action from audit_event order by id`)).map((r) => r.action);
}

beforeAll(async () => {
  handle = await createTestDatabase();
  const db = handle.db;
  tableA = await createTable(db, "TableA", "1 800 555-0101");
  tableB = await createTable(db, "TableB");
  const school = await createOrganization(db, tableA, "Ecole");
  const clsc = await createOrganization(db, tableA, "Clsc");
  const orgB = await createOrganization(db, tableB, "Police");
  const schoolSite = await createSite(db, tableA, school, "École des Berges");
  coordinator = await createUser(db, { partnershipId: tableA, organizationId: clsc, roles: [{ role: "table_coordinator" }] });
  worker = await createUser(db, { partnershipId: tableA, organizationId: school, siteId: schoolSite, roles: [{ role: "worker", organizationId: school }] });
  pivotOwn = await createUser(db, { partnershipId: tableA, organizationId: school, givenName: "Hélène", roles: [{ role: "pivot", organizationId: school }] });
  pivotOther = await createUser(db, { partnershipId: tableA, organizationId: clsc, givenName: "Marc", roles: [{ role: "pivot", organizationId: clsc }] });
  await designatePivot(db, { partnershipId: tableA, organizationId: clsc, personId: pivotOther.personId });
  await designatePivot(db, { partnershipId: tableA, organizationId: school, personId: pivotOwn.personId, siteId: schoolSite });
  coordinatorB = await createUser(db, { partnershipId: tableB, organizationId: orgB, roles: [{ role: "table_coordinator" }] });
  workerB = await createUser(db, { partnershipId: tableB, organizationId: orgB, roles: [{ role: "worker", organizationId: orgB }] });
});

afterAll(async () => {
  await handle?.close();
});

describe("/pathway for a member of the Table", () => {
  it("asks anonymous visitors to sign in", async () => {
    const res = await call(handle.db, pathwayPage.loader, { path: "/pathway" });
    expect(res.status).toBe(302);
    expect(res.location).toContain("/login");
  });

  it("shows the default, marked as not validated, 911 first, the DPJ line and own pivots before others", async () => {
    const data = await readPage(worker);
    expect(data.canEdit).toBe(false);
    expect(data.page.number).toBe(1);
    expect(data.page.validatedByTable).toBe(false);
    expect(data.page.texts.danger).toContain("911");
    expect(data.page.texts.duty).toContain("art. 43");
    expect(data.page.dpjPhone).toBe("1 800 555-0101");
    expect(data.page.own.map((p) => p.personId)).toEqual([pivotOwn.personId]);
    expect(data.page.others.map((p) => p.personId)).toEqual([pivotOther.personId]);
    expect(await auditActions()).toContain("pathway.default_created");
  });

  it("creates the default once, even when many readers arrive together", async () => {
    await Promise.all([readPage(workerB), readPage(workerB), readPage(coordinatorB)]);
    const [row] = rowsOf<{ n: number }>(
      await handle.db.execute(sql`select count(*)::int as n from pathway_version where partnership_id = ${tableB}`),
    );
    expect(Number(row!.n)).toBe(1);
  });

  it("gives English readers the English texts", async () => {
    const english = await createUser(handle.db, { partnershipId: tableA, roles: [{ role: "worker" }], locale: "en" });
    const data = await readPage(english);
    expect(data.page.texts.danger).toBe(defaultPathwayContent.en.danger);
  });
});

describe("editing is for the Table coordination only", () => {
  it("answers 404 to a worker on every editor page and action, and audits the denial", async () => {
    const versions = await call(handle.db, pathwayVersions.loader, { path: "/pathway/versions", user: worker });
    const edit = await call(handle.db, pathwayEdit.loader, { path: "/pathway/edit", user: worker });
    const post = await call(handle.db, pathwayEdit.action, {
      path: "/pathway/edit",
      user: worker,
      form: draftForm(defaultPathwayContent, 1),
    });
    expect([versions.status, edit.status, post.status]).toEqual([404, 404, 404]);
    expect(await auditActions()).toContain("access.denied");
  });

  it("lets a pivot read but not edit", async () => {
    const data = await readPage(pivotOwn);
    expect(data.canEdit).toBe(false);
    const res = await call(handle.db, pathwayEdit.loader, { path: "/pathway/edit", user: pivotOwn });
    expect(res.status).toBe(404);
  });
});

describe("versions: draft, publish, validate, restore", () => {
  let firstId: string;
  let draftId: string;

  it("saves a draft that readers do not see until it is published", async () => {
    const editor = await call(handle.db, pathwayEdit.loader, { path: "/pathway/edit", user: coordinator });
    expect(editor.status).toBe(200);
    const state = editor.data as { baseNumber: number; initial: Record<string, string> };
    expect(state.baseNumber).toBe(1);
    expect(state.initial["fr.danger"]).toBe(defaultPathwayContent.fr.danger);

    const changed: PathwayContent = structuredClone(defaultPathwayContent);
    changed.fr.signs = "Texte révisé par la Table : des signes possibles.";
    changed.en.signs = "Text revised by the Table: possible signs.";
    const saved = await call(handle.db, pathwayEdit.action, { path: "/pathway/edit", user: coordinator, form: draftForm(changed, 1) });
    expect(saved.status).toBe(302);
    draftId = saved.location!.match(/\/pathway\/versions\/([0-9a-f-]{36})/)![1]!;

    // A double click sends the same form again: still one draft.
    const again = await call(handle.db, pathwayEdit.action, { path: "/pathway/edit", user: coordinator, form: draftForm(changed, 1) });
    expect(again.location).toBe(saved.location);

    const reader = await readPage(worker);
    expect(reader.page.texts.signs).toBe(defaultPathwayContent.fr.signs);
    expect(await auditActions()).toContain("pathway.draft_saved");
  });

  it("refuses a save based on an outdated version (someone else saved meanwhile)", async () => {
    const stale = await call(handle.db, pathwayEdit.action, {
      path: "/pathway/edit",
      user: coordinator,
      form: draftForm(defaultPathwayContent, 1, "autre note"),
    });
    expect(stale.status).toBe(409);
    expect((stale.data as { formError: string }).formError).toBe("form.conflict");
  });

  it("sends the form back when a text is empty", async () => {
    const form = draftForm(defaultPathwayContent, 2);
    form["en.duty"] = "   ";
    const res = await call(handle.db, pathwayEdit.action, { path: "/pathway/edit", user: coordinator, form });
    expect(res.status).toBe(400);
    expect((res.data as { errors: Record<string, string[]> }).errors["en.duty"]).toEqual(["form.required"]);
  });

  it("publishes the draft: readers see it and the previous version is archived", async () => {
    const res = await call(handle.db, pathwayVersion.action, {
      path: `/pathway/versions/${draftId}`,
      user: coordinator,
      params: { versionId: draftId },
      form: { intent: "publish" },
    });
    expect(res.status).toBe(302);
    const reader = await readPage(worker);
    expect(reader.page.texts.signs).toBe("Texte révisé par la Table : des signes possibles.");
    expect(reader.page.number).toBe(2);
    expect(reader.page.validatedByTable).toBe(false);

    const list = await call(handle.db, pathwayVersions.loader, { path: "/pathway/versions", user: coordinator });
    const versions = (list.data as { versions: { id: string; number: number; status: string; createdByName: string | null; publishedByName: string | null }[] }).versions;
    expect(versions.map((v) => [v.number, v.status])).toEqual([
      [2, "published"],
      [1, "archived"],
    ]);
    expect(versions[0]!.createdByName).toBe("Test Person");
    expect(versions[0]!.publishedByName).toBe("Test Person");
    firstId = versions[1]!.id;
  });

  it("removes the 'to be validated' notice once the Table validates the published version", async () => {
    const res = await call(handle.db, pathwayVersion.action, {
      path: `/pathway/versions/${draftId}`,
      user: coordinator,
      params: { versionId: draftId },
      form: { intent: "validate" },
    });
    expect(res.status).toBe(302);
    expect((await readPage(worker)).page.validatedByTable).toBe(true);
    expect(await auditActions()).toContain("pathway.validated");
  });

  it("compares two versions text by text", async () => {
    const res = await call(handle.db, pathwayCompare.loader, {
      path: `/pathway/versions/compare?from=${firstId}&to=${draftId}`,
      user: coordinator,
    });
    expect(res.status).toBe(200);
    const texts = (res.data as { texts: { language: string; key: string; changed: boolean; lines: { kind: string; text: string }[] }[] }).texts;
    const changed = texts.filter((x) => x.changed).map((x) => `${x.language}.${x.key}`);
    expect(changed).toEqual(["fr.signs", "en.signs"]);
    const frSigns = texts.find((x) => x.language === "fr" && x.key === "signs")!;
    expect(frSigns.lines).toContainEqual({ kind: "added", text: "Texte révisé par la Table : des signes possibles." });
  });

  it("restores an old version into a new draft, then publishing it brings the old text back", async () => {
    const restored = await call(handle.db, pathwayVersion.action, {
      path: `/pathway/versions/${firstId}`,
      user: coordinator,
      params: { versionId: firstId },
      form: { intent: "restore", baseNumber: "2", changeNote: "Retour au texte d'origine" },
    });
    expect(restored.status).toBe(302);
    const newId = restored.location!.match(/\/pathway\/versions\/([0-9a-f-]{36})/)![1]!;
    const view = await call(handle.db, pathwayVersion.loader, { path: `/pathway/versions/${newId}`, user: coordinator, params: { versionId: newId } });
    const version = (view.data as { version: { number: number; status: string; restoredFromNumber: number | null; validatedByTable: boolean } }).version;
    expect(version).toMatchObject({ number: 3, status: "draft", restoredFromNumber: 1, validatedByTable: false });

    await call(handle.db, pathwayVersion.action, {
      path: `/pathway/versions/${newId}`,
      user: coordinator,
      params: { versionId: newId },
      form: { intent: "publish" },
    });
    const reader = await readPage(worker);
    expect(reader.page.texts.signs).toBe(defaultPathwayContent.fr.signs);
    expect(reader.page.validatedByTable).toBe(false);
    expect(await auditActions()).toEqual(expect.arrayContaining(["pathway.restored", "pathway.published"]));
  });

  it("refuses to publish an archived version", async () => {
    const res = await call(handle.db, pathwayVersion.action, {
      path: `/pathway/versions/${firstId}`,
      user: coordinator,
      params: { versionId: firstId },
      form: { intent: "publish" },
    });
    expect(res.status).toBe(409);
  });
});

describe("Tables are isolated", () => {
  it("answers 404 to another Table's coordinator on this Table's versions, compare and actions", async () => {
    const list = await call(handle.db, pathwayVersions.loader, { path: "/pathway/versions", user: coordinator });
    const ids = (list.data as { versions: { id: string }[] }).versions.map((v) => v.id);
    const [a, b] = ids;
    const view = await call(handle.db, pathwayVersion.loader, { path: `/pathway/versions/${a}`, user: coordinatorB, params: { versionId: a! } });
    const compare = await call(handle.db, pathwayCompare.loader, { path: `/pathway/versions/compare?from=${a}&to=${b}`, user: coordinatorB });
    const publish = await call(handle.db, pathwayVersion.action, {
      path: `/pathway/versions/${a}`,
      user: coordinatorB,
      params: { versionId: a! },
      form: { intent: "validate" },
    });
    const restore = await call(handle.db, pathwayVersion.action, {
      path: `/pathway/versions/${b}`,
      user: coordinatorB,
      params: { versionId: b! },
      form: { intent: "restore", baseNumber: "1", changeNote: "" },
    });
    expect([view.status, compare.status, publish.status, restore.status]).toEqual([404, 404, 404, 404]);

    const own = await call(handle.db, pathwayVersions.loader, { path: "/pathway/versions", user: coordinatorB });
    const ownIds = (own.data as { versions: { id: string }[] }).versions.map((v) => v.id);
    expect(ownIds.some((id) => ids.includes(id))).toBe(false);
  });

  it("shows Table B's members only Table B's pivots and texts", async () => {
    const data = await readPage(workerB);
    expect(data.page.own).toEqual([]);
    expect(data.page.others).toEqual([]);
    expect(data.page.texts.signs).toBe(defaultPathwayContent.fr.signs);
  });
});

describe("the DPJ number is a Table setting", () => {
  it("is edited by the coordinator with a version check, audited, and shown to readers", async () => {
    const editor = await call(handle.db, pathwayEdit.loader, { path: "/pathway/edit", user: coordinator });
    const { dpj } = editor.data as { dpj: { dpjPhone: string; version: number } };
    const bad = await call(handle.db, pathwayEdit.action, {
      path: "/pathway/edit",
      user: coordinator,
      form: { intent: "dpj", dpjPhone: "call us", version: String(dpj.version) },
    });
    expect(bad.status).toBe(400);
    const ok = await call(handle.db, pathwayEdit.action, {
      path: "/pathway/edit",
      user: coordinator,
      form: { intent: "dpj", dpjPhone: "418 555-0177", version: String(dpj.version) },
    });
    expect(ok.status).toBe(302);
    const stale = await call(handle.db, pathwayEdit.action, {
      path: "/pathway/edit",
      user: coordinator,
      form: { intent: "dpj", dpjPhone: "418 555-0000", version: String(dpj.version) },
    });
    expect(stale.status).toBe(409);
    expect((await readPage(worker)).page.dpjPhone).toBe("418 555-0177");
    expect(await auditActions()).toContain("partnership.dpj_phone_updated");
  });

  it("cannot be changed by a worker", async () => {
    const res = await call(handle.db, pathwayEdit.action, {
      path: "/pathway/edit",
      user: worker,
      form: { intent: "dpj", dpjPhone: "418 555-0666", version: "1" },
    });
    expect(res.status).toBe(404);
    expect((await readPage(worker)).page.dpjPhone).toBe("418 555-0177");
  });
});
