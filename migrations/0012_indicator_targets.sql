CREATE TABLE "indicator_target" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"indicator_code" text NOT NULL,
	"period_key" text NOT NULL,
	"scope_kind" text DEFAULT 'table' NOT NULL,
	"scope_key" text DEFAULT '' NOT NULL,
	"target" numeric(12, 2) NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"set_by_person_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicator_target_non_negative" CHECK ("indicator_target"."target" >= 0)
);
--> statement-breakpoint
ALTER TABLE "action_plan_indicator" ADD COLUMN "indicator_code" text;--> statement-breakpoint
ALTER TABLE "indicator_target" ADD CONSTRAINT "indicator_target_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_target" ADD CONSTRAINT "indicator_target_set_by_person_id_person_id_fk" FOREIGN KEY ("set_by_person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_target_key_idx" ON "indicator_target" USING btree ("partnership_id","indicator_code","period_key","scope_kind","scope_key");