import { date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { person } from "../people/tables.ts";
import { trainingProgram, trainingRegistration, trainingSession } from "../training/tables.ts";
import { questionnaireKinds, type Answers, type Question } from "./vocabulary.ts";
import { createdAtColumn, idColumn, updatedAtColumn, versionColumn } from "../db/columns.ts";
import { partnershipIdColumn } from "../governance/tables.ts";

/**
 * A version of one of the Table's questionnaires (observation grid or end-of-training evaluation).
 * Editing saves a new version; answers keep the version they were given on.
 */
export const trainingQuestionnaire = pgTable(
  "training_questionnaire",
  {
    id: idColumn(),
    partnershipId: partnershipIdColumn(),
    kind: text("kind", { enum: questionnaireKinds }).notNull(),
    version: integer("version").notNull(),
    questions: jsonb("questions").$type<Question[]>().notNull(),
    createdBy: uuid("created_by").references(() => person.id),
    createdAt: createdAtColumn(),
  },
  (t) => [uniqueIndex("training_questionnaire_version_idx").on(t.partnershipId, t.kind, t.version)],
);

/** The observer's grid for one session: editable until submitted. */
export const trainingObservation = pgTable(
  "training_observation",
  {
    id: idColumn(),
    partnershipId: partnershipIdColumn(),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => trainingSession.id),
    questionnaireId: uuid("questionnaire_id")
      .notNull()
      .references(() => trainingQuestionnaire.id),
    observerPersonId: uuid("observer_person_id")
      .notNull()
      .references(() => person.id),
    answers: jsonb("answers").$type<Answers>().notNull().default({}),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    version: versionColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [uniqueIndex("training_observation_session_idx").on(t.sessionId)],
);

/**
 * One anonymous answer to the end-of-training questionnaire. On purpose there is NO person,
 * registration, account or timestamp column: nothing links a response to who gave it (the
 * row order is not meaningful either: random ids). `training_evaluation_marker` only says who answered.
 */
export const trainingEvaluationResponse = pgTable(
  "training_evaluation_response",
  {
    id: idColumn(),
    partnershipId: partnershipIdColumn(),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => trainingSession.id),
    programId: uuid("program_id")
      .notNull()
      .references(() => trainingProgram.id),
    questionnaireId: uuid("questionnaire_id")
      .notNull()
      .references(() => trainingQuestionnaire.id),
    answers: jsonb("answers").$type<Answers>().notNull(),
  },
  (t) => [index("training_evaluation_response_session_idx").on(t.partnershipId, t.sessionId), index("training_evaluation_response_program_idx").on(t.partnershipId, t.programId)],
);

/** "This registration has answered the evaluation": prevents answering twice, says nothing of the answer. */
export const trainingEvaluationMarker = pgTable("training_evaluation_marker", {
  registrationId: uuid("registration_id")
    .primaryKey()
    .references(() => trainingRegistration.id),
  partnershipId: partnershipIdColumn(),
});

/**
 * A certificate of completion. What it printed is kept as issued (name, program, dates, trainers'
 * organizations), so the public verification shows exactly the certificate, even after edits.
 */
export const trainingCertificate = pgTable(
  "training_certificate",
  {
    id: idColumn(),
    partnershipId: partnershipIdColumn(),
    registrationId: uuid("registration_id")
      .notNull()
      .references(() => trainingRegistration.id),
    personId: uuid("person_id")
      .notNull()
      .references(() => person.id),
    /** 80 random bits in Crockford base32 (16 characters), stored without separators. */
    code: text("code").notNull(),
    holderName: text("holder_name").notNull(),
    programNameFr: text("program_name_fr").notNull(),
    programNameEn: text("program_name_en").notNull(),
    dates: date("dates").array().notNull(),
    trainerOrganizations: text("trainer_organizations").array().notNull().default([]),
    issuedAt: timestamp("issued_at", { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("training_certificate_code_idx").on(t.code), uniqueIndex("training_certificate_registration_idx").on(t.registrationId)],
);

/** A guide exercise attached to a session (by its stable key; the section gives the link). */
export const trainingSessionExercise = pgTable(
  "training_session_exercise",
  {
    partnershipId: partnershipIdColumn(),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => trainingSession.id),
    exerciseKey: text("exercise_key").notNull(),
    sectionId: uuid("section_id").notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.exerciseKey] })],
);
