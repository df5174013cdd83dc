import { date, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { organization, site, partnershipIdColumn } from "../governance/tables.ts";
import { person } from "../people/tables.ts";
import { createdAtColumn, idColumn, updatedAtColumn, versionColumn } from "../db/columns.ts";

/**
 * A person designated as pivot (intervenant·e pivot) of an organization, optionally for one
 * site. Ending a designation sets `until`; rows are never deleted, so the history stays.
 */
export const pivotDesignation = pgTable(
  "pivot_designation",
  {
    id: idColumn(),
    partnershipId: partnershipIdColumn(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organization.id),
    siteId: uuid("site_id").references(() => site.id),
    personId: uuid("person_id")
      .notNull()
      .references(() => person.id),
    /** "primary" (titulaire) or "backup" (substitut). */
    rank: text("rank", { enum: ["primary", "backup"] }).notNull().default("primary"),
    since: date("since").notNull(),
    until: date("until"),
    endReason: text("end_reason").notNull().default(""),
    languages: text("languages").array().notNull().default(sql`'{fr}'::text[]`),
    /** Codes, e.g. "12-17", "boys", "girls", "lgbtq", "first_nations_inuit", "newcomers". */
    clienteles: text("clienteles").array().notNull().default(sql`'{}'::text[]`),
    expertise: text("expertise").array().notNull().default(sql`'{}'::text[]`),
    availability: text("availability").notNull().default(""),
    contactPhone: text("contact_phone").notNull().default(""),
    contactEmail: text("contact_email").notNull().default(""),
    contactNotes: text("contact_notes").notNull().default(""),
    /** Lower-cased, accent-free names of the person, organization, site and territories: the search target. */
    searchText: text("search_text").notNull().default(""),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }).notNull().defaultNow(),
    confirmedBy: uuid("confirmed_by"),
    staleReminderSentAt: timestamp("stale_reminder_sent_at", { withTimezone: true }),
    designatedBy: uuid("designated_by"),
    version: versionColumn(),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    index("pivot_designation_partnership_idx").on(t.partnershipId, t.until),
    index("pivot_designation_person_idx").on(t.personId),
    index("pivot_designation_org_idx").on(t.organizationId),
    // The Table and the trigrams in one index: a search is always inside one Table, and with the
    // Table outside the index a broad word ("trem") fetched every Table's matches to filter
    // them (28,500 rows for 240 at 1,000,000 people). Needs btree_gin (migration 0029).
    index("pivot_designation_partnership_search_idx").using("gin", t.partnershipId, sql`${t.searchText} gin_trgm_ops`),
  ],
);

/**
 * A pivot's request to correct their own directory entry: they see it on /directory/mine but
 * only those who designate may change it, so the request waits for one of them ("open") until
 * it is made ("done") or turned down ("declined", with a note saying why).
 */
export const designationCorrection = pgTable(
  "designation_correction",
  {
    id: idColumn(),
    partnershipId: partnershipIdColumn(),
    designationId: uuid("designation_id")
      .notNull()
      .references(() => pivotDesignation.id),
    requestedBy: uuid("requested_by")
      .notNull()
      .references(() => person.id),
    requestedAt: timestamp("requested_at", { withTimezone: true }).notNull().defaultNow(),
    /** What is wrong, in the pivot's words (≤ 2000 characters). */
    message: text("message").notNull(),
    status: text("status", { enum: ["open", "done", "declined"] }).notNull().default("open"),
    handledBy: uuid("handled_by").references(() => person.id),
    handledAt: timestamp("handled_at", { withTimezone: true }),
    handlerNote: text("handler_note").notNull().default(""),
    version: versionColumn(),
  },
  (t) => [
    index("designation_correction_open_idx").on(t.partnershipId, t.status),
    index("designation_correction_designation_idx").on(t.designationId),
  ],
);
