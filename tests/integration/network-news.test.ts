import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { DatabaseHandle } from "../../app/modules/db/client.server.ts";
import { auditEvent } from "../../app/modules/audit/tables.ts";
import { emailMessage } from "../../app/modules/email/tables.ts";
import { sendDigests } from "../../app/modules/forum/digest.server.ts";
import { forumNotification, forumSpace, forumThread } from "../../app/modules/forum/tables.ts";
import { ensureGuideModules, changeGuideVersionStatus, createGuideSection, saveGuideDraft } from "../../app/modules/guide/write-guide.server.ts";
import { guideModule, guideSectionVersion } from "../../app/modules/guide/tables.ts";
import { newsItem } from "../../app/modules/news/tables.ts";
import type { NewsRow } from "../../app/modules/news/read-news.server.ts";
import * as feedRoute from "../../app/routes/network/news._index.tsx";
import * as newRoute from "../../app/routes/network/news.new.tsx";
import * as itemRoute from "../../app/routes/network/news.$newsId.tsx";
import * as editRoute from "../../app/routes/network/news.$newsId.edit.tsx";
import { createTestDatabase, testContext } from "../support/test-db.ts";
import { callRoute, createAuthzDataset, signIn, type AuthzDataset, type FixturePerson, type FixtureRole } from "../support/fixtures.ts";

// News on practices (issue 14 §4): who publishes and reads, another Table's item is 404, a guide
// revision announced once, the identifying-details guard, comments in a network thread, the digest.
let handle: DatabaseHandle;
let ds: AuthzDataset;
const cookies: Record<string, string> = {};
const ctx = () => testContext(handle.db);
const cookieOf = async (who: FixturePerson, table = ds.tableA) => (cookies[`${who.email}|${table}`] ??= await signIn(handle.db, who.accountId!, { activePartnershipId: table }));
const get = async (fn: Parameters<typeof callRoute>[0], who: FixturePerson, url: string, params: Record<string, string> = {}) => callRoute(fn, { url, params, cookie: await cookieOf(who), context: ctx() });
const post = async (fn: Parameters<typeof callRoute>[0], who: FixturePerson, url: string, body: Record<string, string>, params: Record<string, string> = {}) =>
  callRoute(fn, { url, params, cookie: await cookieOf(who), method: "POST", body, context: ctx() });
const publish = (who: FixturePerson, fields: { title: string; body: string }) => post(newRoute.action, who, "/network/news/new", { ...fields, _submission: randomUUID() });
const idOf = (location: string | null | undefined) => location!.split("/")[3]!.split("?")[0]!;
const actor = () => ({ accountId: null, role: "table_coordinator", organizationId: null, partnershipId: ds.tableA, requestId: "t", ip: "127.0.0.1" });

beforeAll(async () => {
  handle = await createTestDatabase();
  ds = await createAuthzDataset(handle.db);
});
afterAll(async () => {
  await handle?.close();
});

