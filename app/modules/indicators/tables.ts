import { sql } from "drizzle-orm";
import { check, numeric, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { partnershipIdColumn } from "../governance/tables.ts";
import { person } from "../people/tables.ts";
import { createdAtColumn, idColumn, updatedAtColumn, versionColumn } from "../db/columns.ts";

/**
 * A target (cible) for one indicator, one period and one scope, set by the Table coordinator:
 * scope "table" (key ""), or one organization type, territory or organization of the Table.
 */
export const indicatorTarget = pgTable(
  "indicator_target",
  {
    id: idColumn(),
    partnershipId: partnershipIdColumn(),
    indicatorCode: text("indicator_code").notNull(),
    periodKey: text("period_key").notNull(),
    scopeKind: text("scope_kind", { enum: ["table", "organization", "organization_type", "territory"] }).notNull().default("table"),
    scopeKey: text("scope_key").notNull().default(""),
    target: numeric("target", { precision: 12, scale: 2, mode: "number" }).notNull(),
    note: text("note").notNull().default(""),
    setByPersonId: uuid("set_by_person_id").references(() => person.id),
    version: versionColumn(),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    uniqueIndex("indicator_target_key_idx").on(t.partnershipId, t.indicatorCode, t.periodKey, t.scopeKind, t.scopeKey),
    check("indicator_target_non_negative", sql`${t.target} >= 0`),
  ],
);
