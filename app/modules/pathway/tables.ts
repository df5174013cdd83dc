import { index, integer, jsonb, pgTable, text, timestamp, uuid, boolean } from "drizzle-orm/pg-core";
import { createdAtColumn, idColumn } from "../db/columns.ts";
import { partnershipIdColumn } from "../governance/tables.ts";

/** The five steps of the "J'ai un doute" pathway, each in French and English (Markdown-like text). */
export interface PathwayContent {
  fr: Record<string, string>;
  en: Record<string, string>;
}

/**
 * Every edit of the pathway is a new version; one version per Table is published at a time.
 * Restoring an old version copies it into a new draft, so history is never rewritten.
 */
export const pathwayVersion = pgTable(
  "pathway_version",
  {
    id: idColumn(),
    partnershipId: partnershipIdColumn(),
    number: integer("number").notNull(),
    status: text("status", { enum: ["draft", "published", "archived"] }).notNull().default("draft"),
    content: jsonb("content").$type<PathwayContent>().notNull(),
    /** False for the shipped default until the Table coordinator validates it. */
    validatedByTable: boolean("validated_by_table").notNull().default(false),
    changeNote: text("change_note").notNull().default(""),
    restoredFrom: uuid("restored_from"),
    createdBy: uuid("created_by"),
    createdAt: createdAtColumn(),
    publishedBy: uuid("published_by"),
    publishedAt: timestamp("published_at", { withTimezone: true }),
  },
  (t) => [index("pathway_version_partnership_idx").on(t.partnershipId, t.number)],
);
