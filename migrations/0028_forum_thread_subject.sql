ALTER TABLE "forum_thread" ADD COLUMN "subject_type" text;--> statement-breakpoint
ALTER TABLE "forum_thread" ADD COLUMN "subject_id" uuid;--> statement-breakpoint
CREATE UNIQUE INDEX "forum_thread_subject_uq" ON "forum_thread" USING btree ("partnership_id","subject_type","subject_id") WHERE "forum_thread"."subject_type" is not null;