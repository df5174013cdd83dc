import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { organization, partnershipIdColumn } from "../governance/tables.ts";
import { person } from "../people/tables.ts";
import { attendanceValues, meetingStatuses, objectivesOutcomes, pollAnswers, pollStatuses, rsvpAnswers } from "./vocabulary.ts";
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
    /** A meeting-time poll (pivot meetings): open while the date is chosen; null without a poll. */
    pollStatus: text("poll_status", { enum: pollStatuses }),
    /** The network thread of the meeting (forum_thread id), once someone opened it. */
    forumThreadId: uuid("forum_thread_id"),
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

/** A designated pivot's registration to a pivot meeting they are invited to (withdrawn: kept, dated). */
export const meetingRegistration = pgTable(
  "meeting_registration",
  {
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meeting.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => person.id),
    partnershipId: partnershipIdColumn(),
    registeredAt: timestamp("registered_at", { withTimezone: true }).notNull().defaultNow(),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.personId] }), index("meeting_registration_person_idx").on(t.personId)],
);

/** A time slot proposed by the meeting-time poll (Québec wall clock, stored as instants). */
export const meetingPollSlot = pgTable(
  "meeting_poll_slot",
  {
    id: idColumn(),
    partnershipId: partnershipIdColumn(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meeting.id, { onDelete: "cascade" }),
    position: integer("position").notNull().default(0),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    /** The slot the organizer picked (the meeting's date). */
    chosen: boolean("chosen").notNull().default(false),
    createdAt: createdAtColumn(),
  },
  (t) => [index("meeting_poll_slot_meeting_idx").on(t.meetingId, t.position), check("meeting_poll_slot_times", sql`${t.endsAt} > ${t.startsAt}`)],
);

/** One invited person's answer to one slot; one row per person and slot, replaced when changed. */
export const meetingPollAnswer = pgTable(
  "meeting_poll_answer",
  {
    slotId: uuid("slot_id")
      .notNull()
      .references(() => meetingPollSlot.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => person.id),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meeting.id, { onDelete: "cascade" }),
    partnershipId: partnershipIdColumn(),
    answer: text("answer", { enum: pollAnswers }).notNull(),
    answeredAt: timestamp("answered_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.slotId, t.personId] }), index("meeting_poll_answer_meeting_idx").on(t.meetingId)],
);

/** One organization's counts per activity type; null where the disclosure control suppressed a figure. */
export interface ActivityReviewRow {
  organizationId: string;
  organizationNameFr: string;
  organizationNameEn: string;
  organizationAcronym: string;
  counts: Record<string, number | null>;
  total: number | null;
}

/**
 * The "review of the pivots' activities" agenda item: counts by type and organization since the
 * previous meeting of the kind, taken when the item was added (counts only, never notes).
 */
export const meetingActivityReview = pgTable("meeting_activity_review", {
  agendaItemId: uuid("agenda_item_id")
    .primaryKey()
    .references(() => meetingAgendaItem.id, { onDelete: "cascade" }),
  meetingId: uuid("meeting_id")
    .notNull()
    .references(() => meeting.id, { onDelete: "cascade" }),
  partnershipId: partnershipIdColumn(),
  /** The day after the previous meeting of the kind (null: no previous meeting, everything until). */
  fromDay: date("from_day"),
  toDay: date("to_day").notNull(),
  /** Counts went through the disclosure control (an evaluator is invited): the Table's threshold. */
  protectedBelow: integer("protected_below"),
  rows: jsonb("rows").$type<ActivityReviewRow[]>().notNull(),
  createdAt: createdAtColumn(),
});
