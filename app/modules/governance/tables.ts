import { sql } from "drizzle-orm";
import { date, jsonb, pgEnum, pgTable, text, uuid, index, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAtColumn, idColumn, updatedAtColumn, versionColumn } from "../db/columns.ts";
import { organizationTypes } from "./organization-types.ts";

export { organizationTypes };
export const organizationType = pgEnum("organization_type", organizationTypes);

/** A Table régionale de concertation: the tenant. */
export const partnership = pgTable("partnership", {
  id: idColumn(),
  slug: text("slug").notNull().unique(),
  nameFr: text("name_fr").notNull(),
  nameEn: text("name_en").notNull(),
  region: text("region").notNull().default(""),
  /** Regional DPJ reporting line, 24/7. */
  dpjPhone: text("dpj_phone").notNull().default(""),
  foundedOn: date("founded_on"),
  settings: jsonb("settings").$type<Record<string, unknown>>().notNull().default({}),
  version: versionColumn(),
  createdAt: createdAtColumn(),
  updatedAt: updatedAtColumn(),
});

export const organization = pgTable(
  "organization",
  {
    id: idColumn(),
    partnershipId: partnershipIdColumn(),
    type: organizationType("type").notNull(),
    nameFr: text("name_fr").notNull(),
    nameEn: text("name_en").notNull(),
    acronym: text("acronym").notNull().default(""),
    mission: text("mission").notNull().default(""),
    mandate: text("mandate").notNull().default(""),
    culture: text("culture").notNull().default(""),
    services: text("services").notNull().default(""),
    territory: text("territory").notNull().default(""),
    languages: text("languages").array().notNull().default(sql`'{fr}'::text[]`),
    website: text("website").notNull().default(""),
    phone: text("phone").notNull().default(""),
    /** Workers with an address at one of these domains may sign up themselves. */
    emailDomains: text("email_domains").array().notNull().default(sql`'{}'::text[]`),
    joinedOn: date("joined_on"),
    leftOn: date("left_on"),
    version: versionColumn(),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [index("organization_partnership_idx").on(t.partnershipId)],
);

/** `partnership_id uuid not null references partnership(id)`: the Table the row belongs to. */
export function partnershipIdColumn() {
  return uuid("partnership_id")
    .notNull()
    .references(() => partnership.id);
}

/** A place where an organization works: a school, a CLSC, a police district… */
export const site = pgTable(
  "site",
  {
    id: idColumn(),
    partnershipId: partnershipIdColumn(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organization.id),
    name: text("name").notNull(),
    kind: text("kind").notNull().default(""),
    address: text("address").notNull().default(""),
    municipality: text("municipality").notNull().default(""),
    territory: text("territory").notNull().default(""),
    phone: text("phone").notNull().default(""),
    version: versionColumn(),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    index("site_organization_idx").on(t.organizationId),
    uniqueIndex("site_org_name_uq").on(t.organizationId, t.name),
  ],
);

/** Installation-wide facts (e.g. whether this installation runs the demo). */
export const installationSetting = pgTable("installation_setting", {
  key: text("key").primaryKey(),
  value: jsonb("value").$type<unknown>().notNull(),
  updatedAt: updatedAtColumn(),
});
