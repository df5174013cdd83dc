import { integer, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * The columns most tables repeat, written once so they cannot drift (ARCHITECTURE "Adding a
 * feature"). This file imports no table: `partnershipIdColumn`, which references the partnership,
 * lives beside it in governance/tables.ts, so no import cycle forms.
 */

/** `id uuid primary key default gen_random_uuid()`. */
export function idColumn() {
  return uuid("id").primaryKey().defaultRandom();
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
