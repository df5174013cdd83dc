import { date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organization, partnershipIdColumn } from "../governance/tables.ts";
import { person } from "../people/tables.ts";
import { delegateKinds, contributionDomains, commitmentTextStatuses } from "./vocabulary.ts";
import { createdAtColumn, idColumn, updatedAtColumn, versionColumn } from "../db/columns.ts";

/**
 * Who represented an organization at the Table, and when: the delegate (holder of the
 * table_member role) and the substitute delegate. Role assignments only tell who holds the
 * role now; these terms are the partnership's memory (and the basis of the turnover indicator).
 * An open term has no `until`.
 */
export const partnerDelegateTerm = pgTable(
  "partner_delegate_term",
  {
    id: idColumn(),
    partnershipId: partnershipIdColumn(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organization.id),
    personId: uuid("person_id")
      .notNull()
      .references(() => person.id),
    kind: text("kind", { enum: delegateKinds }).notNull(),
    since: date("since").notNull(),
    until: date("until"),
    note: text("note").notNull().default(""),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [index("partner_delegate_term_org_idx").on(t.partnershipId, t.organizationId, t.since)],
);

/** One cell of the contribution matrix: what an organization brings to one domain. */
export const partnerContribution = pgTable(
  "partner_contribution",
  {
    id: idColumn(),
    partnershipId: partnershipIdColumn(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organization.id),
    domain: text("domain", { enum: contributionDomains }).notNull(),
    text: text("text").notNull().default(""),
    // A row's version is the sum of its cells' versions (see contribution-matrix.server.ts).
    version: versionColumn(),
    updatedBy: uuid("updated_by"),
    updatedAt: updatedAtColumn(),
  },
  (t) => [uniqueIndex("partner_contribution_cell_uq").on(t.organizationId, t.domain), index("partner_contribution_partnership_idx").on(t.partnershipId)],
);

/**
 * The Table's written commitment text, versioned like the pathway: one published version at a
 * time, older ones archived, drafts edited until published. Organizations sign a version.
 */
export const commitmentTextVersion = pgTable(
  "commitment_text_version",
  {
    id: idColumn(),
    partnershipId: partnershipIdColumn(),
    number: integer("number").notNull(),
    status: text("status", { enum: commitmentTextStatuses }).notNull().default("draft"),
    titleFr: text("title_fr").notNull(),
    titleEn: text("title_en").notNull(),
    bodyFr: text("body_fr").notNull(),
    bodyEn: text("body_en").notNull(),
    changeNote: text("change_note").notNull().default(""),
    createdBy: uuid("created_by"),
    createdAt: createdAtColumn(),
    publishedBy: uuid("published_by"),
    publishedAt: timestamp("published_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("commitment_text_version_number_uq").on(t.partnershipId, t.number)],
);

/**
 * One organization's signed commitment for a period. The signed PDF is a stored_file owned by
 * ("partner_commitment", id). Reminder markers make the renewal job send each threshold once.
 */
export const partnerCommitment = pgTable(
  "partner_commitment",
  {
    id: idColumn(),
    partnershipId: partnershipIdColumn(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organization.id),
    textVersionId: uuid("text_version_id")
      .notNull()
      .references(() => commitmentTextVersion.id),
    startsOn: date("starts_on").notNull(),
    endsOn: date("ends_on").notNull(),
    signatoryName: text("signatory_name").notNull(),
    signatoryTitle: text("signatory_title").notNull().default(""),
    signedOn: date("signed_on").notNull(),
    documentFileId: uuid("document_file_id"),
    dueReminderSentAt: timestamp("due_reminder_sent_at", { withTimezone: true }),
    expiredReminderSentAt: timestamp("expired_reminder_sent_at", { withTimezone: true }),
    recordedBy: uuid("recorded_by"),
    createdAt: createdAtColumn(),
  },
  (t) => [index("partner_commitment_org_idx").on(t.partnershipId, t.organizationId, t.endsOn)],
);

/**
 * The reminder to an organization of the Table that never signed a commitment: when the last one
 * left. The daily renewal job sends one, then again at most every UNSIGNED_REMINDER_DAYS days.
 */
export const partnerUnsignedReminder = pgTable("partner_unsigned_reminder", {
  organizationId: uuid("organization_id")
    .primaryKey()
    .references(() => organization.id),
  partnershipId: partnershipIdColumn(),
  lastSentAt: timestamp("last_sent_at", { withTimezone: true }).notNull(),
});
