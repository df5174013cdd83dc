import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organization, partnershipIdColumn } from "../governance/tables.ts";
import { person } from "../people/tables.ts";
import {
  proposalStatuses,
  attendanceStatuses,
  registrationStatuses,
  sessionLanguages,
  sessionStatuses,
  type PairAssignment,
  type ProgramDay,
  type ProposalProgress,
  waitReasons,
} from "./vocabulary.ts";
import type { Infeasibility } from "./pair-reasons.ts";
import { createdAtColumn, idColumn, updatedAtColumn, versionColumn } from "../db/columns.ts";

export { proposalStatuses, registrationStatuses, sessionLanguages, sessionStatuses } from "./vocabulary.ts";

/** A training program (the basic 2-day training; others can be added). */
export const trainingProgram = pgTable(
  "training_program",
  {
    id: idColumn(),
    partnershipId: partnershipIdColumn(),
    slug: text("slug").notNull(),
    nameFr: text("name_fr").notNull(),
    nameEn: text("name_en").notNull(),
    summaryFr: text("summary_fr").notNull().default(""),
    summaryEn: text("summary_en").notNull().default(""),
    days: jsonb("days").$type<ProgramDay[]>().notNull().default([]),
    /** Guide modules covered (savoir, savoir-être, savoir-faire), by key. */
    guideModules: text("guide_modules").array().notNull().default([]),
    version: versionColumn(),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [uniqueIndex("training_program_slug_idx").on(t.partnershipId, t.slug)],
);

/** The trainer pool (formateurs et formatrices): a trainer-role holder's training profile. */
export const trainerProfile = pgTable(
  "trainer_profile",
  {
    id: idColumn(),
    partnershipId: partnershipIdColumn(),
    personId: uuid("person_id")
      .notNull()
      .references(() => person.id),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organization.id),
    languages: text("languages").array().notNull().default(["fr"]),
    accreditedOn: date("accredited_on"),
    maxSessions: integer("max_sessions").notNull().default(6),
    active: boolean("active").notNull().default(true),
    version: versionColumn(),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    uniqueIndex("trainer_profile_person_idx").on(t.partnershipId, t.personId),
    check("trainer_profile_max_sessions", sql`${t.maxSessions} >= 0`),
  ],
);

export const trainingSession = pgTable(
  "training_session",
  {
    id: idColumn(),
    partnershipId: partnershipIdColumn(),
    programId: uuid("program_id")
      .notNull()
      .references(() => trainingProgram.id),
    /** One date per program day, in order. */
    dates: date("dates").array().notNull(),
    place: text("place").notNull().default(""),
    online: boolean("online").notNull().default(false),
    capacity: integer("capacity").notNull().default(20),
    language: text("language", { enum: sessionLanguages }).notNull().default("fr"),
    status: text("status", { enum: sessionStatuses }).notNull().default("planned"),
    /** The pair: references trainer_profile; the different-organization rule is enforced in code. */
    trainerAId: uuid("trainer_a_id").references(() => trainerProfile.id),
    trainerBId: uuid("trainer_b_id").references(() => trainerProfile.id),
    observerPersonId: uuid("observer_person_id").references(() => person.id),
    notes: text("notes").notNull().default(""),
    /** Registration closes this many days before the first day; null = the Table's setting. */
    registrationClosesDays: integer("registration_closes_days"),
    /** iCalendar SEQUENCE of the session's event: raised when its dates or place change. */
    calendarSequence: integer("calendar_sequence").notNull().default(0),
    version: versionColumn(),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    index("training_session_partnership_idx").on(t.partnershipId, t.status),
    check("training_session_distinct_trainers", sql`${t.trainerAId} is null or ${t.trainerBId} is null or ${t.trainerAId} <> ${t.trainerBId}`),
    check("training_session_capacity", sql`${t.capacity} > 0`),
  ],
);

