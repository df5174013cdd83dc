import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { createdAtColumn, idColumn } from "../db/columns.ts";

/** Durable background work. Claimed with FOR UPDATE SKIP LOCKED so each job runs once. */
export const job = pgTable(
  "job",
  {
    id: idColumn(),
    name: text("name").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull().default({}),
    /** Jobs sharing a key while queued are one job (e.g. a daily reminder). */
    singletonKey: text("singleton_key"),
    status: text("status", { enum: ["queued", "running", "done", "failed"] }).notNull().default("queued"),
    runAt: timestamp("run_at", { withTimezone: true }).notNull().defaultNow(),
    attempts: integer("attempts").notNull().default(0),
    maxAttempts: integer("max_attempts").notNull().default(5),
    lockedBy: text("locked_by"),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    lastError: text("last_error"),
    createdAt: createdAtColumn(),
    completedAt: timestamp("completed_at", { withTimezone: true }),
  },
  (t) => [
    index("job_claim_idx").on(t.status, t.runAt),
    uniqueIndex("job_singleton_uq")
      .on(t.name, t.singletonKey)
      .where(sql`status in ('queued', 'running') and singleton_key is not null`),
  ],
);
