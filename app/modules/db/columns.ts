import { integer, timestamp, uuid } from "drizzle-orm/pg-core";
import { partnership } from "../governance/tables.ts";

/**
 * The columns most tables repeat, written once so they cannot drift (ARCHITECTURE "Adding a
 * feature"). Function declarations, not arrow constants: governance/tables.ts and this file import
 * each other, and a hoisted function is callable whichever of the two loads first.
 */

/** `id uuid primary key default gen_random_uuid()`. */
export function idColumn() {
  return uuid("id").primaryKey().defaultRandom();
}

/** `partnership_id uuid not null references partnership(id)`: the Table the row belongs to. */
export function partnershipIdColumn() {
  return uuid("partnership_id")
    .notNull()
    .references(() => partnership.id);
}

/** `version integer not null default 1`: checked on every edit (409 on a stale one). */
export function versionColumn() {
  return integer("version").notNull().default(1);
}

/** `created_at timestamptz not null default now()`. */
export function createdAtColumn() {
  return timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
}

/** `updated_at timestamptz not null default now()`. */
export function updatedAtColumn() {
  return timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();
}
