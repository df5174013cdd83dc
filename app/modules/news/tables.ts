import { sql } from "drizzle-orm";
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { partnershipIdColumn } from "../governance/tables.ts";
import { guideSection, guideSectionVersion } from "../guide/tables.ts";
import { person } from "../people/tables.ts";
import { createdAtColumn, idColumn, updatedAtColumn, versionColumn } from "../db/columns.ts";
import { newsKinds } from "./vocabulary.ts";

/**
 * A news item on practices for the pivots (issue 14 §4): an article written by the Table
 * coordinator or a guide editor, or a guide update created when a guide section version is
 * published. Plain text in the language it was written in, as the announcements. Its comments
 * are a thread of the whole network's space (`forumThreadId`).
 */
export const newsItem = pgTable(
  "news_item",
  {
    id: idColumn(),
    partnershipId: partnershipIdColumn(),
    kind: text("kind", { enum: newsKinds }).notNull(),
    /** An article's title; a guide update's section title (French) when published, shown in the reader's language from the guide. */
    title: text("title").notNull(),
    body: text("body").notNull().default(""),
    authorPersonId: uuid("author_person_id")
      .notNull()
      .references(() => person.id),
    publishedAt: timestamp("published_at", { withTimezone: true }).notNull().defaultNow(),
    /** A guide update: the section and the published version it announces. */
    guideSectionId: uuid("guide_section_id").references(() => guideSection.id),
    guideVersionId: uuid("guide_version_id").references(() => guideSectionVersion.id),
    forumThreadId: uuid("forum_thread_id"),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    archivedByPersonId: uuid("archived_by_person_id").references(() => person.id),
    version: versionColumn(),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    index("news_item_feed_idx").on(t.partnershipId, t.publishedAt),
    // One news item per published guide version: publishing the same version again adds none.
    uniqueIndex("news_item_guide_version_uq").on(t.guideVersionId).where(sql`${t.guideVersionId} is not null`),
  ],
);
