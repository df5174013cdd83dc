ALTER TABLE "meeting" ADD COLUMN "objectives_outcome" text;--> statement-breakpoint
ALTER TABLE "meeting" ADD COLUMN "objectives_review" text DEFAULT '' NOT NULL;