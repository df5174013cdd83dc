CREATE TABLE "designation_correction" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"designation_id" uuid NOT NULL,
	"requested_by" uuid NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"message" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"handled_by" uuid,
	"handled_at" timestamp with time zone,
	"handler_note" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "designation_correction" ADD CONSTRAINT "designation_correction_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "designation_correction" ADD CONSTRAINT "designation_correction_designation_id_pivot_designation_id_fk" FOREIGN KEY ("designation_id") REFERENCES "public"."pivot_designation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "designation_correction" ADD CONSTRAINT "designation_correction_requested_by_person_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "designation_correction" ADD CONSTRAINT "designation_correction_handled_by_person_id_fk" FOREIGN KEY ("handled_by") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "designation_correction_open_idx" ON "designation_correction" USING btree ("partnership_id","status");--> statement-breakpoint
CREATE INDEX "designation_correction_designation_idx" ON "designation_correction" USING btree ("designation_id");