import { sql } from "drizzle-orm";
import { check, date, index, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { actionPlanAction } from "../action-plan/tables.ts";
import { createdAtColumn, idColumn, updatedAtColumn, versionColumn } from "../db/columns.ts";
import { partnershipIdColumn } from "../governance/tables.ts";

/** A grant (subvention) received by the Table: who funds it, how much, for which period. */
export const grant = pgTable(
  "grant",
  {
    id: idColumn(),
    partnershipId: partnershipIdColumn(),
    funder: text("funder").notNull(),
    program: text("program").notNull().default(""),
    /** In dollars, two decimals. */
    amount: numeric("amount", { precision: 12, scale: 2, mode: "number" }).notNull(),
    startsOn: date("starts_on").notNull(),
    endsOn: date("ends_on").notNull(),
    conditions: text("conditions").notNull().default(""),
    version: versionColumn(),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    index("grant_partnership_idx").on(t.partnershipId, t.endsOn),
    check("grant_amount_positive", sql`${t.amount} >= 0`),
    check("grant_period", sql`${t.startsOn} <= ${t.endsOn}`),
  ],
);

/** A report the funder expects (reddition de comptes), several per grant. */
export const grantReportDate = pgTable(
  "grant_report_date",
  {
    id: idColumn(),
    partnershipId: partnershipIdColumn(),
    grantId: uuid("grant_id")
      .notNull()
      .references(() => grant.id, { onDelete: "cascade" }),
    dueOn: date("due_on").notNull(),
    label: text("label").notNull().default(""),
    submittedOn: date("submitted_on"),
    createdAt: createdAtColumn(),
  },
  (t) => [index("grant_report_date_grant_idx").on(t.partnershipId, t.grantId, t.dueOn)],
);

/** Money of a grant spent on (or allotted to) an action of the plan. */
export const grantSpending = pgTable(
  "grant_spending",
  {
    id: idColumn(),
    partnershipId: partnershipIdColumn(),
    grantId: uuid("grant_id")
      .notNull()
      .references(() => grant.id, { onDelete: "cascade" }),
    actionId: uuid("action_id").references(() => actionPlanAction.id, { onDelete: "set null" }),
    amount: numeric("amount", { precision: 12, scale: 2, mode: "number" }).notNull(),
    spentOn: date("spent_on").notNull(),
    label: text("label").notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [index("grant_spending_grant_idx").on(t.partnershipId, t.grantId), check("grant_spending_amount", sql`${t.amount} > 0`)],
);

/** An alert already sent, so the daily job sends each one once. */
export const grantAlertSent = pgTable(
  "grant_alert_sent",
  {
    id: idColumn(),
    partnershipId: partnershipIdColumn(),
    grantId: uuid("grant_id")
      .notNull()
      .references(() => grant.id, { onDelete: "cascade" }),
    /** "report:<report date id>" or "end:<months>". */
    alertKey: text("alert_key").notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("grant_alert_sent_key_idx").on(t.grantId, t.alertKey)],
);
