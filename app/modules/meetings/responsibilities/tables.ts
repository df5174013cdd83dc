import { sql } from "drizzle-orm";
import { check, date, index, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { actionPlanObjective } from "../../action-plan/tables.ts";
import { organization, partnershipIdColumn } from "../../governance/tables.ts";
import { person } from "../../people/tables.ts";
import { meeting, meetingAgendaItem } from "../tables.ts";
import { responsibilityStatuses } from "./vocabulary.ts";
import { createdAtColumn, idColumn, updatedAtColumn, versionColumn } from "../../db/columns.ts";

export { responsibilityStatuses } from "./vocabulary.ts";

/**
 * A responsibility (action item): what, who (a person OR an organization), by when. Born from a
 * meeting's agenda item or on its own. `scopeOrganizationId` set = visible inside that
 * organization only (follow-ups, items a pivot coordinator created for their organization).
 */
export const responsibility = pgTable(
  "responsibility",
  {
    id: idColumn(),
    partnershipId: partnershipIdColumn(),
    scopeOrganizationId: uuid("scope_organization_id").references(() => organization.id),
    meetingId: uuid("meeting_id").references(() => meeting.id, { onDelete: "set null" }),
    agendaItemId: uuid("agenda_item_id").references(() => meetingAgendaItem.id, { onDelete: "set null" }),
    objectiveId: uuid("objective_id").references(() => actionPlanObjective.id, { onDelete: "set null" }),
    what: text("what").notNull(),
    ownerPersonId: uuid("owner_person_id").references(() => person.id),
    ownerOrganizationId: uuid("owner_organization_id").references(() => organization.id),
    dueOn: date("due_on").notNull(),
    status: text("status", { enum: responsibilityStatuses }).notNull().default("todo"),
    droppedReason: text("dropped_reason").notNull().default(""),
    createdByPersonId: uuid("created_by_person_id").references(() => person.id),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    /** The due date a "due soon" reminder was sent for (a new due date allows a new one). */
    dueSoonRemindedFor: date("due_soon_reminded_for"),
    /** Last overdue reminder: sent once, then at most weekly. */
    overdueRemindedAt: timestamp("overdue_reminded_at", { withTimezone: true }),
    version: versionColumn(),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    index("responsibility_partnership_idx").on(t.partnershipId, t.status, t.dueOn),
    index("responsibility_meeting_idx").on(t.meetingId),
    index("responsibility_owner_person_idx").on(t.ownerPersonId),
    check("responsibility_one_owner", sql`(${t.ownerPersonId} is null) <> (${t.ownerOrganizationId} is null)`),
    check("responsibility_dropped_reason", sql`${t.status} <> 'dropped' or length(${t.droppedReason}) > 0`),
  ],
);

/** The comment thread of a responsibility. */
export const responsibilityComment = pgTable(
  "responsibility_comment",
  {
    id: idColumn(),
    partnershipId: partnershipIdColumn(),
    responsibilityId: uuid("responsibility_id")
      .notNull()
      .references(() => responsibility.id, { onDelete: "cascade" }),
    authorPersonId: uuid("author_person_id").references(() => person.id),
    body: text("body").notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [index("responsibility_comment_idx").on(t.responsibilityId, t.createdAt)],
);

/** Open responsibilities proposed on a later meeting's "follow-up of open items" agenda item. */
export const agendaItemResponsibility = pgTable(
  "agenda_item_responsibility",
  {
    agendaItemId: uuid("agenda_item_id")
      .notNull()
      .references(() => meetingAgendaItem.id, { onDelete: "cascade" }),
    responsibilityId: uuid("responsibility_id")
      .notNull()
      .references(() => responsibility.id, { onDelete: "cascade" }),
    partnershipId: partnershipIdColumn(),
  },
  (t) => [primaryKey({ columns: [t.agendaItemId, t.responsibilityId] }), index("agenda_item_responsibility_resp_idx").on(t.responsibilityId)],
);
