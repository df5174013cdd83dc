import { boolean, date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAtColumn, idColumn, updatedAtColumn, versionColumn } from "../db/columns.ts";
import { organizationType, partnershipIdColumn } from "../governance/tables.ts";
import { person } from "../people/tables.ts";
import type { AnswerMap } from "../questionnaires/questions.ts";
import type { SurveyAudience, SurveySection, SurveyStatus } from "./vocabulary.ts";

/** A survey of the Table's partners: its titles, audience, closing date and state. */
export const survey = pgTable(
  "survey",
  {
    id: idColumn(),
    partnershipId: partnershipIdColumn(),
    titleFr: text("title_fr").notNull(),
    titleEn: text("title_en").notNull(),
    /** Anonymous by construction: the response tables then hold nothing that links to a person. */
    anonymous: boolean("anonymous").notNull().default(true),
    /**
     * The survey asks for the respondent's organization TYPE (milieu) for the cross-tabs: only
     * then does a response carry it, and never the organization nor the person.
     */
    asksOrganizationType: boolean("asks_organization_type").notNull().default(false),
    audience: text("audience").$type<SurveyAudience>().notNull().default("delegates"),
    audienceOrganizationIds: uuid("audience_organization_ids").array().notNull().default([]),
    status: text("status").$type<SurveyStatus>().notNull().default("draft"),
    closesOn: date("closes_on", { mode: "string" }).notNull(),
    openedOn: date("opened_on", { mode: "string" }),
    closedOn: date("closed_on", { mode: "string" }),
    /** The published (frozen) definition answered while open. */
    publishedVersionId: uuid("published_version_id"),
    version: versionColumn(),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [index("survey_partnership_idx").on(t.partnershipId)],
);

/** A version of a survey's definition (sections and questions). A published one is never changed. */
export const surveyVersion = pgTable(
  "survey_version",
  {
    id: idColumn(),
    partnershipId: partnershipIdColumn(),
    surveyId: uuid("survey_id")
      .notNull()
      .references(() => survey.id),
    number: integer("number").notNull(),
    sections: jsonb("sections").$type<SurveySection[]>().notNull(),
    published: boolean("published").notNull().default(false),
    createdAt: createdAtColumn(),
  },
  (t) => [uniqueIndex("survey_version_number_idx").on(t.surveyId, t.number)],
);

/**
 * A person's single-use link to a survey (the token only as its SHA-256). `answered` is the
 * "has answered" marker: it says who answered, never what.
 */
export const surveyInvitation = pgTable(
  "survey_invitation",
  {
    id: idColumn(),
    partnershipId: partnershipIdColumn(),
    surveyId: uuid("survey_id")
      .notNull()
      .references(() => survey.id),
    personId: uuid("person_id")
      .notNull()
      .references(() => person.id),
    tokenHash: text("token_hash").notNull(),
    answered: boolean("answered").notNull().default(false),
    reminderSent: boolean("reminder_sent").notNull().default(false),
    createdAt: createdAtColumn(),
  },
  (t) => [uniqueIndex("survey_invitation_token_idx").on(t.tokenHash), uniqueIndex("survey_invitation_person_idx").on(t.surveyId, t.personId)],
);

/** Progress saved per section, held against the invitation until the answer is submitted (then deleted). */
export const surveyDraft = pgTable("survey_draft", {
  invitationId: uuid("invitation_id")
    .primaryKey()
    .references(() => surveyInvitation.id),
  partnershipId: partnershipIdColumn(),
  answers: jsonb("answers").$type<AnswerMap>().notNull(),
  section: integer("section").notNull().default(0),
  updatedAt: updatedAtColumn(),
});

/**
 * One submitted answer. On purpose there is NO person, invitation, account or timestamp column:
 * a random id (no order), the day only, and for an anonymous survey the organization TYPE at
 * most. A named survey's author is in `survey_response_author`.
 */
export const surveyResponse = pgTable(
  "survey_response",
  {
    id: idColumn(),
    partnershipId: partnershipIdColumn(),
    surveyId: uuid("survey_id")
      .notNull()
      .references(() => survey.id),
    versionId: uuid("version_id")
      .notNull()
      .references(() => surveyVersion.id),
    answeredOn: date("answered_on", { mode: "string" }).notNull(),
    organizationType: organizationType("organization_type"),
    answers: jsonb("answers").$type<AnswerMap>().notNull(),
  },
  (t) => [index("survey_response_survey_idx").on(t.partnershipId, t.surveyId)],
);

/** Named surveys only: who gave a response (the first screen says the survey is named). */
export const surveyResponseAuthor = pgTable("survey_response_author", {
  responseId: uuid("response_id")
    .primaryKey()
    .references(() => surveyResponse.id),
  partnershipId: partnershipIdColumn(),
  personId: uuid("person_id")
    .notNull()
    .references(() => person.id),
});

