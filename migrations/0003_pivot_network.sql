CREATE TABLE "pivot_designation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"site_id" uuid,
	"person_id" uuid NOT NULL,
	"rank" text DEFAULT 'primary' NOT NULL,
	"since" date NOT NULL,
	"until" date,
	"end_reason" text DEFAULT '' NOT NULL,
	"languages" text[] DEFAULT '{fr}'::text[] NOT NULL,
	"clienteles" text[] DEFAULT '{}'::text[] NOT NULL,
	"expertise" text[] DEFAULT '{}'::text[] NOT NULL,
	"availability" text DEFAULT '' NOT NULL,
	"contact_phone" text DEFAULT '' NOT NULL,
	"contact_email" text DEFAULT '' NOT NULL,
	"contact_notes" text DEFAULT '' NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"confirmed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confirmed_by" uuid,
	"stale_reminder_sent_at" timestamp with time zone,
	"designated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pathway_version" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"content" jsonb NOT NULL,
	"validated_by_table" boolean DEFAULT false NOT NULL,
	"change_note" text DEFAULT '' NOT NULL,
	"restored_from" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_by" uuid,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "consultation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"asker_person_id" uuid NOT NULL,
	"asker_organization_id" uuid,
	"target_person_id" uuid,
	"target_organization_id" uuid NOT NULL,
	"subject" text NOT NULL,
	"context" text NOT NULL,
	"question" text NOT NULL,
	"urgency" text DEFAULT 'normal' NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"taken_by_person_id" uuid,
	"first_response_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultation_message" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consultation_id" uuid NOT NULL,
	"partnership_id" uuid NOT NULL,
	"author_person_id" uuid NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultation_metric" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"target_organization_id" uuid,
	"asker_organization_id" uuid,
	"month" date NOT NULL,
	"urgency" text NOT NULL,
	"response_minutes" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pivot_activity" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"type" text NOT NULL,
	"occurred_on" date NOT NULL,
	"duration_minutes" integer DEFAULT 0 NOT NULL,
	"audience" text DEFAULT '' NOT NULL,
	"audience_size" integer,
	"notes" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "pivot_designation" ADD CONSTRAINT "pivot_designation_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pivot_designation" ADD CONSTRAINT "pivot_designation_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pivot_designation" ADD CONSTRAINT "pivot_designation_site_id_site_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."site"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pivot_designation" ADD CONSTRAINT "pivot_designation_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathway_version" ADD CONSTRAINT "pathway_version_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation" ADD CONSTRAINT "consultation_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation" ADD CONSTRAINT "consultation_asker_person_id_person_id_fk" FOREIGN KEY ("asker_person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation" ADD CONSTRAINT "consultation_asker_organization_id_organization_id_fk" FOREIGN KEY ("asker_organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation" ADD CONSTRAINT "consultation_target_person_id_person_id_fk" FOREIGN KEY ("target_person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation" ADD CONSTRAINT "consultation_target_organization_id_organization_id_fk" FOREIGN KEY ("target_organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_message" ADD CONSTRAINT "consultation_message_consultation_id_consultation_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_message" ADD CONSTRAINT "consultation_message_author_person_id_person_id_fk" FOREIGN KEY ("author_person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pivot_activity" ADD CONSTRAINT "pivot_activity_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pivot_activity" ADD CONSTRAINT "pivot_activity_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pivot_activity" ADD CONSTRAINT "pivot_activity_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pivot_designation_partnership_idx" ON "pivot_designation" USING btree ("partnership_id","until");--> statement-breakpoint
CREATE INDEX "pivot_designation_person_idx" ON "pivot_designation" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "pivot_designation_org_idx" ON "pivot_designation" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "pivot_designation_search_trgm_idx" ON "pivot_designation" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "pathway_version_partnership_idx" ON "pathway_version" USING btree ("partnership_id","number");--> statement-breakpoint
CREATE INDEX "consultation_partnership_idx" ON "consultation" USING btree ("partnership_id","status");--> statement-breakpoint
CREATE INDEX "consultation_target_org_idx" ON "consultation" USING btree ("target_organization_id");--> statement-breakpoint
CREATE INDEX "consultation_asker_idx" ON "consultation" USING btree ("asker_person_id");--> statement-breakpoint
CREATE INDEX "consultation_closed_idx" ON "consultation" USING btree ("closed_at");--> statement-breakpoint
CREATE INDEX "consultation_message_consultation_idx" ON "consultation_message" USING btree ("consultation_id","created_at");--> statement-breakpoint
CREATE INDEX "consultation_metric_partnership_idx" ON "consultation_metric" USING btree ("partnership_id","month");--> statement-breakpoint
CREATE INDEX "pivot_activity_partnership_idx" ON "pivot_activity" USING btree ("partnership_id","occurred_on");--> statement-breakpoint
CREATE INDEX "pivot_activity_org_idx" ON "pivot_activity" USING btree ("organization_id");