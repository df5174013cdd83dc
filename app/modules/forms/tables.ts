import { index, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { createdAtColumn } from "../db/columns.ts";

/**
 * One row per create form submitted: the key the form carried (made when the page was drawn)
 * and where its first success led. The primary key is the guarantee: a second submission of
 * the same form, parallel or a retry, waits on the first one's row and answers with its record.
 */
export const formSubmission = pgTable(
  "form_submission",
  {
    accountId: uuid("account_id").notNull(),
    form: text("form").notNull(),
    key: uuid("key").notNull(),
    location: text("location").notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.form, t.key] }), index("form_submission_created_idx").on(t.createdAt)],
);
