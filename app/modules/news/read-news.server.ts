import { and, count, desc, eq, isNull, sql } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { forumThread } from "../forum/tables.ts";
import { guideSectionVersion } from "../guide/tables.ts";
import { person } from "../people/tables.ts";
import { newsItem } from "./tables.ts";
import { NEWS_PAGE_SIZE, type NewsKind } from "./vocabulary.ts";

export interface NewsRow {
  id: string;
  kind: NewsKind;
  title: string;
  /** A guide update's section title in both languages (from the version it announces). */
  sectionTitleFr: string | null;
  sectionTitleEn: string | null;
  body: string;
  authorPersonId: string;
  authorName: string;
  publishedAt: Date;
  guideSectionId: string | null;
  versionNumber: number | null;
  forumThreadId: string | null;
  /** Comments: the thread's posts after its opening one. */
  comments: number;
  version: number;
}

const columns = {
  id: newsItem.id,
  kind: newsItem.kind,
  title: newsItem.title,
  sectionTitleFr: sql<string | null>`${guideSectionVersion.content} ->> 'titleFr'`,
  sectionTitleEn: sql<string | null>`${guideSectionVersion.content} ->> 'titleEn'`,
  body: newsItem.body,
  authorPersonId: newsItem.authorPersonId,
  authorName: sql<string>`${person.givenName} || ' ' || ${person.familyName}`,
  publishedAt: newsItem.publishedAt,
  guideSectionId: newsItem.guideSectionId,
  versionNumber: guideSectionVersion.number,
  forumThreadId: newsItem.forumThreadId,
  comments: sql<number>`greatest(coalesce(${forumThread.postCount}, 1) - 1, 0)::int`,
  version: newsItem.version,
};

/** The Table's live news items (archived ones are kept but shown nowhere): scoped by Table in the WHERE. */
const live = (partnershipId: string) => and(eq(newsItem.partnershipId, partnershipId), isNull(newsItem.archivedAt));

function rows(db: Database) {
  return db
    .select(columns)
    .from(newsItem)
    .innerJoin(person, eq(person.id, newsItem.authorPersonId))
    .leftJoin(guideSectionVersion, eq(guideSectionVersion.id, newsItem.guideVersionId))
    .leftJoin(forumThread, and(eq(forumThread.id, newsItem.forumThreadId), eq(forumThread.partnershipId, newsItem.partnershipId)));
}

/** One page of the feed, newest first, and how many pages there are. */
export async function listNews(db: Database, input: { partnershipId: string; page: number }): Promise<{ items: NewsRow[]; page: number; pages: number }> {
  const [total] = await db.select({ n: count() }).from(newsItem).where(live(input.partnershipId));
  const pages = Math.max(1, Math.ceil((total?.n ?? 0) / NEWS_PAGE_SIZE));
  const page = Math.min(Math.max(1, input.page), pages);
  const items = await rows(db)
    .where(live(input.partnershipId))
    .orderBy(desc(newsItem.publishedAt), desc(newsItem.id))
    .limit(NEWS_PAGE_SIZE)
    .offset((page - 1) * NEWS_PAGE_SIZE);
  return { items, page, pages };
}

/** One live news item of the Table, or null (another Table's, archived or missing: the route answers 404). */
export async function getNews(db: Database, input: { partnershipId: string; id: string }): Promise<NewsRow | null> {
  const [row] = await rows(db).where(and(live(input.partnershipId), eq(newsItem.id, input.id)));
  return row ?? null;
}

/** Who may change an item: its author, or the Table coordinator (any item of the Table). */
export function mayChangeNews(item: Pick<NewsRow, "authorPersonId">, who: { personId: string; isTableCoordinator: boolean }): boolean {
  return who.isTableCoordinator || item.authorPersonId === who.personId;
}
