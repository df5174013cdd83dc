CREATE TABLE "partner_unsigned_reminder" (
	"organization_id" uuid PRIMARY KEY NOT NULL,
	"partnership_id" uuid NOT NULL,
	"last_sent_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "partner_unsigned_reminder" ADD CONSTRAINT "partner_unsigned_reminder_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_unsigned_reminder" ADD CONSTRAINT "partner_unsigned_reminder_partnership_id_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnership"("id") ON DELETE no action ON UPDATE no action;