/** A trainer's own answer: available for this session or not. No row = not answered. */
export const trainerAvailability = pgTable(
  "trainer_availability",
  {
    partnershipId: partnershipIdColumn(),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => trainingSession.id),
    trainerId: uuid("trainer_id")
      .notNull()
      .references(() => trainerProfile.id),
    available: boolean("available").notNull(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.trainerId] }), index("trainer_availability_trainer_idx").on(t.trainerId)],
);

/** A pair proposal computed by the solver, reviewed then applied by the coordinator. */
export const pairProposal = pgTable(
  "pair_proposal",
  {
    id: idColumn(),
    partnershipId: partnershipIdColumn(),
    status: text("status", { enum: proposalStatuses }).notNull(),
    requestedBy: uuid("requested_by").references(() => person.id),
    sessionIds: uuid("session_ids").array().notNull(),
    assignments: jsonb("assignments").$type<PairAssignment[]>().notNull().default([]),
    reasons: jsonb("reasons").$type<Infeasibility[]>().notNull().default([]),
    solverStatus: text("solver_status").notNull().default(""),
    solveMs: integer("solve_ms").notNull().default(0),
    /** While queued or solving: the phase, time spent and (once HiGHS has pairs) the gap. */
    progress: jsonb("progress").$type<ProposalProgress>().notNull().default({ phase: "queued", elapsedMs: 0, gap: null, incumbent: null, bound: null }),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    version: versionColumn(),
    createdAt: createdAtColumn(),
    appliedAt: timestamp("applied_at", { withTimezone: true }),
  },
  (t) => [index("pair_proposal_partnership_idx").on(t.partnershipId, t.createdAt)],
);

/** A worker's registration (inscription) to a session; beyond capacity it waits in line. */
export const trainingRegistration = pgTable(
  "training_registration",
  {
    id: idColumn(),
    partnershipId: partnershipIdColumn(),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => trainingSession.id),
    personId: uuid("person_id")
      .notNull()
      .references(() => person.id),
    status: text("status", { enum: registrationStatuses }).notNull(),
    /** The organization the seat counts for in the mix (the person's organization when registering). */
    organizationId: uuid("organization_id").references(() => organization.id),
    /** Set when a pivot coordinator nominated the person rather than the person registering. */
    nominatedBy: uuid("nominated_by").references(() => person.id),
    /** Why the person waits: "capacity" (session full) or "organization_cap" (mix rule). */
    waitReason: text("wait_reason", { enum: waitReasons }),
    /** Completion of the training (both days attended, or marked by the coordinator): certificates need it. */
    completedAt: timestamp("completed_at", { withTimezone: true }),
    /** Set when the coordinator marked the training completed despite a partial day (kept over attendance). */
    completionMarkedBy: uuid("completion_marked_by").references(() => person.id),
    /** The reminder email before the first day was queued (sent once). */
    reminderSentAt: timestamp("reminder_sent_at", { withTimezone: true }),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    uniqueIndex("training_registration_person_idx").on(t.sessionId, t.personId),
    index("training_registration_session_idx").on(t.sessionId, t.status),
    index("training_registration_partnership_idx").on(t.partnershipId),
  ],
);

/** Attendance (présence) of one registered participant on one day of the session (0 = day 1). */
export const trainingAttendance = pgTable(
  "training_attendance",
  {
    partnershipId: partnershipIdColumn(),
    registrationId: uuid("registration_id")
      .notNull()
      .references(() => trainingRegistration.id),
    dayIndex: integer("day_index").notNull(),
    status: text("status", { enum: attendanceStatuses }).notNull(),
    recordedBy: uuid("recorded_by").references(() => person.id),
    updatedAt: updatedAtColumn(),
  },
  // The Table's attendance read at once (people trained per period, issue 12) without the other Tables' rows.
  (t) => [primaryKey({ columns: [t.registrationId, t.dayIndex] }), check("training_attendance_day", sql`${t.dayIndex} >= 0`), index("training_attendance_partnership_idx").on(t.partnershipId, t.status)],
);
