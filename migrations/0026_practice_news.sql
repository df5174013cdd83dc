CREATE TABLE "news_item" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"author_person_id" uuid NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"guide_section_id" uuid,
	"guide_version_id" uuid,
	"forum_thread_id" uuid,
	"archived_at" timestamp with time zone,
	"archived_by_person_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "news_item" ADD CONSTRAINT "news_item_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "news_item" ADD CONSTRAINT "news_item_author_person_id_person_id_fk" FOREIGN KEY ("author_person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "news_item" ADD CONSTRAINT "news_item_guide_section_id_guide_section_id_fk" FOREIGN KEY ("guide_section_id") REFERENCES "public"."guide_section"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "news_item" ADD CONSTRAINT "news_item_guide_version_id_guide_section_version_id_fk" FOREIGN KEY ("guide_version_id") REFERENCES "public"."guide_section_version"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "news_item" ADD CONSTRAINT "news_item_archived_by_person_id_person_id_fk" FOREIGN KEY ("archived_by_person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "news_item_feed_idx" ON "news_item" USING btree ("partnership_id","published_at");--> statement-breakpoint
CREATE UNIQUE INDEX "news_item_guide_version_uq" ON "news_item" USING btree ("guide_version_id") WHERE "news_item"."guide_version_id" is not null;