import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organization, partnershipIdColumn } from "../governance/tables.ts";
import { responsibility } from "../meetings/responsibilities/tables.ts";
import { person } from "../people/tables.ts";
import { createdAtColumn, idColumn, updatedAtColumn, versionColumn } from "../db/columns.ts";
import { retentionDispositions, retentionKinds, retentionTriggers } from "./retention-vocabulary.ts";
import { assessedFeatures, assessmentDecisions, correctionStatuses, incidentSeverities, incidentSources, incidentStatuses, likelihoods } from "./vocabulary.ts";

/**
 * A confidentiality incident in the register the CAI requires (Loi 25, art. 3.8 and the
 * regulation's items). `organizationId` null = the Table's own register; set = that
 * organization's register, read by its privacy officer only. Never deleted while closed for less
 * than five years (retention lock, delete-incident.server.ts).
 */
export const privacyIncident = pgTable(
  "privacy_incident",
  {
    id: idColumn(),
    partnershipId: partnershipIdColumn(),
    organizationId: uuid("organization_id").references(() => organization.id),
    /** A short label for the list (no identifying detail). */
    title: text("title").notNull(),
    /** The personal information involved, or (`notDescribedReason`) why it cannot be described. */
    personalInformation: text("personal_information").notNull().default(""),
    notDescribedReason: text("not_described_reason").notNull().default(""),
    circumstances: text("circumstances").notNull(),
    occurredOn: date("occurred_on").notNull(),
    occurredUntil: date("occurred_until"),
    knownOn: date("known_on").notNull(),
    knownUntil: date("known_until"),
    peopleCount: integer("people_count"),
    peopleCountApproximate: boolean("people_count_approximate").notNull().default(false),
    // Assessment of the risk of serious injury
    sensitivity: text("sensitivity").notNull().default(""),
    possibleMisuses: text("possible_misuses").notNull().default(""),
    consequences: text("consequences").notNull().default(""),
    likelihood: text("likelihood", { enum: likelihoods }),
    severity: text("severity", { enum: incidentSeverities }),
    riskReasoning: text("risk_reasoning").notNull().default(""),
    // Notices, when the risk is serious
    commissionNoticeOn: date("commission_notice_on"),
    peopleNoticeOn: date("people_notice_on"),
    publicNotice: boolean("public_notice").notNull().default(false),
    publicNoticeReason: text("public_notice_reason").notNull().default(""),
    ministerNoticeOn: date("minister_notice_on"),
    /** Measures taken to reduce the risk of injury. */
    measuresTaken: text("measures_taken").notNull().default(""),
    status: text("status", { enum: incidentStatuses }).notNull().default("reported"),
    sourceType: text("source_type", { enum: incidentSources }).notNull().default("other"),
    sourceId: uuid("source_id"),
    reportedByPersonId: uuid("reported_by_person_id").references(() => person.id),
    assessedAt: timestamp("assessed_at", { withTimezone: true }),
    notifiedAt: timestamp("notified_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    version: versionColumn(),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    index("privacy_incident_partnership_idx").on(t.partnershipId, t.organizationId, t.status),
    check("privacy_incident_described", sql`length(${t.personalInformation}) > 0 or length(${t.notDescribedReason}) > 0`),
    check("privacy_incident_closed_at", sql`${t.status} <> 'closed' or ${t.closedAt} is not null`),
  ],
);

/** A follow-up measure of an incident: a responsibility (owner, due date, status) of the responsibilities module. */
export const privacyIncidentMeasure = pgTable(
  "privacy_incident_measure",
  {
    id: idColumn(),
    partnershipId: partnershipIdColumn(),
    incidentId: uuid("incident_id")
      .notNull()
      .references(() => privacyIncident.id),
    responsibilityId: uuid("responsibility_id")
      .notNull()
      .references(() => responsibility.id),
    createdAt: createdAtColumn(),
  },
  (t) => [uniqueIndex("privacy_incident_measure_uq").on(t.incidentId, t.responsibilityId)],
);

/** A privacy impact assessment (EFVP) of one feature of Filet that handles personal information. */
export const privacyAssessment = pgTable(
  "privacy_assessment",
  {
    id: idColumn(),
    partnershipId: partnershipIdColumn(),
    feature: text("feature", { enum: assessedFeatures }).notNull(),
    title: text("title").notNull(),
    summary: text("summary").notNull().default(""),
    startedOn: date("started_on").notNull(),
    completedOn: date("completed_on"),
    reviewOn: date("review_on"),
    decision: text("decision", { enum: assessmentDecisions }).notNull().default("pending"),
    decisionReason: text("decision_reason").notNull().default(""),
    createdByPersonId: uuid("created_by_person_id").references(() => person.id),
    version: versionColumn(),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [index("privacy_assessment_partnership_idx").on(t.partnershipId, t.feature)],
);

/** A person's request to correct what Filet holds about them (Loi 25, art. 89), for the Table's privacy officer. */
export const privacyCorrectionRequest = pgTable(
  "privacy_correction_request",
  {
    id: idColumn(),
    partnershipId: partnershipIdColumn(),
    personId: uuid("person_id")
      .notNull()
      .references(() => person.id),
    request: text("request").notNull(),
    status: text("status", { enum: correctionStatuses }).notNull().default("open"),
    answer: text("answer").notNull().default(""),
    answeredByPersonId: uuid("answered_by_person_id").references(() => person.id),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
    version: versionColumn(),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [index("privacy_correction_request_partnership_idx").on(t.partnershipId, t.status)],
);

/**
 * A Table's retention schedule (issue 15 §2): one row per Table, its rules per data kind as
 * `{ [kind]: { months, disposition } }`, read through `parseRetentionSchedule` (bounds enforced;
 * a missing or out-of-bounds rule reads as the product's default). No row yet = the defaults
 * (and, for consultations, the period the Table set before the schedule existed).
 */
export const retentionSchedule = pgTable("retention_schedule", {
  id: idColumn(),
  partnershipId: partnershipIdColumn().unique(),
  rules: jsonb("rules").$type<Record<string, unknown>>().notNull().default({}),
  updatedByPersonId: uuid("updated_by_person_id").references(() => person.id),
  version: versionColumn(),
  createdAt: createdAtColumn(),
  updatedAt: updatedAtColumn(),
});

/**
 * The destruction record: what one run of the retention job did to one kind in one Table — how
 * many records, under which rule, on which day. Never any content, never an id of what went.
 */
export const retentionRun = pgTable(
  "retention_run",
  {
    id: idColumn(),
    partnershipId: partnershipIdColumn(),
    kind: text("kind", { enum: retentionKinds }).notNull(),
    trigger: text("trigger", { enum: retentionTriggers }).notNull(),
    months: integer("months").notNull(),
    disposition: text("disposition", { enum: retentionDispositions }).notNull(),
    count: integer("count").notNull(),
    /** The Québec calendar day of the run. */
    ranOn: date("ran_on").notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [index("retention_run_partnership_idx").on(t.partnershipId, t.ranOn)],
);
