import { date, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { organization, partnershipIdColumn } from "../governance/tables.ts";
import { person } from "../people/tables.ts";
import { createdAtColumn, idColumn, updatedAtColumn, versionColumn } from "../db/columns.ts";

/** A de-identified request for advice from a worker to a pivot (or an organization's pivots). */
export const consultation = pgTable(
  "consultation",
  {
    id: idColumn(),
    partnershipId: partnershipIdColumn(),
    askerPersonId: uuid("asker_person_id")
      .notNull()
      .references(() => person.id),
    askerOrganizationId: uuid("asker_organization_id").references(() => organization.id),
    /** Addressed to one pivot, or to every current pivot of an organization. */
    targetPersonId: uuid("target_person_id").references(() => person.id),
    targetOrganizationId: uuid("target_organization_id")
      .notNull()
      .references(() => organization.id),
    subject: text("subject").notNull(),
    context: text("context").notNull(),
    question: text("question").notNull(),
    urgency: text("urgency", { enum: ["low", "normal", "high"] }).notNull().default("normal"),
    status: text("status", { enum: ["new", "taken", "answered", "closed"] }).notNull().default("new"),
    takenByPersonId: uuid("taken_by_person_id"),
    firstResponseAt: timestamp("first_response_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    version: versionColumn(),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    index("consultation_partnership_idx").on(t.partnershipId, t.status),
    index("consultation_target_org_idx").on(t.targetOrganizationId),
    index("consultation_asker_idx").on(t.askerPersonId),
    index("consultation_closed_idx").on(t.closedAt),
  ],
);

export const consultationMessage = pgTable(
  "consultation_message",
  {
    id: idColumn(),
    consultationId: uuid("consultation_id")
      .notNull()
      .references(() => consultation.id, { onDelete: "cascade" }),
    partnershipId: uuid("partnership_id").notNull(),
    authorPersonId: uuid("author_person_id")
      .notNull()
      .references(() => person.id),
    body: text("body").notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [index("consultation_message_consultation_idx").on(t.consultationId, t.createdAt)],
);

/**
 * What remains of a consultation after its retention period: no text, no person, only what
 * the indicators need (volume and response time per month and organization).
 */
export const consultationMetric = pgTable(
  "consultation_metric",
  {
    id: idColumn(),
    partnershipId: uuid("partnership_id").notNull(),
    targetOrganizationId: uuid("target_organization_id"),
    askerOrganizationId: uuid("asker_organization_id"),
    month: date("month").notNull(),
    urgency: text("urgency").notNull(),
    responseMinutes: integer("response_minutes"),
    createdAt: createdAtColumn(),
  },
  (t) => [index("consultation_metric_partnership_idx").on(t.partnershipId, t.month)],
);
