CREATE TABLE "forum_moderation_event" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"space_id" uuid NOT NULL,
	"thread_id" uuid,
	"post_id" uuid,
	"report_id" uuid,
	"moderator_person_id" uuid NOT NULL,
	"action" text NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "forum_notification" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"space_id" uuid NOT NULL,
	"thread_id" uuid NOT NULL,
	"post_id" uuid,
	"actor_person_id" uuid,
	"immediate" boolean DEFAULT false NOT NULL,
	"read_at" timestamp with time zone,
	"emailed_at" timestamp with time zone,
	"digested_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "forum_post" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"space_id" uuid NOT NULL,
	"thread_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"author_person_id" uuid NOT NULL,
	"body" text NOT NULL,
	"quote_post_id" uuid,
	"quote_excerpt" text,
	"hidden_at" timestamp with time zone,
	"hidden_reason" text,
	"hidden_by_person_id" uuid,
	"edited_at" timestamp with time zone,
	"search_text" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "forum_post_revision" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"post_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "forum_preference" (
	"person_id" uuid PRIMARY KEY NOT NULL,
	"partnership_id" uuid NOT NULL,
	"digest" text DEFAULT 'daily' NOT NULL,
	"last_digest_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "forum_report" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"space_id" uuid NOT NULL,
	"post_id" uuid NOT NULL,
	"reporter_person_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"resolved_by_person_id" uuid,
	"resolved_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "forum_space" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"milieu" text,
	"organization_id" uuid,
	"name" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"posting" text DEFAULT 'members' NOT NULL,
	"created_by_person_id" uuid,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "forum_space_member" (
	"space_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"partnership_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "forum_space_member_space_id_person_id_pk" PRIMARY KEY("space_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "forum_subscription" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"space_id" uuid,
	"thread_id" uuid,
	"level" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "forum_thread" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"space_id" uuid NOT NULL,
	"title" text NOT NULL,
	"author_person_id" uuid NOT NULL,
	"pinned_at" timestamp with time zone,
	"post_count" integer DEFAULT 0 NOT NULL,
	"last_post_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "forum_thread_read" (
	"thread_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"partnership_id" uuid NOT NULL,
	"last_read_position" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "forum_thread_read_thread_id_person_id_pk" PRIMARY KEY("thread_id","person_id")
);
--> statement-breakpoint
ALTER TABLE "forum_moderation_event" ADD CONSTRAINT "forum_moderation_event_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_moderation_event" ADD CONSTRAINT "forum_moderation_event_space_id_forum_space_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."forum_space"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_moderation_event" ADD CONSTRAINT "forum_moderation_event_thread_id_forum_thread_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."forum_thread"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_moderation_event" ADD CONSTRAINT "forum_moderation_event_post_id_forum_post_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."forum_post"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_moderation_event" ADD CONSTRAINT "forum_moderation_event_report_id_forum_report_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."forum_report"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_moderation_event" ADD CONSTRAINT "forum_moderation_event_moderator_person_id_person_id_fk" FOREIGN KEY ("moderator_person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_notification" ADD CONSTRAINT "forum_notification_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_notification" ADD CONSTRAINT "forum_notification_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_notification" ADD CONSTRAINT "forum_notification_space_id_forum_space_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."forum_space"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_notification" ADD CONSTRAINT "forum_notification_thread_id_forum_thread_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."forum_thread"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_notification" ADD CONSTRAINT "forum_notification_post_id_forum_post_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."forum_post"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_notification" ADD CONSTRAINT "forum_notification_actor_person_id_person_id_fk" FOREIGN KEY ("actor_person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_post" ADD CONSTRAINT "forum_post_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_post" ADD CONSTRAINT "forum_post_space_id_forum_space_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."forum_space"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_post" ADD CONSTRAINT "forum_post_thread_id_forum_thread_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."forum_thread"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_post" ADD CONSTRAINT "forum_post_author_person_id_person_id_fk" FOREIGN KEY ("author_person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_post_revision" ADD CONSTRAINT "forum_post_revision_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_post_revision" ADD CONSTRAINT "forum_post_revision_post_id_forum_post_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."forum_post"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_preference" ADD CONSTRAINT "forum_preference_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_preference" ADD CONSTRAINT "forum_preference_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_report" ADD CONSTRAINT "forum_report_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_report" ADD CONSTRAINT "forum_report_space_id_forum_space_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."forum_space"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_report" ADD CONSTRAINT "forum_report_post_id_forum_post_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."forum_post"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_report" ADD CONSTRAINT "forum_report_reporter_person_id_person_id_fk" FOREIGN KEY ("reporter_person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_space" ADD CONSTRAINT "forum_space_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_space" ADD CONSTRAINT "forum_space_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_space" ADD CONSTRAINT "forum_space_created_by_person_id_person_id_fk" FOREIGN KEY ("created_by_person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_space_member" ADD CONSTRAINT "forum_space_member_space_id_forum_space_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."forum_space"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_space_member" ADD CONSTRAINT "forum_space_member_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_space_member" ADD CONSTRAINT "forum_space_member_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_subscription" ADD CONSTRAINT "forum_subscription_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_subscription" ADD CONSTRAINT "forum_subscription_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_subscription" ADD CONSTRAINT "forum_subscription_space_id_forum_space_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."forum_space"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_subscription" ADD CONSTRAINT "forum_subscription_thread_id_forum_thread_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."forum_thread"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_thread" ADD CONSTRAINT "forum_thread_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_thread" ADD CONSTRAINT "forum_thread_space_id_forum_space_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."forum_space"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_thread" ADD CONSTRAINT "forum_thread_author_person_id_person_id_fk" FOREIGN KEY ("author_person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_thread_read" ADD CONSTRAINT "forum_thread_read_thread_id_forum_thread_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."forum_thread"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_thread_read" ADD CONSTRAINT "forum_thread_read_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_thread_read" ADD CONSTRAINT "forum_thread_read_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "forum_moderation_event_idx" ON "forum_moderation_event" USING btree ("partnership_id","created_at");--> statement-breakpoint
CREATE INDEX "forum_notification_unread_idx" ON "forum_notification" USING btree ("person_id","partnership_id") WHERE "forum_notification"."read_at" is null;--> statement-breakpoint
CREATE INDEX "forum_notification_digest_idx" ON "forum_notification" USING btree ("partnership_id","person_id") WHERE "forum_notification"."digested_at" is null and "forum_notification"."immediate" = false;--> statement-breakpoint
CREATE UNIQUE INDEX "forum_post_position_uq" ON "forum_post" USING btree ("thread_id","position");--> statement-breakpoint
CREATE INDEX "forum_post_space_idx" ON "forum_post" USING btree ("partnership_id","space_id");--> statement-breakpoint
CREATE INDEX "forum_post_revision_post_idx" ON "forum_post_revision" USING btree ("post_id","version");--> statement-breakpoint
CREATE INDEX "forum_report_queue_idx" ON "forum_report" USING btree ("partnership_id","status","space_id");--> statement-breakpoint
CREATE INDEX "forum_report_post_idx" ON "forum_report" USING btree ("post_id");--> statement-breakpoint
CREATE INDEX "forum_space_partnership_idx" ON "forum_space" USING btree ("partnership_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "forum_space_standard_uq" ON "forum_space" USING btree ("partnership_id","kind",coalesce("milieu", ''),coalesce("organization_id"::text, '')) WHERE "forum_space"."kind" <> 'group';--> statement-breakpoint
CREATE INDEX "forum_space_member_person_idx" ON "forum_space_member" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "forum_subscription_uq" ON "forum_subscription" USING btree ("person_id",coalesce("space_id", "thread_id"));--> statement-breakpoint
CREATE INDEX "forum_subscription_space_idx" ON "forum_subscription" USING btree ("space_id");--> statement-breakpoint
CREATE INDEX "forum_subscription_thread_idx" ON "forum_subscription" USING btree ("thread_id");--> statement-breakpoint
CREATE INDEX "forum_thread_space_idx" ON "forum_thread" USING btree ("partnership_id","space_id","last_post_at");