CREATE TABLE "forum_proposal" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"space_id" uuid NOT NULL,
	"thread_id" uuid NOT NULL,
	"author_person_id" uuid NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"anonymous" boolean DEFAULT false NOT NULL,
	"hide_results" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by_person_id" uuid,
	"outcome" text,
	"agree_count" integer DEFAULT 0 NOT NULL,
	"abstain_count" integer DEFAULT 0 NOT NULL,
	"disagree_count" integer DEFAULT 0 NOT NULL,
	"block_count" integer DEFAULT 0 NOT NULL,
	"meeting_id" uuid,
	"meeting_decision_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "forum_proposal_reminder" (
	"proposal_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"partnership_id" uuid NOT NULL,
	"recipients" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "forum_proposal_reminder_proposal_id_stage_pk" PRIMARY KEY("proposal_id","stage")
);
--> statement-breakpoint
CREATE TABLE "forum_proposal_vote" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"proposal_id" uuid NOT NULL,
	"person_id" uuid,
	"choice" text NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "forum_proposal_voter" (
	"proposal_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"partnership_id" uuid NOT NULL,
	CONSTRAINT "forum_proposal_voter_proposal_id_person_id_pk" PRIMARY KEY("proposal_id","person_id")
);
--> statement-breakpoint
ALTER TABLE "forum_proposal" ADD CONSTRAINT "forum_proposal_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_proposal" ADD CONSTRAINT "forum_proposal_space_id_forum_space_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."forum_space"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_proposal" ADD CONSTRAINT "forum_proposal_thread_id_forum_thread_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."forum_thread"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_proposal" ADD CONSTRAINT "forum_proposal_author_person_id_person_id_fk" FOREIGN KEY ("author_person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_proposal" ADD CONSTRAINT "forum_proposal_closed_by_person_id_person_id_fk" FOREIGN KEY ("closed_by_person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_proposal_reminder" ADD CONSTRAINT "forum_proposal_reminder_proposal_id_forum_proposal_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."forum_proposal"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_proposal_reminder" ADD CONSTRAINT "forum_proposal_reminder_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_proposal_vote" ADD CONSTRAINT "forum_proposal_vote_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_proposal_vote" ADD CONSTRAINT "forum_proposal_vote_proposal_id_forum_proposal_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."forum_proposal"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_proposal_vote" ADD CONSTRAINT "forum_proposal_vote_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_proposal_voter" ADD CONSTRAINT "forum_proposal_voter_proposal_id_forum_proposal_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."forum_proposal"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_proposal_voter" ADD CONSTRAINT "forum_proposal_voter_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_proposal_voter" ADD CONSTRAINT "forum_proposal_voter_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "forum_proposal_thread_uq" ON "forum_proposal" USING btree ("thread_id");--> statement-breakpoint
CREATE INDEX "forum_proposal_open_idx" ON "forum_proposal" USING btree ("status","closes_at");--> statement-breakpoint
CREATE UNIQUE INDEX "forum_proposal_vote_person_uq" ON "forum_proposal_vote" USING btree ("proposal_id","person_id") WHERE "forum_proposal_vote"."person_id" is not null;--> statement-breakpoint
CREATE INDEX "forum_proposal_vote_proposal_idx" ON "forum_proposal_vote" USING btree ("proposal_id");