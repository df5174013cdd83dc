CREATE TABLE "privacy_assessment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"feature" text NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"started_on" date NOT NULL,
	"completed_on" date,
	"review_on" date,
	"decision" text DEFAULT 'pending' NOT NULL,
	"decision_reason" text DEFAULT '' NOT NULL,
	"created_by_person_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "privacy_correction_request" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"request" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"answer" text DEFAULT '' NOT NULL,
	"answered_by_person_id" uuid,
	"answered_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "privacy_incident" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"organization_id" uuid,
	"title" text NOT NULL,
	"personal_information" text DEFAULT '' NOT NULL,
	"not_described_reason" text DEFAULT '' NOT NULL,
	"circumstances" text NOT NULL,
	"occurred_on" date NOT NULL,
	"occurred_until" date,
	"known_on" date NOT NULL,
	"known_until" date,
	"people_count" integer,
	"people_count_approximate" boolean DEFAULT false NOT NULL,
	"sensitivity" text DEFAULT '' NOT NULL,
	"possible_misuses" text DEFAULT '' NOT NULL,
	"consequences" text DEFAULT '' NOT NULL,
	"likelihood" text,
	"severity" text,
	"risk_reasoning" text DEFAULT '' NOT NULL,
	"commission_notice_on" date,
	"people_notice_on" date,
	"public_notice" boolean DEFAULT false NOT NULL,
	"public_notice_reason" text DEFAULT '' NOT NULL,
	"minister_notice_on" date,
	"measures_taken" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'reported' NOT NULL,
	"source_type" text DEFAULT 'other' NOT NULL,
	"source_id" uuid,
	"reported_by_person_id" uuid,
	"assessed_at" timestamp with time zone,
	"notified_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "privacy_incident_described" CHECK (length("privacy_incident"."personal_information") > 0 or length("privacy_incident"."not_described_reason") > 0),
	CONSTRAINT "privacy_incident_closed_at" CHECK ("privacy_incident"."status" <> 'closed' or "privacy_incident"."closed_at" is not null)
);
--> statement-breakpoint
CREATE TABLE "privacy_incident_measure" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"incident_id" uuid NOT NULL,
	"responsibility_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "privacy_assessment" ADD CONSTRAINT "privacy_assessment_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_assessment" ADD CONSTRAINT "privacy_assessment_created_by_person_id_person_id_fk" FOREIGN KEY ("created_by_person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_correction_request" ADD CONSTRAINT "privacy_correction_request_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_correction_request" ADD CONSTRAINT "privacy_correction_request_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_correction_request" ADD CONSTRAINT "privacy_correction_request_answered_by_person_id_person_id_fk" FOREIGN KEY ("answered_by_person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_incident" ADD CONSTRAINT "privacy_incident_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_incident" ADD CONSTRAINT "privacy_incident_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_incident" ADD CONSTRAINT "privacy_incident_reported_by_person_id_person_id_fk" FOREIGN KEY ("reported_by_person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_incident_measure" ADD CONSTRAINT "privacy_incident_measure_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_incident_measure" ADD CONSTRAINT "privacy_incident_measure_incident_id_privacy_incident_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."privacy_incident"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_incident_measure" ADD CONSTRAINT "privacy_incident_measure_responsibility_id_responsibility_id_fk" FOREIGN KEY ("responsibility_id") REFERENCES "public"."responsibility"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "privacy_assessment_partnership_idx" ON "privacy_assessment" USING btree ("partnership_id","feature");--> statement-breakpoint
CREATE INDEX "privacy_correction_request_partnership_idx" ON "privacy_correction_request" USING btree ("partnership_id","status");--> statement-breakpoint
CREATE INDEX "privacy_incident_partnership_idx" ON "privacy_incident" USING btree ("partnership_id","organization_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "privacy_incident_measure_uq" ON "privacy_incident_measure" USING btree ("incident_id","responsibility_id");