describe("who publishes and who reads", () => {
  const readers: FixtureRole[] = ["table_coordinator", "table_member", "pivot_coordinator", "pivot", "trainer"];
  const others: FixtureRole[] = ["observer", "evaluator", "privacy_officer", "worker", "platform_admin"];
  let articleId: string;

  it("lets the Table coordinator and a guide editor (trainer) publish, nobody else", async () => {
    const created = await publish(ds.people.table_coordinator, { title: "Nouvelle pratique d'accueil", body: "Un accueil en deux temps, testé à Lévis.\n\nÀ discuter." });
    expect(created.status).toBe(302);
    articleId = idOf(created.location);
    expect((await publish(ds.people.trainer, { title: "Atelier de formation", body: "Le nouvel atelier sur le consentement." })).status).toBe(302);
    for (const role of ["table_member", "pivot_coordinator", "pivot", "observer", "worker"] as const) {
      expect((await publish(ds.people[role], { title: "Essai", body: "Essai" })).status, role).toBe(404);
    }
  });

  it("shows the feed and the item to the network's readers and the publishers; everyone else gets 404", async () => {
    for (const role of readers) {
      const feed = await get(feedRoute.loader, ds.people[role], "/network/news");
      expect(feed.status, role).toBe(200);
      expect((feed.data as { items: NewsRow[] }).items.map((i) => i.id), role).toContain(articleId);
      const item = await get(itemRoute.loader, ds.people[role], `/network/news/${articleId}`, { newsId: articleId });
      expect(item.status, role).toBe(200);
      // The trainer (a guide editor outside the network) gets no link to a thread it could not open.
      expect((item.data as { readsNetwork: boolean }).readsNetwork, role).toBe(role !== "trainer");
    }
    for (const role of others) {
      expect((await get(feedRoute.loader, ds.people[role], "/network/news")).status, role).toBe(404);
      expect((await get(itemRoute.loader, ds.people[role], `/network/news/${articleId}`, { newsId: articleId })).status, role).toBe(404);
    }
  });

  it("answers another Table's item with 404, like a missing one", async () => {
    const other = await callRoute(itemRoute.loader, { url: `/network/news/${articleId}`, params: { newsId: articleId }, cookie: await cookieOf(ds.tableBCoordinator, ds.tableB), context: ctx() });
    expect(other.status).toBe(404);
    const missing = randomUUID();
    expect((await get(itemRoute.loader, ds.people.pivot, `/network/news/${missing}`, { newsId: missing })).status).toBe(404);
    const feedB = await callRoute(feedRoute.loader, { url: "/network/news", cookie: await cookieOf(ds.tableBCoordinator, ds.tableB), context: ctx() });
    expect((feedB.data as { items: NewsRow[] }).items).toHaveLength(0);
  });

  it("opens a comment thread in the whole network's space, audited, and puts the new thread in the readers' digest (links only)", async () => {
    const [item] = await handle.db.select().from(newsItem).where(eq(newsItem.id, articleId));
    expect(item!.forumThreadId).toBeTruthy();
    const [thread] = await handle.db.select({ spaceKind: forumSpace.kind }).from(forumThread).innerJoin(forumSpace, eq(forumSpace.id, forumThread.spaceId)).where(eq(forumThread.id, item!.forumThreadId!));
    expect(thread!.spaceKind).toBe("network");
    expect(await handle.db.select().from(auditEvent).where(and(eq(auditEvent.action, "news_item.published"), eq(auditEvent.targetId, articleId)))).toHaveLength(1);
    const notes = await handle.db.select().from(forumNotification).where(eq(forumNotification.threadId, item!.forumThreadId!));
    expect(notes.map((n) => n.personId)).toContain(ds.people.pivot.personId);
    expect(notes.every((n) => n.kind === "thread" && !n.immediate)).toBe(true);
    await sendDigests(handle.db, { now: new Date(), publicUrl: "https://filet.test" });
    const mails = await handle.db.select().from(emailMessage);
    const digest = mails.filter((m) => m.textBody.includes(`/network/threads/${item!.forumThreadId}`));
    expect(digest.length).toBeGreaterThan(0);
    for (const m of digest) {
      expect(m.textBody + m.subject).not.toContain("Nouvelle pratique");
      expect(m.textBody + m.subject).not.toContain("Lévis");
    }
  });

  it("lets its author or the Table coordinator edit (version) and archive (404 afterwards); others get 404", async () => {
    const url = `/network/news/${articleId}/edit`;
    const params = { newsId: articleId };
    expect((await get(editRoute.loader, ds.people.trainer, url, params)).status).toBe(404);
    const page = await get(editRoute.loader, ds.people.table_coordinator, url, params);
    const version = (page.data as { item: { version: number } }).item.version;
    const edited = await post(editRoute.action, ds.people.table_coordinator, url, { title: "Nouvelle pratique d'accueil (révisée)", body: "Texte revu.", version: String(version) }, params);
    expect(edited.status).toBe(302);
    const stale = await post(editRoute.action, ds.people.table_coordinator, url, { title: "Autre", body: "Autre", version: String(version) }, params);
    expect(stale.status).toBe(409);
    expect((await post(itemRoute.action, ds.people.pivot, `/network/news/${articleId}`, { intent: "archive", version: String(version + 1) }, params)).status).toBe(404);
    const archived = await post(itemRoute.action, ds.people.table_coordinator, `/network/news/${articleId}`, { intent: "archive", version: String(version + 1) }, params);
    expect(archived.status).toBe(302);
    expect((await get(itemRoute.loader, ds.people.pivot, `/network/news/${articleId}`, params)).status).toBe(404);
    const [row] = await handle.db.select().from(newsItem).where(eq(newsItem.id, articleId));
    expect(row!.archivedAt).not.toBeNull();
  });
});

