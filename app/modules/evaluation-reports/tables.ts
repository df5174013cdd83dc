import { sql } from "drizzle-orm";
import { check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { actionPlanAction } from "../action-plan/tables.ts";
import { partnershipIdColumn } from "../governance/tables.ts";
import { meetingDecision } from "../meetings/tables.ts";
import { responsibility } from "../meetings/responsibilities/tables.ts";
import { person } from "../people/tables.ts";
import { createdAtColumn, idColumn, updatedAtColumn, versionColumn } from "../db/columns.ts";
import { addressees, eventKinds, priorities, reportKinds, responses, verifications } from "./vocabulary.ts";

/**
 * An evaluation report filed by the external evaluator (interim or final). Its PDF, when uploaded,
 * is a stored_file owned by ("evaluation_report", id). `responseDueOn` is the deadline of the
 * Table's management responses (default: four weeks after `reportOn`).
 */
export const evaluationReport = pgTable(
  "evaluation_report",
  {
    id: idColumn(),
    partnershipId: partnershipIdColumn(),
    title: text("title").notNull(),
    evaluatorName: text("evaluator_name").notNull(),
    institution: text("institution").notNull().default(""),
    reportOn: date("report_on").notNull(),
    kind: text("kind", { enum: reportKinds }).notNull(),
    responseDueOn: date("response_due_on").notNull(),
    createdByPersonId: uuid("created_by_person_id").references(() => person.id),
    version: versionColumn(),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [index("evaluation_report_partnership_idx").on(t.partnershipId, t.reportOn)],
);

/** A finding (strength) of a report, in the report's order. */
export const evaluationFinding = pgTable(
  "evaluation_finding",
  {
    id: idColumn(),
    partnershipId: partnershipIdColumn(),
    reportId: uuid("report_id")
      .notNull()
      .references(() => evaluationReport.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    text: text("text").notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [index("evaluation_finding_report_idx").on(t.reportId, t.position)],
);

/**
 * A numbered recommendation of a report, tracked to done: the Table's response (after a meeting
 * decision), then the evaluator's verification. Its status is derived from those two.
 */
export const evaluationRecommendation = pgTable(
  "evaluation_recommendation",
  {
    id: idColumn(),
    partnershipId: partnershipIdColumn(),
    reportId: uuid("report_id")
      .notNull()
      .references(() => evaluationReport.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    text: text("text").notNull(),
    addressee: text("addressee", { enum: addressees }).notNull(),
    priority: text("priority", { enum: priorities }).notNull(),
    response: text("response", { enum: responses }),
    responseRationale: text("response_rationale").notNull().default(""),
    decisionId: uuid("decision_id").references(() => meetingDecision.id, { onDelete: "set null" }),
    respondedByPersonId: uuid("responded_by_person_id").references(() => person.id),
    respondedAt: timestamp("responded_at", { withTimezone: true }),
    verification: text("verification", { enum: verifications }),
    verificationEvidence: text("verification_evidence").notNull().default(""),
    verifiedByPersonId: uuid("verified_by_person_id").references(() => person.id),
    verifiedAt: timestamp("verified_at", { withTimezone: true }),
    version: versionColumn(),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    uniqueIndex("evaluation_recommendation_number_idx").on(t.reportId, t.number),
    index("evaluation_recommendation_partnership_idx").on(t.partnershipId),
    check("evaluation_recommendation_rationale", sql`${t.response} is null or length(${t.responseRationale}) > 0`),
    check("evaluation_recommendation_evidence", sql`${t.verification} is null or length(${t.verificationEvidence}) > 0`),
  ],
);

/** A key action of a recommendation: an existing action-plan action OR responsibility (no second tracker). */
export const evaluationKeyAction = pgTable(
  "evaluation_key_action",
  {
    id: idColumn(),
    partnershipId: partnershipIdColumn(),
    recommendationId: uuid("recommendation_id")
      .notNull()
      .references(() => evaluationRecommendation.id, { onDelete: "cascade" }),
    actionId: uuid("action_id").references(() => actionPlanAction.id, { onDelete: "cascade" }),
    responsibilityId: uuid("responsibility_id").references(() => responsibility.id, { onDelete: "cascade" }),
    createdAt: createdAtColumn(),
  },
  (t) => [
    check("evaluation_key_action_one_target", sql`(${t.actionId} is null) <> (${t.responsibilityId} is null)`),
    uniqueIndex("evaluation_key_action_action_idx").on(t.recommendationId, t.actionId),
    uniqueIndex("evaluation_key_action_responsibility_idx").on(t.recommendationId, t.responsibilityId),
  ],
);

/** The history of a recommendation: who changed what, shown on its page (the audit log holds the same, hash-chained). */
export const evaluationRecommendationEvent = pgTable(
  "evaluation_recommendation_event",
  {
    id: idColumn(),
    partnershipId: partnershipIdColumn(),
    recommendationId: uuid("recommendation_id")
      .notNull()
      .references(() => evaluationRecommendation.id, { onDelete: "cascade" }),
    personId: uuid("person_id").references(() => person.id),
    kind: text("kind", { enum: eventKinds }).notNull(),
    /** What changed, in words the page translates: { from, to, note, target }. */
    details: jsonb("details").$type<Record<string, string | number | null>>().notNull().default({}),
    createdAt: createdAtColumn(),
  },
  (t) => [index("evaluation_recommendation_event_idx").on(t.recommendationId, t.createdAt)],
);

/**
 * The reminders already sent, so the daily job sends each once: per recommendation, threshold
 * ("response_due_soon", "response_overdue", "action_overdue") and key (the deadline, or the
 * overdue key action), so a new deadline or a newly late action warns again.
 */
export const evaluationReminderSent = pgTable(
  "evaluation_reminder_sent",
  {
    partnershipId: partnershipIdColumn(),
    recommendationId: uuid("recommendation_id")
      .notNull()
      .references(() => evaluationRecommendation.id, { onDelete: "cascade" }),
    threshold: text("threshold").notNull(),
    itemKey: text("item_key").notNull(),
    sentAt: createdAtColumn(),
  },
  (t) => [primaryKey({ columns: [t.recommendationId, t.threshold, t.itemKey] })],
);
