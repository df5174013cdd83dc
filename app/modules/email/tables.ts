import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { createdAtColumn, idColumn } from "../db/columns.ts";

/** A small text attachment, e.g. the .ics calendar file of an invitation. */
export interface EmailAttachment {
  fileName: string;
  contentType: string;
  content: string;
}

/** Every email Filet sends. Without SMTP they stay here and admins read them in the outbox. */
export const emailMessage = pgTable(
  "email_message",
  {
    id: idColumn(),
    partnershipId: uuid("partnership_id"),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    textBody: text("text_body").notNull(),
    htmlBody: text("html_body").notNull().default(""),
    attachments: jsonb("attachments").$type<EmailAttachment[]>().notNull().default([]),
    status: text("status", { enum: ["queued", "sent", "stored", "failed"] }).notNull().default("queued"),
    error: text("error"),
    createdAt: createdAtColumn(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [index("email_message_created_idx").on(t.createdAt)],
);
