import { bigserial, index, jsonb, pgTable, smallint, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Append-only, hash-chained journal. A trigger (migration 0001) rejects UPDATE and DELETE;
 * writers take an advisory lock so concurrent transactions keep one chain.
 */
export const auditEvent = pgTable(
  "audit_event",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    occurredAt: timestamp("occurred_at", { withTimezone: true, precision: 3 }).notNull(),
    actorAccountId: uuid("actor_account_id"),
    actorRole: text("actor_role").notNull().default(""),
    organizationId: uuid("organization_id"),
    partnershipId: uuid("partnership_id"),
    action: text("action").notNull(),
    targetType: text("target_type").notNull().default(""),
    targetId: text("target_id").notNull().default(""),
    requestId: text("request_id").notNull().default(""),
    ip: text("ip").notNull().default(""),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    // The rule the hash was sealed with (see hash-scheme.ts): events keep verifying under their own rule.
    hashScheme: smallint("hash_scheme").notNull().default(1),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [
    index("audit_event_partnership_idx").on(t.partnershipId, t.id),
    index("audit_event_action_idx").on(t.action),
    index("audit_event_actor_idx").on(t.actorAccountId),
  ],
);
