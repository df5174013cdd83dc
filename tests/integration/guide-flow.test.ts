import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { DatabaseHandle } from "../../app/modules/db/client.server.ts";
import { rowsOf } from "../../app/modules/db/rows.ts";
import { seedGuideDemo } from "../../app/modules/demo/seed-guide.server.ts";
import { guideModule, guideSection, guideSectionVersion } from "../../app/modules/guide/tables.ts";
import { sectionFormValues } from "../../app/modules/guide/guide-schema.ts";
import { SUBMISSION_KEY_FIELD } from "../../app/modules/forms/submission-field.ts";
import { listGuideExercises } from "../../app/modules/guide/list-guide-exercises.server.ts";
import * as guideIndex from "../../app/routes/guide/_index.tsx";
import * as guidePdf from "../../app/routes/guide/pdf.tsx";
import * as guidePrint from "../../app/routes/guide/print.tsx";
import * as sectionNew from "../../app/routes/guide/sections.new.tsx";
import * as sectionRead from "../../app/routes/guide/sections.$sectionId.tsx";
import * as sectionEdit from "../../app/routes/guide/sections.$sectionId.edit.tsx";
import * as versionPage from "../../app/routes/guide/versions.$versionId.tsx";
import * as versionCompare from "../../app/routes/guide/versions.compare.tsx";
import { createTestDatabase, testContext } from "../support/test-db.ts";
import { call, createOrganization, createTable, createUser, type TestUser } from "./pathway-support.ts";

let handle: DatabaseHandle;
let tableA: string;
let tableB: string;
let coordinator: TestUser;
let member: TestUser;
let workerFr: TestUser;
let workerEn: TestUser;
let workerB: TestUser;

interface ReaderData {
  wanted: "fr" | "en";
  section: { title: string; body: string; language: "fr" | "en"; translationStatus: string; number: number; exercises: { title: string }[] } | null;
}

async function sectionByTitle(partnershipId: string, titleFr: string) {
  const rows = await handle.db
    .select({ id: guideSection.id, versionId: guideSectionVersion.id, content: guideSectionVersion.content, moduleId: guideSection.moduleId })
    .from(guideSection)
    .innerJoin(guideSectionVersion, eq(guideSectionVersion.sectionId, guideSection.id))
    .where(eq(guideSection.partnershipId, partnershipId));
  return rows.find((r) => r.content.titleFr === titleFr)!;
}

async function read(user: TestUser, sectionId: string): Promise<ReaderData> {
  const res = await call(handle.db, sectionRead.loader, { path: `/guide/sections/${sectionId}`, user, params: { sectionId } });
  expect(res.status).toBe(200);
  return res.data as ReaderData;
}

async function auditActions(): Promise<string[]> {
  return rowsOf<{ action: string }>(await handle.db.execute(sql`select action from audit_event order by id`)).map((r) => r.action);
}

beforeAll(async () => {
  handle = await createTestDatabase();
  const db = handle.db;
  tableA = await createTable(db, "FlowA");
  tableB = await createTable(db, "FlowB");
  const org = await createOrganization(db, tableA, "Ecole");
  const orgB = await createOrganization(db, tableB, "Police");
  coordinator = await createUser(db, { partnershipId: tableA, organizationId: org, roles: [{ role: "table_coordinator" }] });
  member = await createUser(db, { partnershipId: tableA, organizationId: org, givenName: "Maude", roles: [{ role: "table_member" }] });
  workerFr = await createUser(db, { partnershipId: tableA, organizationId: org, roles: [{ role: "worker", organizationId: org }] });
  workerEn = await createUser(db, { partnershipId: tableA, organizationId: org, locale: "en", roles: [{ role: "worker", organizationId: org }] });
  workerB = await createUser(db, { partnershipId: tableB, organizationId: orgB, roles: [{ role: "worker", organizationId: orgB }] });
  await db.transaction(async (tx) => {
    await seedGuideDemo(tx, tableA);
    await seedGuideDemo(tx, tableB);
  });
});

afterAll(async () => {
  await handle?.close();
});

