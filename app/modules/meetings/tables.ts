import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { organization, partnershipIdColumn } from "../governance/tables.ts";
import { person } from "../people/tables.ts";
import { attendanceValues, meetingStatuses, objectivesOutcomes, rsvpAnswers } from "./vocabulary.ts";
import { createdAtColumn, idColumn, updatedAtColumn, versionColumn } from "../db/columns.ts";

export { attendanceValues, meetingStatuses, rsvpAnswers } from "./vocabulary.ts";

/**
 * A meeting of the Table (or of pivots, trainers, or inside one organization). `kind` is a
 * built-in kind or one the Table added in its settings. A follow-up inside an organization
 * carries that organization: only its people see it.
 */
export const meeting = pgTable(
  "meeting",
  {
    id: idColumn(),
    partnershipId: partnershipIdColumn(),
    /** Set for the organization's own follow-ups only. */
    organizationId: uuid("organization_id").references(() => organization.id),
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    place: text("place").notNull().default(""),
    onlineUrl: text("online_url").notNull().default(""),
    objectives: text("objectives").notNull().default(""),
    /** Set once the meeting is held: whether its objectives were met, and in a few words how. */
    objectivesOutcome: text("objectives_outcome", { enum: objectivesOutcomes }),
    objectivesReview: text("objectives_review").notNull().default(""),
    status: text("status", { enum: meetingStatuses }).notNull().default("planned"),
    /** RFC 5545 SEQUENCE of the invitation: raised when the date or the place changes. */
    sequence: integer("sequence").notNull().default(0),
    templateId: uuid("template_id"),
    createdByPersonId: uuid("created_by_person_id").references(() => person.id),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    version: versionColumn(),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    index("meeting_partnership_idx").on(t.partnershipId, t.startsAt),
    index("meeting_kind_idx").on(t.partnershipId, t.kind, t.startsAt),
    check("meeting_times", sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

/** One item of the agenda, with its minutes once the meeting is held. */
export const meetingAgendaItem = pgTable(
  "meeting_agenda_item",
  {
    id: idColumn(),
    partnershipId: partnershipIdColumn(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meeting.id, { onDelete: "cascade" }),
    position: integer("position").notNull().default(0),
    title: text("title").notNull(),
    presenter: text("presenter").notNull().default(""),
    durationMinutes: integer("duration_minutes").notNull().default(0),
    notes: text("notes").notNull().default(""),
    /** Minutes (compte rendu) of this item, safe Markdown subset. */
    minutes: text("minutes").notNull().default(""),
    /** The "follow-up of open items" item, which lists the previous meeting's open responsibilities. */
    followUp: boolean("follow_up").notNull().default(false),
    createdAt: createdAtColumn(),
  },
  (t) => [index("meeting_agenda_item_meeting_idx").on(t.meetingId, t.position), check("meeting_agenda_duration", sql`${t.durationMinutes} >= 0`)],
);

/** A decision recorded during a meeting (searchable in the decisions register). */
export const meetingDecision = pgTable(
  "meeting_decision",
  {
    id: idColumn(),
    partnershipId: partnershipIdColumn(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meeting.id, { onDelete: "cascade" }),
    agendaItemId: uuid("agenda_item_id").references(() => meetingAgendaItem.id, { onDelete: "set null" }),
    text: text("text").notNull(),
    createdByPersonId: uuid("created_by_person_id").references(() => person.id),
    createdAt: createdAtColumn(),
  },
  (t) => [index("meeting_decision_partnership_idx").on(t.partnershipId, t.createdAt)],
);

/** An invited person: their answer (RSVP) and, once held, their attendance. */
export const meetingInvitation = pgTable(
  "meeting_invitation",
  {
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meeting.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => person.id),
    partnershipId: partnershipIdColumn(),
    rsvp: text("rsvp", { enum: rsvpAnswers }),
    attendance: text("attendance", { enum: attendanceValues }),
    invitedAt: timestamp("invited_at", { withTimezone: true }).notNull().defaultNow(),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.personId] }), index("meeting_invitation_person_idx").on(t.personId)],
);

/** Someone present who was not invited (name and organization only, adults). */
export const meetingGuest = pgTable(
  "meeting_guest",
  {
    id: idColumn(),
    partnershipId: partnershipIdColumn(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meeting.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [index("meeting_guest_meeting_idx").on(t.meetingId)],
);
