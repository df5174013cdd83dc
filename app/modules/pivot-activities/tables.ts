import { date, index, integer, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { organization, partnershipIdColumn } from "../governance/tables.ts";
import { person } from "../people/tables.ts";

export { pivotActivityTypes } from "./activity-types.ts";
import { pivotActivityTypes } from "./activity-types.ts";
import { createdAtColumn, idColumn, updatedAtColumn, versionColumn } from "../db/columns.ts";

/** What pivots did, shared across the network ("mettre en commun les activités"). */
export const pivotActivity = pgTable(
  "pivot_activity",
  {
    id: idColumn(),
    partnershipId: partnershipIdColumn(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organization.id),
    personId: uuid("person_id")
      .notNull()
      .references(() => person.id),
    type: text("type", { enum: pivotActivityTypes }).notNull(),
    occurredOn: date("occurred_on").notNull(),
    durationMinutes: integer("duration_minutes").notNull().default(0),
    audience: text("audience").notNull().default(""),
    audienceSize: integer("audience_size"),
    notes: text("notes").notNull().default(""),
    version: versionColumn(),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    index("pivot_activity_partnership_idx").on(t.partnershipId, t.occurredOn),
    index("pivot_activity_org_idx").on(t.organizationId),
  ],
);
