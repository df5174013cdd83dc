CREATE TABLE "form_submission" (
	"account_id" uuid NOT NULL,
	"form" text NOT NULL,
	"key" uuid NOT NULL,
	"location" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "form_submission_account_id_form_key_pk" PRIMARY KEY("account_id","form","key")
);
--> statement-breakpoint
ALTER TABLE "audit_event" ADD COLUMN "hash_scheme" smallint DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "partner_contribution" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
CREATE INDEX "form_submission_created_idx" ON "form_submission" USING btree ("created_at");