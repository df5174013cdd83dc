CREATE TABLE "evaluation_finding" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"report_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_key_action" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"recommendation_id" uuid NOT NULL,
	"action_id" uuid,
	"responsibility_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evaluation_key_action_one_target" CHECK (("evaluation_key_action"."action_id" is null) <> ("evaluation_key_action"."responsibility_id" is null))
);
--> statement-breakpoint
CREATE TABLE "evaluation_recommendation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"report_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"text" text NOT NULL,
	"addressee" text NOT NULL,
	"priority" text NOT NULL,
	"response" text,
	"response_rationale" text DEFAULT '' NOT NULL,
	"decision_id" uuid,
	"responded_by_person_id" uuid,
	"responded_at" timestamp with time zone,
	"verification" text,
	"verification_evidence" text DEFAULT '' NOT NULL,
	"verified_by_person_id" uuid,
	"verified_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evaluation_recommendation_rationale" CHECK ("evaluation_recommendation"."response" is null or length("evaluation_recommendation"."response_rationale") > 0),
	CONSTRAINT "evaluation_recommendation_evidence" CHECK ("evaluation_recommendation"."verification" is null or length("evaluation_recommendation"."verification_evidence") > 0)
);
--> statement-breakpoint
CREATE TABLE "evaluation_recommendation_event" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"recommendation_id" uuid NOT NULL,
	"person_id" uuid,
	"kind" text NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_reminder_sent" (
	"partnership_id" uuid NOT NULL,
	"recommendation_id" uuid NOT NULL,
	"threshold" text NOT NULL,
	"item_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evaluation_reminder_sent_recommendation_id_threshold_item_key_pk" PRIMARY KEY("recommendation_id","threshold","item_key")
);
--> statement-breakpoint
CREATE TABLE "evaluation_report" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"title" text NOT NULL,
	"evaluator_name" text NOT NULL,
	"institution" text DEFAULT '' NOT NULL,
	"report_on" date NOT NULL,
	"kind" text NOT NULL,
	"response_due_on" date NOT NULL,
	"created_by_person_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "evaluation_finding" ADD CONSTRAINT "evaluation_finding_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_finding" ADD CONSTRAINT "evaluation_finding_report_id_evaluation_report_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."evaluation_report"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_key_action" ADD CONSTRAINT "evaluation_key_action_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_key_action" ADD CONSTRAINT "evaluation_key_action_recommendation_id_evaluation_recommendation_id_fk" FOREIGN KEY ("recommendation_id") REFERENCES "public"."evaluation_recommendation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_key_action" ADD CONSTRAINT "evaluation_key_action_action_id_action_plan_action_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."action_plan_action"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_key_action" ADD CONSTRAINT "evaluation_key_action_responsibility_id_responsibility_id_fk" FOREIGN KEY ("responsibility_id") REFERENCES "public"."responsibility"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_recommendation" ADD CONSTRAINT "evaluation_recommendation_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_recommendation" ADD CONSTRAINT "evaluation_recommendation_report_id_evaluation_report_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."evaluation_report"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_recommendation" ADD CONSTRAINT "evaluation_recommendation_decision_id_meeting_decision_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."meeting_decision"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_recommendation" ADD CONSTRAINT "evaluation_recommendation_responded_by_person_id_person_id_fk" FOREIGN KEY ("responded_by_person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_recommendation" ADD CONSTRAINT "evaluation_recommendation_verified_by_person_id_person_id_fk" FOREIGN KEY ("verified_by_person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_recommendation_event" ADD CONSTRAINT "evaluation_recommendation_event_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_recommendation_event" ADD CONSTRAINT "evaluation_recommendation_event_recommendation_id_evaluation_recommendation_id_fk" FOREIGN KEY ("recommendation_id") REFERENCES "public"."evaluation_recommendation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_recommendation_event" ADD CONSTRAINT "evaluation_recommendation_event_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_reminder_sent" ADD CONSTRAINT "evaluation_reminder_sent_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_reminder_sent" ADD CONSTRAINT "evaluation_reminder_sent_recommendation_id_evaluation_recommendation_id_fk" FOREIGN KEY ("recommendation_id") REFERENCES "public"."evaluation_recommendation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_report" ADD CONSTRAINT "evaluation_report_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_report" ADD CONSTRAINT "evaluation_report_created_by_person_id_person_id_fk" FOREIGN KEY ("created_by_person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "evaluation_finding_report_idx" ON "evaluation_finding" USING btree ("report_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_key_action_action_idx" ON "evaluation_key_action" USING btree ("recommendation_id","action_id");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_key_action_responsibility_idx" ON "evaluation_key_action" USING btree ("recommendation_id","responsibility_id");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_recommendation_number_idx" ON "evaluation_recommendation" USING btree ("report_id","number");--> statement-breakpoint
CREATE INDEX "evaluation_recommendation_partnership_idx" ON "evaluation_recommendation" USING btree ("partnership_id");--> statement-breakpoint
CREATE INDEX "evaluation_recommendation_event_idx" ON "evaluation_recommendation_event" USING btree ("recommendation_id","created_at");--> statement-breakpoint
CREATE INDEX "evaluation_report_partnership_idx" ON "evaluation_report" USING btree ("partnership_id","report_on");