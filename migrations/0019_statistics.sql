CREATE TABLE "statistics_category" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name_fr" text NOT NULL,
	"name_en" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "statistics_category_option" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"category_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name_fr" text NOT NULL,
	"name_en" text NOT NULL,
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "statistics_data_element" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"data_set_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name_fr" text NOT NULL,
	"name_en" text NOT NULL,
	"category_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"indicator_code" text,
	"position" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "statistics_data_set" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"name_fr" text NOT NULL,
	"name_en" text NOT NULL,
	"period_type" text DEFAULT 'quarter' NOT NULL,
	"organization_types" text[] NOT NULL,
	"entry_window_days" integer NOT NULL,
	"timeliness_days" integer NOT NULL,
	"first_period" text NOT NULL,
	"last_period" text,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "statistics_data_set_days" CHECK ("statistics_data_set"."entry_window_days" between 1 and 366 and "statistics_data_set"."timeliness_days" between 1 and "statistics_data_set"."entry_window_days")
);
--> statement-breakpoint
CREATE TABLE "statistics_reminder_sent" (
	"partnership_id" uuid NOT NULL,
	"data_set_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"period_key" text NOT NULL,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "statistics_reminder_sent_data_set_id_organization_id_period_key_kind_pk" PRIMARY KEY("data_set_id","organization_id","period_key","kind")
);
--> statement-breakpoint
CREATE TABLE "statistics_submission" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"data_set_id" uuid NOT NULL,
	"period_key" text NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"first_submitted_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"decided_by_person_id" uuid,
	"comment" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "statistics_submission_event" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"submission_id" uuid NOT NULL,
	"person_id" uuid,
	"kind" text NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "statistics_value" (
	"partnership_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"submission_id" uuid NOT NULL,
	"data_element_id" uuid NOT NULL,
	"combo_key" text NOT NULL,
	"value" integer NOT NULL,
	CONSTRAINT "statistics_value_submission_id_data_element_id_combo_key_pk" PRIMARY KEY("submission_id","data_element_id","combo_key"),
	CONSTRAINT "statistics_value_count" CHECK ("statistics_value"."value" >= 0)
);
--> statement-breakpoint
ALTER TABLE "statistics_category" ADD CONSTRAINT "statistics_category_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statistics_category_option" ADD CONSTRAINT "statistics_category_option_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statistics_category_option" ADD CONSTRAINT "statistics_category_option_category_id_statistics_category_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."statistics_category"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statistics_data_element" ADD CONSTRAINT "statistics_data_element_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statistics_data_element" ADD CONSTRAINT "statistics_data_element_data_set_id_statistics_data_set_id_fk" FOREIGN KEY ("data_set_id") REFERENCES "public"."statistics_data_set"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statistics_data_set" ADD CONSTRAINT "statistics_data_set_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statistics_reminder_sent" ADD CONSTRAINT "statistics_reminder_sent_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statistics_reminder_sent" ADD CONSTRAINT "statistics_reminder_sent_data_set_id_statistics_data_set_id_fk" FOREIGN KEY ("data_set_id") REFERENCES "public"."statistics_data_set"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statistics_reminder_sent" ADD CONSTRAINT "statistics_reminder_sent_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statistics_submission" ADD CONSTRAINT "statistics_submission_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statistics_submission" ADD CONSTRAINT "statistics_submission_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statistics_submission" ADD CONSTRAINT "statistics_submission_data_set_id_statistics_data_set_id_fk" FOREIGN KEY ("data_set_id") REFERENCES "public"."statistics_data_set"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statistics_submission" ADD CONSTRAINT "statistics_submission_decided_by_person_id_person_id_fk" FOREIGN KEY ("decided_by_person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statistics_submission_event" ADD CONSTRAINT "statistics_submission_event_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statistics_submission_event" ADD CONSTRAINT "statistics_submission_event_submission_id_statistics_submission_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."statistics_submission"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statistics_submission_event" ADD CONSTRAINT "statistics_submission_event_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statistics_value" ADD CONSTRAINT "statistics_value_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statistics_value" ADD CONSTRAINT "statistics_value_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statistics_value" ADD CONSTRAINT "statistics_value_submission_id_statistics_submission_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."statistics_submission"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statistics_value" ADD CONSTRAINT "statistics_value_data_element_id_statistics_data_element_id_fk" FOREIGN KEY ("data_element_id") REFERENCES "public"."statistics_data_element"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "statistics_category_code_idx" ON "statistics_category" USING btree ("partnership_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "statistics_category_option_code_idx" ON "statistics_category_option" USING btree ("category_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "statistics_data_element_code_idx" ON "statistics_data_element" USING btree ("data_set_id","code");--> statement-breakpoint
CREATE INDEX "statistics_data_element_indicator_idx" ON "statistics_data_element" USING btree ("partnership_id","indicator_code");--> statement-breakpoint
CREATE INDEX "statistics_data_set_partnership_idx" ON "statistics_data_set" USING btree ("partnership_id");--> statement-breakpoint
CREATE UNIQUE INDEX "statistics_submission_period_idx" ON "statistics_submission" USING btree ("data_set_id","organization_id","period_key");--> statement-breakpoint
CREATE INDEX "statistics_submission_partnership_idx" ON "statistics_submission" USING btree ("partnership_id","status");--> statement-breakpoint
CREATE INDEX "statistics_submission_event_idx" ON "statistics_submission_event" USING btree ("submission_id","created_at");