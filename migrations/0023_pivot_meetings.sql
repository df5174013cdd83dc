CREATE TABLE "meeting_activity_review" (
	"agenda_item_id" uuid PRIMARY KEY NOT NULL,
	"meeting_id" uuid NOT NULL,
	"partnership_id" uuid NOT NULL,
	"from_day" date,
	"to_day" date NOT NULL,
	"protected_below" integer,
	"rows" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_poll_answer" (
	"slot_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"partnership_id" uuid NOT NULL,
	"answer" text NOT NULL,
	"answered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_poll_answer_slot_id_person_id_pk" PRIMARY KEY("slot_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "meeting_poll_slot" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"chosen" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_poll_slot_times" CHECK ("meeting_poll_slot"."ends_at" > "meeting_poll_slot"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "meeting_registration" (
	"meeting_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"partnership_id" uuid NOT NULL,
	"registered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"withdrawn_at" timestamp with time zone,
	CONSTRAINT "meeting_registration_meeting_id_person_id_pk" PRIMARY KEY("meeting_id","person_id")
);
--> statement-breakpoint
ALTER TABLE "meeting" ADD COLUMN "poll_status" text;--> statement-breakpoint
ALTER TABLE "meeting" ADD COLUMN "forum_thread_id" uuid;--> statement-breakpoint
ALTER TABLE "meeting_activity_review" ADD CONSTRAINT "meeting_activity_review_agenda_item_id_meeting_agenda_item_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."meeting_agenda_item"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_activity_review" ADD CONSTRAINT "meeting_activity_review_meeting_id_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meeting"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_activity_review" ADD CONSTRAINT "meeting_activity_review_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_poll_answer" ADD CONSTRAINT "meeting_poll_answer_slot_id_meeting_poll_slot_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."meeting_poll_slot"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_poll_answer" ADD CONSTRAINT "meeting_poll_answer_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_poll_answer" ADD CONSTRAINT "meeting_poll_answer_meeting_id_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meeting"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_poll_answer" ADD CONSTRAINT "meeting_poll_answer_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_poll_slot" ADD CONSTRAINT "meeting_poll_slot_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_poll_slot" ADD CONSTRAINT "meeting_poll_slot_meeting_id_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meeting"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_registration" ADD CONSTRAINT "meeting_registration_meeting_id_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meeting"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_registration" ADD CONSTRAINT "meeting_registration_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_registration" ADD CONSTRAINT "meeting_registration_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meeting_poll_answer_meeting_idx" ON "meeting_poll_answer" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "meeting_poll_slot_meeting_idx" ON "meeting_poll_slot" USING btree ("meeting_id","position");--> statement-breakpoint
CREATE INDEX "meeting_registration_person_idx" ON "meeting_registration" USING btree ("person_id");