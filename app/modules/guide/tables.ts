import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { person } from "../people/tables.ts";
import type { GuideSectionContent } from "./vocabulary.ts";
import { createdAtColumn, idColumn } from "../db/columns.ts";
import { partnershipIdColumn } from "../governance/tables.ts";

/** A module of the practice guide (Savoir, Savoir-être, Savoir-faire), one of each per Table. */
export const guideModule = pgTable(
  "guide_module",
  {
    id: idColumn(),
    partnershipId: partnershipIdColumn(),
    kind: text("kind", { enum: ["knowledge", "attitudes", "skills"] }).notNull(),
    position: integer("position").notNull(),
    titleFr: text("title_fr").notNull(),
    titleEn: text("title_en").notNull(),
    summaryFr: text("summary_fr").notNull().default(""),
    summaryEn: text("summary_en").notNull().default(""),
    /** Shipped demo content, shown with a notice until the Table writes its own. */
    isDemo: boolean("is_demo").notNull().default(false),
    createdAt: createdAtColumn(),
  },
  (t) => [uniqueIndex("guide_module_kind_uq").on(t.partnershipId, t.kind)],
);

/** A section of a module; its texts live in versions (history is never rewritten). */
export const guideSection = pgTable(
  "guide_section",
  {
    id: idColumn(),
    partnershipId: partnershipIdColumn(),
    moduleId: uuid("module_id")
      .notNull()
      .references(() => guideModule.id),
    position: integer("position").notNull(),
    isDemo: boolean("is_demo").notNull().default(false),
    createdBy: uuid("created_by"),
    createdAt: createdAtColumn(),
    /** Withdrawn from the guide by an editor: hidden everywhere, its versions kept as history. */
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    archivedBy: uuid("archived_by"),
  },
  (t) => [index("guide_section_module_idx").on(t.partnershipId, t.moduleId, t.position)],
);

export const guideSectionVersion = pgTable(
  "guide_section_version",
  {
    id: idColumn(),
    partnershipId: partnershipIdColumn(),
    sectionId: uuid("section_id")
      .notNull()
      .references(() => guideSection.id),
    number: integer("number").notNull(),
    status: text("status", { enum: ["draft", "in_review", "published", "archived"] }).notNull().default("draft"),
    content: jsonb("content").$type<GuideSectionContent>().notNull(),
    translationStatus: text("translation_status", { enum: ["to_translate", "translated", "to_review"] })
      .notNull()
      .default("to_translate"),
    changeNote: text("change_note").notNull().default(""),
    createdBy: uuid("created_by"),
    createdAt: createdAtColumn(),
    publishedBy: uuid("published_by"),
    publishedAt: timestamp("published_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("guide_section_version_number_uq").on(t.sectionId, t.number),
    index("guide_section_version_partnership_idx").on(t.partnershipId, t.status),
  ],
);

/** A Table member's review comment on a version in review. */
export const guideReviewComment = pgTable(
  "guide_review_comment",
  {
    id: idColumn(),
    partnershipId: partnershipIdColumn(),
    versionId: uuid("version_id")
      .notNull()
      .references(() => guideSectionVersion.id),
    personId: uuid("person_id")
      .notNull()
      .references(() => person.id),
    body: text("body").notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [index("guide_review_comment_version_idx").on(t.versionId, t.createdAt)],
);
