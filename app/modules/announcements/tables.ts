import { index, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { organization, partnershipIdColumn } from "../governance/tables.ts";
import { person } from "../people/tables.ts";
import { announcementAudiences } from "./vocabulary.ts";
import { createdAtColumn, idColumn } from "../db/columns.ts";

export { announcementAudiences } from "./vocabulary.ts";

/** A message posted to the Table, to all pivots, or to one organization. */
export const announcement = pgTable(
  "announcement",
  {
    id: idColumn(),
    partnershipId: partnershipIdColumn(),
    authorPersonId: uuid("author_person_id")
      .notNull()
      .references(() => person.id),
    audience: text("audience", { enum: announcementAudiences }).notNull(),
    /** For "organization" and "organization_pivots". */
    organizationId: uuid("organization_id").references(() => organization.id),
    title: text("title").notNull(),
    body: text("body").notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [index("announcement_partnership_idx").on(t.partnershipId, t.createdAt)],
);

/** The recipients resolved when posting, and when each one read it. */
export const announcementRecipient = pgTable(
  "announcement_recipient",
  {
    partnershipId: partnershipIdColumn(),
    announcementId: uuid("announcement_id")
      .notNull()
      .references(() => announcement.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => person.id),
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.announcementId, t.personId] }), index("announcement_recipient_person_idx").on(t.personId, t.readAt)],
);