describe("the identifying-details guard", () => {
  it("stops a title or body naming a youth, and writes nothing", async () => {
    const before = (await handle.db.select().from(newsItem)).length;
    const res = await publish(ds.people.table_coordinator, { title: "Suivi", body: "Appeler la mère de la jeune au 418 555-0199, elle habite au 12 rue des Érables." });
    expect(res.status).toBe(400);
    expect((res.data as { findings: Record<string, unknown> }).findings.body).toBeTruthy();
    expect((await handle.db.select().from(newsItem)).length).toBe(before);
  });
});

describe("a guide section published or revised", () => {
  it("creates one news item linking to the section and its version, in the publish step, and none on a repeat", async () => {
    await ensureGuideModules(handle.db, actor(), ds.tableA);
    const [mod] = await handle.db.select().from(guideModule).where(eq(guideModule.partnershipId, ds.tableA));
    const content = { titleFr: "Repérer les signes", titleEn: "Spotting the signs", bodyFr: "Texte.", bodyEn: "Text.", exercises: [] };
    const section = await createGuideSection(handle.db, actor(), { partnershipId: ds.tableA, personId: ds.people.trainer.personId, moduleId: mod!.id, content, translationStatus: "translated" });
    const sectionId = (section as { value: string }).value;
    const [v1] = await handle.db.select().from(guideSectionVersion).where(eq(guideSectionVersion.sectionId, sectionId));
    const publishVersion = (versionId: string) => changeGuideVersionStatus(handle.db, actor(), { partnershipId: ds.tableA, personId: ds.people.trainer.personId, versionId, to: "published", publicUrl: "https://filet.test" });
    await publishVersion(v1!.id);
    await publishVersion(v1!.id);
    let items = await handle.db.select().from(newsItem).where(eq(newsItem.guideSectionId, sectionId));
    expect(items).toHaveLength(1);
    expect(items[0]!.kind).toBe("guide_update");
    expect(items[0]!.guideVersionId).toBe(v1!.id);
    expect(items[0]!.forumThreadId).toBeTruthy();
    const saved = await saveGuideDraft(handle.db, actor(), { partnershipId: ds.tableA, personId: ds.people.trainer.personId, sectionId, baseNumber: 1, content: { ...content, bodyFr: "Texte revu." }, translationStatus: "translated", changeNote: "Ajout d'un exemple." });
    await publishVersion((saved as { value: string }).value);
    items = await handle.db.select().from(newsItem).where(eq(newsItem.guideSectionId, sectionId));
    expect(items).toHaveLength(2);
    const page = await get(itemRoute.loader, ds.people.pivot, `/network/news/${items[1]!.id}`, { newsId: items[1]!.id });
    const item = (page.data as { item: NewsRow }).item;
    expect(item.guideSectionId).toBe(sectionId);
    expect(item.sectionTitleEn).toBe("Spotting the signs");
    expect(item.versionNumber).toBe(2);
    const newest = items.find((i) => i.guideVersionId === (saved as { value: string }).value)!;
    expect(newest.body).toBe("Ajout d'un exemple.");
    // A guide update is archived, never rewritten.
    expect((await get(editRoute.loader, ds.people.table_coordinator, `/network/news/${newest.id}/edit`, { newsId: newest.id })).status).toBe(404);
  });
});
