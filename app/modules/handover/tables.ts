import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { person } from "../people/tables.ts";
import { handoverStatuses, type HandoverItem } from "./vocabulary.ts";
import { idColumn } from "../db/columns.ts";
import { partnershipIdColumn } from "../governance/tables.ts";

export { handoverStatuses } from "./vocabulary.ts";

/**
 * A coordination handover (passation de la coordination): the outgoing Table coordinator checks
 * a list built from the live data, then transfers the role to the successor.
 */
export const coordinationHandover = pgTable(
  "coordination_handover",
  {
    id: idColumn(),
    partnershipId: partnershipIdColumn(),
    outgoingPersonId: uuid("outgoing_person_id")
      .notNull()
      .references(() => person.id),
    successorPersonId: uuid("successor_person_id")
      .notNull()
      .references(() => person.id),
    status: text("status", { enum: handoverStatuses }).notNull().default("open"),
    /** The checklist, frozen when started; each item is checked off by the outgoing coordinator. */
    items: jsonb("items").$type<HandoverItem[]>().notNull().default([]),
    note: text("note").notNull().default(""),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    transferredAt: timestamp("transferred_at", { withTimezone: true }),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
  },
  (t) => [index("coordination_handover_partnership_idx").on(t.partnershipId, t.startedAt)],
);
