CREATE TABLE "training_attendance" (
	"partnership_id" uuid NOT NULL,
	"registration_id" uuid NOT NULL,
	"day_index" integer NOT NULL,
	"status" text NOT NULL,
	"recorded_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_attendance_registration_id_day_index_pk" PRIMARY KEY("registration_id","day_index"),
	CONSTRAINT "training_attendance_day" CHECK ("training_attendance"."day_index" >= 0)
);
--> statement-breakpoint
CREATE TABLE "action_plan" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"copied_from_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "action_plan_year_range" CHECK ("action_plan"."year" between 1990 and 2200)
);
--> statement-breakpoint
CREATE TABLE "action_plan_action" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"objective_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"starts_on" date,
	"ends_on" date,
	"status" text DEFAULT 'planned' NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "action_plan_action_progress" CHECK ("action_plan_action"."progress" between 0 and 100),
	CONSTRAINT "action_plan_action_dates" CHECK ("action_plan_action"."starts_on" is null or "action_plan_action"."ends_on" is null or "action_plan_action"."starts_on" <= "action_plan_action"."ends_on")
);
--> statement-breakpoint
CREATE TABLE "action_plan_action_organization" (
	"partnership_id" uuid NOT NULL,
	"action_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	CONSTRAINT "action_plan_action_organization_action_id_organization_id_pk" PRIMARY KEY("action_id","organization_id")
);
--> statement-breakpoint
CREATE TABLE "action_plan_indicator" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"objective_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"label" text NOT NULL,
	"unit" text DEFAULT '' NOT NULL,
	"target" numeric(12, 2) NOT NULL,
	"actual" numeric(12, 2),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "action_plan_objective" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "commitment_text_version" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"title_fr" text NOT NULL,
	"title_en" text NOT NULL,
	"body_fr" text NOT NULL,
	"body_en" text NOT NULL,
	"change_note" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_by" uuid,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "partner_commitment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"text_version_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"signatory_name" text NOT NULL,
	"signatory_title" text DEFAULT '' NOT NULL,
	"signed_on" date NOT NULL,
	"document_file_id" uuid,
	"due_reminder_sent_at" timestamp with time zone,
	"expired_reminder_sent_at" timestamp with time zone,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partner_contribution" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"domain" text NOT NULL,
	"text" text DEFAULT '' NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partner_delegate_term" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"since" date NOT NULL,
	"until" date,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_certificate" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"registration_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"code" text NOT NULL,
	"holder_name" text NOT NULL,
	"program_name_fr" text NOT NULL,
	"program_name_en" text NOT NULL,
	"dates" date[] NOT NULL,
	"trainer_organizations" text[] DEFAULT '{}' NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "training_evaluation_marker" (
	"registration_id" uuid PRIMARY KEY NOT NULL,
	"partnership_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_evaluation_response" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"questionnaire_id" uuid NOT NULL,
	"answers" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_observation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"questionnaire_id" uuid NOT NULL,
	"observer_person_id" uuid NOT NULL,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"submitted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_questionnaire" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"version" integer NOT NULL,
	"questions" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_session_exercise" (
	"partnership_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"exercise_key" text NOT NULL,
	"section_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_session_exercise_session_id_exercise_key_pk" PRIMARY KEY("session_id","exercise_key")
);
--> statement-breakpoint
CREATE TABLE "grant" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"funder" text NOT NULL,
	"program" text DEFAULT '' NOT NULL,
	"amount" numeric(12, 2) NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"conditions" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "grant_amount_positive" CHECK ("grant"."amount" >= 0),
	CONSTRAINT "grant_period" CHECK ("grant"."starts_on" <= "grant"."ends_on")
);
--> statement-breakpoint
CREATE TABLE "grant_alert_sent" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"grant_id" uuid NOT NULL,
	"alert_key" text NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "grant_report_date" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"grant_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"label" text DEFAULT '' NOT NULL,
	"submitted_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "grant_spending" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"grant_id" uuid NOT NULL,
	"action_id" uuid,
	"amount" numeric(12, 2) NOT NULL,
	"spent_on" date NOT NULL,
	"label" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "grant_spending_amount" CHECK ("grant_spending"."amount" > 0)
);
--> statement-breakpoint
CREATE TABLE "coordination_handover" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"outgoing_person_id" uuid NOT NULL,
	"successor_person_id" uuid NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"items" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"transferred_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "announcement" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"author_person_id" uuid NOT NULL,
	"audience" text NOT NULL,
	"organization_id" uuid,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "announcement_recipient" (
	"partnership_id" uuid NOT NULL,
	"announcement_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"read_at" timestamp with time zone,
	CONSTRAINT "announcement_recipient_announcement_id_person_id_pk" PRIMARY KEY("announcement_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "meeting" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"organization_id" uuid,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"online_url" text DEFAULT '' NOT NULL,
	"objectives" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"sequence" integer DEFAULT 0 NOT NULL,
	"template_id" uuid,
	"created_by_person_id" uuid,
	"closed_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_times" CHECK ("meeting"."ends_at" > "meeting"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "meeting_agenda_item" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"title" text NOT NULL,
	"presenter" text DEFAULT '' NOT NULL,
	"duration_minutes" integer DEFAULT 0 NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"minutes" text DEFAULT '' NOT NULL,
	"follow_up" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_agenda_duration" CHECK ("meeting_agenda_item"."duration_minutes" >= 0)
);
--> statement-breakpoint
CREATE TABLE "meeting_decision" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"agenda_item_id" uuid,
	"text" text NOT NULL,
	"created_by_person_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_guest" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_invitation" (
	"meeting_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"partnership_id" uuid NOT NULL,
	"rsvp" text,
	"attendance" text,
	"invited_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answered_at" timestamp with time zone,
	CONSTRAINT "meeting_invitation_meeting_id_person_id_pk" PRIMARY KEY("meeting_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "agenda_item_responsibility" (
	"agenda_item_id" uuid NOT NULL,
	"responsibility_id" uuid NOT NULL,
	"partnership_id" uuid NOT NULL,
	CONSTRAINT "agenda_item_responsibility_agenda_item_id_responsibility_id_pk" PRIMARY KEY("agenda_item_id","responsibility_id")
);
--> statement-breakpoint
CREATE TABLE "responsibility" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"scope_organization_id" uuid,
	"meeting_id" uuid,
	"agenda_item_id" uuid,
	"objective_id" uuid,
	"what" text NOT NULL,
	"owner_person_id" uuid,
	"owner_organization_id" uuid,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'todo' NOT NULL,
	"dropped_reason" text DEFAULT '' NOT NULL,
	"created_by_person_id" uuid,
	"completed_at" timestamp with time zone,
	"due_soon_reminded_for" date,
	"overdue_reminded_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "responsibility_one_owner" CHECK (("responsibility"."owner_person_id" is null) <> ("responsibility"."owner_organization_id" is null)),
	CONSTRAINT "responsibility_dropped_reason" CHECK ("responsibility"."status" <> 'dropped' or length("responsibility"."dropped_reason") > 0)
);
--> statement-breakpoint
CREATE TABLE "responsibility_comment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"responsibility_id" uuid NOT NULL,
	"author_person_id" uuid,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "guide_section" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "guide_section" ADD COLUMN "archived_by" uuid;--> statement-breakpoint
ALTER TABLE "pair_proposal" ADD COLUMN "progress" jsonb DEFAULT '{"phase":"queued","elapsedMs":0,"gap":null,"incumbent":null,"bound":null}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "pair_proposal" ADD COLUMN "started_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "pair_proposal" ADD COLUMN "finished_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "training_registration" ADD COLUMN "organization_id" uuid;--> statement-breakpoint
ALTER TABLE "training_registration" ADD COLUMN "nominated_by" uuid;--> statement-breakpoint
ALTER TABLE "training_registration" ADD COLUMN "wait_reason" text;--> statement-breakpoint
ALTER TABLE "training_registration" ADD COLUMN "completed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "training_registration" ADD COLUMN "completion_marked_by" uuid;--> statement-breakpoint
ALTER TABLE "training_registration" ADD COLUMN "reminder_sent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "training_session" ADD COLUMN "registration_closes_days" integer;--> statement-breakpoint
ALTER TABLE "training_session" ADD COLUMN "calendar_sequence" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_registration_id_training_registration_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."training_registration"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_recorded_by_person_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plan" ADD CONSTRAINT "action_plan_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plan_action" ADD CONSTRAINT "action_plan_action_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plan_action" ADD CONSTRAINT "action_plan_action_plan_id_action_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."action_plan"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plan_action" ADD CONSTRAINT "action_plan_action_objective_id_action_plan_objective_id_fk" FOREIGN KEY ("objective_id") REFERENCES "public"."action_plan_objective"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plan_action_organization" ADD CONSTRAINT "action_plan_action_organization_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plan_action_organization" ADD CONSTRAINT "action_plan_action_organization_action_id_action_plan_action_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."action_plan_action"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plan_action_organization" ADD CONSTRAINT "action_plan_action_organization_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plan_indicator" ADD CONSTRAINT "action_plan_indicator_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plan_indicator" ADD CONSTRAINT "action_plan_indicator_plan_id_action_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."action_plan"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plan_indicator" ADD CONSTRAINT "action_plan_indicator_objective_id_action_plan_objective_id_fk" FOREIGN KEY ("objective_id") REFERENCES "public"."action_plan_objective"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plan_objective" ADD CONSTRAINT "action_plan_objective_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plan_objective" ADD CONSTRAINT "action_plan_objective_plan_id_action_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."action_plan"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment_text_version" ADD CONSTRAINT "commitment_text_version_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_commitment" ADD CONSTRAINT "partner_commitment_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_commitment" ADD CONSTRAINT "partner_commitment_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_commitment" ADD CONSTRAINT "partner_commitment_text_version_id_commitment_text_version_id_fk" FOREIGN KEY ("text_version_id") REFERENCES "public"."commitment_text_version"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_contribution" ADD CONSTRAINT "partner_contribution_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_contribution" ADD CONSTRAINT "partner_contribution_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_delegate_term" ADD CONSTRAINT "partner_delegate_term_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_delegate_term" ADD CONSTRAINT "partner_delegate_term_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_delegate_term" ADD CONSTRAINT "partner_delegate_term_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_certificate" ADD CONSTRAINT "training_certificate_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_certificate" ADD CONSTRAINT "training_certificate_registration_id_training_registration_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."training_registration"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_certificate" ADD CONSTRAINT "training_certificate_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_evaluation_marker" ADD CONSTRAINT "training_evaluation_marker_registration_id_training_registration_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."training_registration"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_evaluation_marker" ADD CONSTRAINT "training_evaluation_marker_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_evaluation_response" ADD CONSTRAINT "training_evaluation_response_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_evaluation_response" ADD CONSTRAINT "training_evaluation_response_session_id_training_session_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."training_session"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_evaluation_response" ADD CONSTRAINT "training_evaluation_response_program_id_training_program_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."training_program"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_evaluation_response" ADD CONSTRAINT "training_evaluation_response_questionnaire_id_training_questionnaire_id_fk" FOREIGN KEY ("questionnaire_id") REFERENCES "public"."training_questionnaire"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_observation" ADD CONSTRAINT "training_observation_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_observation" ADD CONSTRAINT "training_observation_session_id_training_session_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."training_session"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_observation" ADD CONSTRAINT "training_observation_questionnaire_id_training_questionnaire_id_fk" FOREIGN KEY ("questionnaire_id") REFERENCES "public"."training_questionnaire"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_observation" ADD CONSTRAINT "training_observation_observer_person_id_person_id_fk" FOREIGN KEY ("observer_person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_questionnaire" ADD CONSTRAINT "training_questionnaire_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_questionnaire" ADD CONSTRAINT "training_questionnaire_created_by_person_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_session_exercise" ADD CONSTRAINT "training_session_exercise_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_session_exercise" ADD CONSTRAINT "training_session_exercise_session_id_training_session_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."training_session"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant" ADD CONSTRAINT "grant_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_alert_sent" ADD CONSTRAINT "grant_alert_sent_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_alert_sent" ADD CONSTRAINT "grant_alert_sent_grant_id_grant_id_fk" FOREIGN KEY ("grant_id") REFERENCES "public"."grant"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_report_date" ADD CONSTRAINT "grant_report_date_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_report_date" ADD CONSTRAINT "grant_report_date_grant_id_grant_id_fk" FOREIGN KEY ("grant_id") REFERENCES "public"."grant"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_spending" ADD CONSTRAINT "grant_spending_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_spending" ADD CONSTRAINT "grant_spending_grant_id_grant_id_fk" FOREIGN KEY ("grant_id") REFERENCES "public"."grant"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_spending" ADD CONSTRAINT "grant_spending_action_id_action_plan_action_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."action_plan_action"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_handover" ADD CONSTRAINT "coordination_handover_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_handover" ADD CONSTRAINT "coordination_handover_outgoing_person_id_person_id_fk" FOREIGN KEY ("outgoing_person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_handover" ADD CONSTRAINT "coordination_handover_successor_person_id_person_id_fk" FOREIGN KEY ("successor_person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "announcement" ADD CONSTRAINT "announcement_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "announcement" ADD CONSTRAINT "announcement_author_person_id_person_id_fk" FOREIGN KEY ("author_person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "announcement" ADD CONSTRAINT "announcement_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "announcement_recipient" ADD CONSTRAINT "announcement_recipient_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "announcement_recipient" ADD CONSTRAINT "announcement_recipient_announcement_id_announcement_id_fk" FOREIGN KEY ("announcement_id") REFERENCES "public"."announcement"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "announcement_recipient" ADD CONSTRAINT "announcement_recipient_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting" ADD CONSTRAINT "meeting_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting" ADD CONSTRAINT "meeting_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting" ADD CONSTRAINT "meeting_created_by_person_id_person_id_fk" FOREIGN KEY ("created_by_person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_agenda_item" ADD CONSTRAINT "meeting_agenda_item_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_agenda_item" ADD CONSTRAINT "meeting_agenda_item_meeting_id_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meeting"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_decision" ADD CONSTRAINT "meeting_decision_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_decision" ADD CONSTRAINT "meeting_decision_meeting_id_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meeting"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_decision" ADD CONSTRAINT "meeting_decision_agenda_item_id_meeting_agenda_item_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."meeting_agenda_item"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_decision" ADD CONSTRAINT "meeting_decision_created_by_person_id_person_id_fk" FOREIGN KEY ("created_by_person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_guest" ADD CONSTRAINT "meeting_guest_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_guest" ADD CONSTRAINT "meeting_guest_meeting_id_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meeting"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_invitation" ADD CONSTRAINT "meeting_invitation_meeting_id_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meeting"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_invitation" ADD CONSTRAINT "meeting_invitation_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_invitation" ADD CONSTRAINT "meeting_invitation_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_item_responsibility" ADD CONSTRAINT "agenda_item_responsibility_agenda_item_id_meeting_agenda_item_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."meeting_agenda_item"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_item_responsibility" ADD CONSTRAINT "agenda_item_responsibility_responsibility_id_responsibility_id_fk" FOREIGN KEY ("responsibility_id") REFERENCES "public"."responsibility"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_item_responsibility" ADD CONSTRAINT "agenda_item_responsibility_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responsibility" ADD CONSTRAINT "responsibility_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responsibility" ADD CONSTRAINT "responsibility_scope_organization_id_organization_id_fk" FOREIGN KEY ("scope_organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responsibility" ADD CONSTRAINT "responsibility_meeting_id_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meeting"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responsibility" ADD CONSTRAINT "responsibility_agenda_item_id_meeting_agenda_item_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."meeting_agenda_item"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responsibility" ADD CONSTRAINT "responsibility_objective_id_action_plan_objective_id_fk" FOREIGN KEY ("objective_id") REFERENCES "public"."action_plan_objective"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responsibility" ADD CONSTRAINT "responsibility_owner_person_id_person_id_fk" FOREIGN KEY ("owner_person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responsibility" ADD CONSTRAINT "responsibility_owner_organization_id_organization_id_fk" FOREIGN KEY ("owner_organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responsibility" ADD CONSTRAINT "responsibility_created_by_person_id_person_id_fk" FOREIGN KEY ("created_by_person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responsibility_comment" ADD CONSTRAINT "responsibility_comment_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responsibility_comment" ADD CONSTRAINT "responsibility_comment_responsibility_id_responsibility_id_fk" FOREIGN KEY ("responsibility_id") REFERENCES "public"."responsibility"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responsibility_comment" ADD CONSTRAINT "responsibility_comment_author_person_id_person_id_fk" FOREIGN KEY ("author_person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "action_plan_year_idx" ON "action_plan" USING btree ("partnership_id","year");--> statement-breakpoint
CREATE INDEX "action_plan_action_plan_idx" ON "action_plan_action" USING btree ("partnership_id","plan_id","objective_id");--> statement-breakpoint
CREATE INDEX "action_plan_action_org_idx" ON "action_plan_action_organization" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "action_plan_indicator_plan_idx" ON "action_plan_indicator" USING btree ("partnership_id","plan_id","objective_id");--> statement-breakpoint
CREATE INDEX "action_plan_objective_plan_idx" ON "action_plan_objective" USING btree ("partnership_id","plan_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "commitment_text_version_number_uq" ON "commitment_text_version" USING btree ("partnership_id","number");--> statement-breakpoint
CREATE INDEX "partner_commitment_org_idx" ON "partner_commitment" USING btree ("partnership_id","organization_id","ends_on");--> statement-breakpoint
CREATE UNIQUE INDEX "partner_contribution_cell_uq" ON "partner_contribution" USING btree ("organization_id","domain");--> statement-breakpoint
CREATE INDEX "partner_contribution_partnership_idx" ON "partner_contribution" USING btree ("partnership_id");--> statement-breakpoint
CREATE INDEX "partner_delegate_term_org_idx" ON "partner_delegate_term" USING btree ("partnership_id","organization_id","since");--> statement-breakpoint
CREATE UNIQUE INDEX "training_certificate_code_idx" ON "training_certificate" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "training_certificate_registration_idx" ON "training_certificate" USING btree ("registration_id");--> statement-breakpoint
CREATE INDEX "training_evaluation_response_session_idx" ON "training_evaluation_response" USING btree ("partnership_id","session_id");--> statement-breakpoint
CREATE INDEX "training_evaluation_response_program_idx" ON "training_evaluation_response" USING btree ("partnership_id","program_id");--> statement-breakpoint
CREATE UNIQUE INDEX "training_observation_session_idx" ON "training_observation" USING btree ("session_id");--> statement-breakpoint
CREATE UNIQUE INDEX "training_questionnaire_version_idx" ON "training_questionnaire" USING btree ("partnership_id","kind","version");--> statement-breakpoint
CREATE INDEX "grant_partnership_idx" ON "grant" USING btree ("partnership_id","ends_on");--> statement-breakpoint
CREATE UNIQUE INDEX "grant_alert_sent_key_idx" ON "grant_alert_sent" USING btree ("grant_id","alert_key");--> statement-breakpoint
CREATE INDEX "grant_report_date_grant_idx" ON "grant_report_date" USING btree ("partnership_id","grant_id","due_on");--> statement-breakpoint
CREATE INDEX "grant_spending_grant_idx" ON "grant_spending" USING btree ("partnership_id","grant_id");--> statement-breakpoint
CREATE INDEX "coordination_handover_partnership_idx" ON "coordination_handover" USING btree ("partnership_id","started_at");--> statement-breakpoint
CREATE INDEX "announcement_partnership_idx" ON "announcement" USING btree ("partnership_id","created_at");--> statement-breakpoint
CREATE INDEX "announcement_recipient_person_idx" ON "announcement_recipient" USING btree ("person_id","read_at");--> statement-breakpoint
CREATE INDEX "meeting_partnership_idx" ON "meeting" USING btree ("partnership_id","starts_at");--> statement-breakpoint
CREATE INDEX "meeting_kind_idx" ON "meeting" USING btree ("partnership_id","kind","starts_at");--> statement-breakpoint
CREATE INDEX "meeting_agenda_item_meeting_idx" ON "meeting_agenda_item" USING btree ("meeting_id","position");--> statement-breakpoint
CREATE INDEX "meeting_decision_partnership_idx" ON "meeting_decision" USING btree ("partnership_id","created_at");--> statement-breakpoint
CREATE INDEX "meeting_guest_meeting_idx" ON "meeting_guest" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "meeting_invitation_person_idx" ON "meeting_invitation" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "agenda_item_responsibility_resp_idx" ON "agenda_item_responsibility" USING btree ("responsibility_id");--> statement-breakpoint
CREATE INDEX "responsibility_partnership_idx" ON "responsibility" USING btree ("partnership_id","status","due_on");--> statement-breakpoint
CREATE INDEX "responsibility_meeting_idx" ON "responsibility" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "responsibility_owner_person_idx" ON "responsibility" USING btree ("owner_person_id");--> statement-breakpoint
CREATE INDEX "responsibility_comment_idx" ON "responsibility_comment" USING btree ("responsibility_id","created_at");--> statement-breakpoint
ALTER TABLE "training_registration" ADD CONSTRAINT "training_registration_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_registration" ADD CONSTRAINT "training_registration_nominated_by_person_id_fk" FOREIGN KEY ("nominated_by") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_registration" ADD CONSTRAINT "training_registration_completion_marked_by_person_id_fk" FOREIGN KEY ("completion_marked_by") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;