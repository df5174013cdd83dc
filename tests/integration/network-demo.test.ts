import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { newsItem } from "../../app/modules/news/tables.ts";
import type { DatabaseHandle } from "../../app/modules/db/client.server.ts";
import { seedDemo } from "../../app/modules/demo/seed-demo.server.ts";
import { quebecTable } from "../../app/modules/demo/demo-quebec.ts";
import { partnership } from "../../app/modules/governance/tables.ts";
import { forumNotification, forumPost, forumReport, forumSpace, forumThread } from "../../app/modules/forum/tables.ts";
import { guardPostTexts } from "../../app/modules/forum/post-guard.server.ts";
import { createTestDatabase } from "../support/test-db.ts";

/** The demo's pivot network: a thread in each milieu's space, a pinned one, a mention, one report waiting, and nothing identifying. */
let handle: DatabaseHandle;
let tableId: string;

beforeAll(async () => {
  handle = await createTestDatabase();
  await seedDemo(handle.db);
  const [t] = await handle.db.select({ id: partnership.id }).from(partnership).where(eq(partnership.slug, quebecTable.slug));
  tableId = t!.id;
});
afterAll(async () => {
  await handle.close();
});

describe("demo pivot network", () => {
  it("has threads with replies in the whole network and in each of the five milieux' spaces", async () => {
    const rows = await handle.db
      .select({ kind: forumSpace.kind, milieu: forumSpace.milieu, threads: sql<number>`count(${forumThread.id})::int`, posts: sql<number>`coalesce(sum(${forumThread.postCount}), 0)::int` })
      .from(forumSpace)
      .leftJoin(forumThread, eq(forumThread.spaceId, forumSpace.id))
      .where(eq(forumSpace.partnershipId, tableId))
      .groupBy(forumSpace.kind, forumSpace.milieu);
    for (const milieu of ["school", "health_social_services", "police", "community", "youth_protection"]) {
      const row = rows.find((r) => r.kind === "milieu" && r.milieu === milieu);
      expect(row?.threads, milieu).toBeGreaterThanOrEqual(1);
      expect(row!.posts, milieu).toBeGreaterThanOrEqual(2);
    }
    expect(rows.find((r) => r.kind === "network")!.threads).toBeGreaterThanOrEqual(2);
    expect(rows.some((r) => r.kind === "group" && r.threads > 0)).toBe(true);
  });

  it("has a pinned thread, a mention and one reported post in the review queue", async () => {
    expect(await handle.db.select().from(forumThread).where(and(eq(forumThread.partnershipId, tableId), isNotNull(forumThread.pinnedAt)))).toHaveLength(1);
    expect((await handle.db.select().from(forumNotification).where(and(eq(forumNotification.partnershipId, tableId), eq(forumNotification.kind, "mention")))).length).toBeGreaterThan(0);
    expect(await handle.db.select().from(forumReport).where(and(eq(forumReport.partnershipId, tableId), eq(forumReport.status, "open")))).toHaveLength(1);
  });

  it("holds nothing the identifying-details guard would refuse", async () => {
    const posts = await handle.db.select({ body: forumPost.body }).from(forumPost).where(eq(forumPost.partnershipId, tableId));
    const titles = await handle.db.select({ title: forumThread.title }).from(forumThread).where(eq(forumThread.partnershipId, tableId));
    for (const text of [...posts.map((p) => p.body), ...titles.map((t) => t.title)]) {
      const { findings } = await guardPostTexts(handle.db, tableId, { text });
      expect(findings, text).toEqual({});
    }
  });
});

describe("demo news on practices", () => {
  it("has three articles and a guide update, each with its network thread, one commented, nothing identifying", async () => {
    const items = await handle.db.select().from(newsItem).where(eq(newsItem.partnershipId, tableId));
    expect(items.filter((i) => i.kind === "article")).toHaveLength(3);
    const update = items.find((i) => i.kind === "guide_update");
    expect(update?.guideVersionId).toBeTruthy();
    expect(items.every((i) => i.forumThreadId)).toBe(true);
    const threads = await handle.db.select({ postCount: forumThread.postCount }).from(forumThread).where(inArray(forumThread.id, items.map((i) => i.forumThreadId!)));
    expect(threads.some((t) => t.postCount > 1)).toBe(true);
    for (const i of items) {
      const { findings } = await guardPostTexts(handle.db, tableId, { title: i.title, body: i.body });
      expect(findings, i.title).toEqual({});
    }
  });
});
