import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAtColumn, idColumn, updatedAtColumn, versionColumn } from "../db/columns.ts";
import { organization, organizationTypes, partnershipIdColumn } from "../governance/tables.ts";
import { person } from "../people/tables.ts";
import { eventKinds, periodTypes, submissionStatuses } from "./vocabulary.ts";

/*
 * Aggregate statistics per period (issue 13 §2, after DHIS2's data sets). Counts only: no table
 * here has a place for a person, a case or free text about a youth. The only free text is the
 * coordinator's comment when returning a report and the reason of a reopening, about the figures.
 */

/** A breakdown the Table defines (age band, gender, referral source): its options are data. */
export const statisticsCategory = pgTable(
  "statistics_category",
  {
    id: idColumn(),
    partnershipId: partnershipIdColumn(),
    code: text("code").notNull(),
    nameFr: text("name_fr").notNull(),
    nameEn: text("name_en").notNull(),
    version: versionColumn(),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [uniqueIndex("statistics_category_code_idx").on(t.partnershipId, t.code)],
);

export const statisticsCategoryOption = pgTable(
  "statistics_category_option",
  {
    id: idColumn(),
    partnershipId: partnershipIdColumn(),
    categoryId: uuid("category_id")
      .notNull()
      .references(() => statisticsCategory.id, { onDelete: "cascade" }),
    code: text("code").notNull(),
    nameFr: text("name_fr").notNull(),
    nameEn: text("name_en").notNull(),
    position: integer("position").notNull(),
  },
  (t) => [uniqueIndex("statistics_category_option_code_idx").on(t.categoryId, t.code)],
);

/** A data set: what the organizations of some types report, per period, and by when. */
export const statisticsDataSet = pgTable(
  "statistics_data_set",
  {
    id: idColumn(),
    partnershipId: partnershipIdColumn(),
    nameFr: text("name_fr").notNull(),
    nameEn: text("name_en").notNull(),
    periodType: text("period_type", { enum: periodTypes }).notNull().default("quarter"),
    organizationTypes: text("organization_types", { enum: organizationTypes }).array().notNull(),
    /** Entry stays open this many days after the period ends. */
    entryWindowDays: integer("entry_window_days").notNull(),
    /** A report submitted within this many days after the period ends is on time. */
    timelinessDays: integer("timeliness_days").notNull(),
    /** The first period reported (its key); none before it is expected. */
    firstPeriod: text("first_period").notNull(),
    /** The last period reported, for a data set that has ended (null: still reported). */
    lastPeriod: text("last_period"),
    active: boolean("active").notNull().default(true),
    version: versionColumn(),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    index("statistics_data_set_partnership_idx").on(t.partnershipId),
    check("statistics_data_set_days", sql`${t.entryWindowDays} between 1 and 366 and ${t.timelinessDays} between 1 and ${t.entryWindowDays}`),
  ],
);

/** A data element of a data set (a count), broken down by up to two categories (their cross product). */
export const statisticsDataElement = pgTable(
  "statistics_data_element",
  {
    id: idColumn(),
    partnershipId: partnershipIdColumn(),
    dataSetId: uuid("data_set_id")
      .notNull()
      .references(() => statisticsDataSet.id, { onDelete: "cascade" }),
    code: text("code").notNull(),
    nameFr: text("name_fr").notNull(),
    nameEn: text("name_en").notNull(),
    /** The category combination, in order (rows, then columns). */
    categoryIds: jsonb("category_ids").$type<string[]>().notNull().default([]),
    /** The registry indicator its approved totals feed, if any. */
    indicatorCode: text("indicator_code"),
    position: integer("position").notNull(),
    version: versionColumn(),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [uniqueIndex("statistics_data_element_code_idx").on(t.dataSetId, t.code), index("statistics_data_element_indicator_idx").on(t.partnershipId, t.indicatorCode)],
);

/** One organization's report for one data set and period; its version moves with every save. */
export const statisticsSubmission = pgTable(
  "statistics_submission",
  {
    id: idColumn(),
    partnershipId: partnershipIdColumn(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organization.id),
    dataSetId: uuid("data_set_id")
      .notNull()
      .references(() => statisticsDataSet.id, { onDelete: "cascade" }),
    periodKey: text("period_key").notNull(),
    periodFrom: date("period_from").notNull(),
    periodTo: date("period_to").notNull(),
    status: text("status", { enum: submissionStatuses }).notNull().default("draft"),
    /** The first submission (timeliness is judged on it). */
    firstSubmittedAt: timestamp("first_submitted_at", { withTimezone: true }),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decidedByPersonId: uuid("decided_by_person_id").references(() => person.id),
    /** The coordinator's comment when returning it, or the reason of the last reopening. */
    comment: text("comment").notNull().default(""),
    version: versionColumn(),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    uniqueIndex("statistics_submission_period_idx").on(t.dataSetId, t.organizationId, t.periodKey),
    index("statistics_submission_partnership_idx").on(t.partnershipId, t.status),
  ],
);

/** A count. A blank cell has no row: missing is not zero. */
export const statisticsValue = pgTable(
  "statistics_value",
  {
    partnershipId: partnershipIdColumn(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organization.id),
    submissionId: uuid("submission_id")
      .notNull()
      .references(() => statisticsSubmission.id, { onDelete: "cascade" }),
    dataElementId: uuid("data_element_id")
      .notNull()
      .references(() => statisticsDataElement.id, { onDelete: "cascade" }),
    comboKey: text("combo_key").notNull(),
    value: integer("value").notNull(),
  },
  (t) => [primaryKey({ columns: [t.submissionId, t.dataElementId, t.comboKey] }), check("statistics_value_count", sql`${t.value} >= 0`)],
);

/** A report's history, shown on its page (the audit log holds the same, hash-chained). */
export const statisticsSubmissionEvent = pgTable(
  "statistics_submission_event",
  {
    id: idColumn(),
    partnershipId: partnershipIdColumn(),
    submissionId: uuid("submission_id")
      .notNull()
      .references(() => statisticsSubmission.id, { onDelete: "cascade" }),
    personId: uuid("person_id").references(() => person.id),
    kind: text("kind", { enum: eventKinds }).notNull(),
    comment: text("comment").notNull().default(""),
    details: jsonb("details").$type<Record<string, string | number | boolean | null>>().notNull().default({}),
    createdAt: createdAtColumn(),
  },
  (t) => [index("statistics_submission_event_idx").on(t.submissionId, t.createdAt)],
);

/** Reminders already sent, so the daily job sends each once per organization, period and kind. */
export const statisticsReminderSent = pgTable(
  "statistics_reminder_sent",
  {
    partnershipId: partnershipIdColumn(),
    dataSetId: uuid("data_set_id")
      .notNull()
      .references(() => statisticsDataSet.id, { onDelete: "cascade" }),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organization.id),
    periodKey: text("period_key").notNull(),
    kind: text("kind").notNull(),
    sentAt: createdAtColumn(),
  },
  (t) => [primaryKey({ columns: [t.dataSetId, t.organizationId, t.periodKey, t.kind] })],
);