describe("translation: the reader gets their language, or French with a notice", () => {
  it("an English reader gets the English text of a translated section", async () => {
    const s = await sectionByTitle(tableA, "Reconnaître l'exploitation sexuelle");
    const en = await read(workerEn, s.id);
    expect(en.section?.language).toBe("en");
    expect(en.section?.title).toBe("Recognizing sexual exploitation");
    expect(en.section?.exercises[0]?.title).toBe("Myths and facts");
    const fr = await read(workerFr, s.id);
    expect(fr.section?.language).toBe("fr");
    expect(fr.section?.title).toBe("Reconnaître l'exploitation sexuelle");
  });

  it("an English reader gets the French text (and the status) of a section still to translate", async () => {
    const s = await sectionByTitle(tableA, "Le cadre légal en bref");
    const en = await read(workerEn, s.id);
    expect(en.wanted).toBe("en");
    expect(en.section?.language).toBe("fr");
    expect(en.section?.translationStatus).toBe("to_translate");
    expect(en.section?.body).toContain("motif raisonnable");
  });
});

describe("versions: draft, review with comments, publication, comparison, history", () => {
  it("a saved draft stays invisible to readers until published; reviewers comment; publishing archives the old version", async () => {
    const s = await sectionByTitle(tableA, "Accueillir sans juger");
    const form = {
      ...sectionFormValues(s.content, "translated"),
      bodyFr: `${s.content.bodyFr}\n\nAjout révisé : gardez la porte ouverte.`,
      bodyEn: `${s.content.bodyEn}\n\nRevised addition: keep the door open.`,
      changeNote: "Ajout",
      baseNumber: "1",
    };
    const saved = await call(handle.db, sectionEdit.action, { path: `/guide/sections/${s.id}/edit`, user: coordinator, params: { sectionId: s.id }, form });
    expect(saved.status).toBe(302);
    const draftId = saved.location!.split("/").pop()!.split("?")[0]!;

    // Double submission: the same draft, not a second one.
    const again = await call(handle.db, sectionEdit.action, { path: `/guide/sections/${s.id}/edit`, user: coordinator, params: { sectionId: s.id }, form });
    expect(again.location).toBe(saved.location);
    // Someone still on version 1 with different text: conflict.
    const stale = await call(handle.db, sectionEdit.action, {
      path: `/guide/sections/${s.id}/edit`,
      user: coordinator,
      params: { sectionId: s.id },
      form: { ...form, bodyFr: "Autre texte" },
    });
    expect(stale.status).toBe(409);
    expect((stale.data as { formError: string }).formError).toBe("form.conflict");

    expect((await read(workerFr, s.id)).section?.body).not.toContain("Ajout révisé");

    // Comments only while in review.
    const early = await call(handle.db, versionPage.action, { path: `/guide/versions/${draftId}`, user: member, params: { versionId: draftId }, form: { intent: "comment", body: "Trop tôt", [SUBMISSION_KEY_FIELD]: randomUUID() } });
    expect(early.status).toBe(409);
    const review = await call(handle.db, versionPage.action, { path: `/guide/versions/${draftId}`, user: coordinator, params: { versionId: draftId }, form: { intent: "review" } });
    expect(review.location).toBe(`/guide/versions/${draftId}?done=in_review`);
    const comment = { intent: "comment", body: "Ajouter un exemple concret, svp.", [SUBMISSION_KEY_FIELD]: randomUUID() };
    const c1 = await call(handle.db, versionPage.action, { path: `/guide/versions/${draftId}`, user: member, params: { versionId: draftId }, form: comment });
    expect(c1.status).toBe(302);
    // The same submission again (a double click): the same answer, one comment.
    const c2 = await call(handle.db, versionPage.action, { path: `/guide/versions/${draftId}`, user: member, params: { versionId: draftId }, form: comment });
    expect(c2.location).toBe(c1.location);
    const empty = await call(handle.db, versionPage.action, {
      path: `/guide/versions/${draftId}`,
      user: member,
      params: { versionId: draftId },
      form: { intent: "comment", body: "  ", [SUBMISSION_KEY_FIELD]: randomUUID() },
    });
    expect(empty.status).toBe(400);
    const page = await call(handle.db, versionPage.loader, { path: `/guide/versions/${draftId}`, user: member, params: { versionId: draftId } });
    const comments = (page.data as { comments: { body: string; authorName: string }[] }).comments;
    expect(comments).toHaveLength(1);
    expect(comments[0]!.authorName).toContain("Maude");

    const published = await call(handle.db, versionPage.action, { path: `/guide/versions/${draftId}`, user: coordinator, params: { versionId: draftId }, form: { intent: "publish" } });
    expect(published.location).toBe(`/guide/versions/${draftId}?done=published`);
    const after = await read(workerFr, s.id);
    expect(after.section?.number).toBe(2);
    expect(after.section?.body).toContain("Ajout révisé");
    const v1 = await handle.db.select({ status: guideSectionVersion.status }).from(guideSectionVersion).where(eq(guideSectionVersion.id, s.versionId));
    expect(v1[0]!.status).toBe("archived");
    // An archived version cannot be published again.
    const old = await call(handle.db, versionPage.action, { path: `/guide/versions/${s.versionId}`, user: coordinator, params: { versionId: s.versionId }, form: { intent: "publish" } });
    expect(old.status).toBe(409);

    const compare = await call(handle.db, versionCompare.loader, { path: `/guide/versions/compare?from=${s.versionId}&to=${draftId}`, user: member });
    const diffs = (compare.data as { diffs: { language: string; part: string; changed: boolean; lines: { kind: string; text: string }[] }[] }).diffs;
    const changed = diffs.filter((d) => d.changed).map((d) => `${d.language}.${d.part}`);
    expect(changed).toEqual(["fr.body", "en.body"]);
    expect(diffs[1]!.lines.some((l) => l.kind === "added" && l.text.includes("Ajout révisé"))).toBe(true);

    const actions = await auditActions();
    for (const a of ["guide.draft_saved", "guide.review_opened", "guide.commented", "guide.published"]) expect(actions).toContain(a);
    expect(actions.filter((a) => a === "guide.draft_saved")).toHaveLength(1);
    expect(actions.filter((a) => a === "guide.commented")).toHaveLength(1);
  });

  it("a new section with an exercise starts as an unpublished draft; invalid input is refused with the values kept", async () => {
    const [mod] = await handle.db.select({ id: guideModule.id }).from(guideModule).where(eq(guideModule.partnershipId, tableA)).limit(1);
    const bad = await call(handle.db, sectionNew.action, {
      path: `/guide/sections/new?module=${mod!.id}`,
      user: coordinator,
      form: { titleFr: "", bodyFr: "Texte", translationStatus: "translated", exercise0_titleFr: "Jeu", exercise0_durationMinutes: "0" },
    });
    expect(bad.status).toBe(400);
    const errors = (bad.data as { errors: Record<string, string[]> }).errors;
    expect(errors.titleFr).toEqual(["form.required"]);
    expect(errors.exercise0_durationMinutes).toEqual(["guide.form.duration"]);
    expect(errors.titleEn).toEqual(["guide.form.englishRequired"]);

    const ok = await call(handle.db, sectionNew.action, {
      path: `/guide/sections/new?module=${mod!.id}`,
      user: coordinator,
      form: {
        titleFr: "Section inédite sur l'écoute",
        bodyFr: "Écouter d'abord.",
        translationStatus: "to_translate",
        exercise0_titleFr: "Jeu d'écoute",
        exercise0_durationMinutes: "15",
        exercise0_instructionsFr: "En duos.",
        [SUBMISSION_KEY_FIELD]: randomUUID(),
      },
    });
    expect(ok.status).toBe(302);
    const sectionId = ok.location!.split("/")[3]!;
    // Readers do not see it; reviewers do.
    expect((await call(handle.db, sectionRead.loader, { path: `/guide/sections/${sectionId}`, user: workerFr, params: { sectionId } })).status).toBe(404);
    const asMember = await call(handle.db, sectionRead.loader, { path: `/guide/sections/${sectionId}`, user: member, params: { sectionId } });
    expect((asMember.data as ReaderData).section).toBeNull();
    const version = await handle.db.select().from(guideSectionVersion).where(eq(guideSectionVersion.sectionId, sectionId));
    expect(version[0]!.content.exercises[0]).toMatchObject({ titleFr: "Jeu d'écoute", durationMinutes: 15 });
    expect(version[0]!.content.exercises[0]!.key).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("exercises for training sessions", () => {
  it("lists the published exercises of the Table with a stable key and a link", async () => {
    const list = await listGuideExercises(handle.db, tableA);
    expect(list.map((e) => e.key)).toEqual(["demo-knowledge-myths", "demo-attitudes-words", "demo-skills-case"]);
    expect(list[0]).toMatchObject({ moduleKind: "knowledge", titleEn: "Myths and facts", durationMinutes: 30 });
    expect(list[0]!.href).toMatch(/^\/guide\/sections\/[0-9a-f-]{36}#exercise-demo-knowledge-myths$/);
  });
});

describe("search", () => {
  it("finds published text regardless of accents and case, only in the reader's Table", async () => {
    const res = await call(handle.db, guideIndex.loader, { path: "/guide?q=RECONNAITRE", user: workerFr });
    const hits = (res.data as { hits: { title: string }[] }).hits;
    expect(hits.map((h) => h.title)).toContain("Reconnaître l'exploitation sexuelle");
    const inExercise = await call(handle.db, guideIndex.loader, { path: "/guide?q=vignette%20fictive", user: workerFr });
    expect((inExercise.data as { hits: { title: string }[] }).hits.map((h) => h.title)).toEqual(["De l'inquiétude au signalement"]);
    // Drafts are not searchable.
    const draft = await call(handle.db, guideIndex.loader, { path: "/guide?q=inedite", user: workerFr });
    expect((draft.data as { hits: unknown[] }).hits).toEqual([]);
    // English readers search the English text.
    const en = await call(handle.db, guideIndex.loader, { path: "/guide?q=myths", user: workerEn });
    expect((en.data as { hits: { title: string }[] }).hits.map((h) => h.title)).toEqual(["Recognizing sexual exploitation"]);

    // Table B's revised text is not found from Table A.
    const b = await sectionByTitle(tableB, "Accueillir sans juger");
    await handle.db.update(guideSectionVersion).set({ content: { ...b.content, bodyFr: "Mot unique zygomatique" } }).where(eq(guideSectionVersion.id, b.versionId));
    const fromA = await call(handle.db, guideIndex.loader, { path: "/guide?q=zygomatique", user: workerFr });
    expect((fromA.data as { hits: unknown[] }).hits).toEqual([]);
    const fromB = await call(handle.db, guideIndex.loader, { path: "/guide?q=zygomatique", user: workerB });
    expect((fromB.data as { hits: unknown[] }).hits).toHaveLength(1);
  });
});

function utf16(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, "utf16le").swap16()]);
}

describe("print view and PDF", () => {
  it("the PDF of the whole guide is a PDF with the section titles (in its outline)", async () => {
    const headers = new Headers({ cookie: workerFr.cookie });
    const res = (await guidePdf.loader({
      request: new Request("http://localhost:3000/guide/pdf", { headers }),
      params: {},
      context: testContext(handle.db),
    } as never)) as Response;
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf.includes(utf16("Reconnaître l'exploitation sexuelle"))).toBe(true);
    expect(pdf.includes(utf16("De l'inquiétude au signalement"))).toBe(true);
  });

  it("the PDF of one module holds only that module, in English for an English reader", async () => {
    const s = await sectionByTitle(tableA, "De l'inquiétude au signalement");
    const headers = new Headers({ cookie: workerEn.cookie });
    const res = (await guidePdf.loader({
      request: new Request(`http://localhost:3000/guide/pdf?module=${s.moduleId}`, { headers }),
      params: {},
      context: testContext(handle.db),
    } as never)) as Response;
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.subarray(0, 4).toString("latin1")).toBe("%PDF");
    expect(pdf.includes("(From concern to report)")).toBe(true);
    expect(pdf.includes(utf16("Reconnaître l'exploitation sexuelle"))).toBe(false);
    expect(res.headers.get("content-disposition")).toContain("guide-skills.pdf");
  });

  it("the print view lists every module with its published sections", async () => {
    const res = await call(handle.db, guidePrint.loader, { path: "/guide/print", user: workerFr });
    const modules = (res.data as { modules: { title: string; sections: { title: string }[] }[] }).modules;
    expect(modules.map((m) => m.title)).toEqual(["Savoir", "Savoir-être", "Savoir-faire"]);
    expect(modules[0]!.sections.map((s) => s.title)).toEqual(["Reconnaître l'exploitation sexuelle", "Le cadre légal en bref"]);
  });
});
