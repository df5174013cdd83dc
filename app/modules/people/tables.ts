import { index, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { organization, partnership, site } from "../governance/tables.ts";
import { roles } from "../identity/roles.ts";
import { createdAtColumn, idColumn, updatedAtColumn, versionColumn } from "../db/columns.ts";

// The people of a Table and the roles they hold: owned by the people module (accounts, sessions
// and second factors stay identity's). Same tables and SQL as when identity defined them.
export const roleEnum = pgEnum("role", roles);

/** A person of the partnership; may exist in the directory before (or without) an account. */
export const person = pgTable(
  "person",
  {
    id: idColumn(),
    /** Null only for platform staff who belong to no Table. */
    partnershipId: uuid("partnership_id").references(() => partnership.id),
    organizationId: uuid("organization_id").references(() => organization.id),
    siteId: uuid("site_id").references(() => site.id),
    givenName: text("given_name").notNull(),
    familyName: text("family_name").notNull(),
    title: text("title").notNull().default(""),
    email: text("email").notNull().default(""),
    phone: text("phone").notNull().default(""),
    languages: text("languages").array().notNull().default(["fr"]),
    version: versionColumn(),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [index("person_partnership_idx").on(t.partnershipId), index("person_organization_idx").on(t.organizationId)],
);

export const roleAssignment = pgTable(
  "role_assignment",
  {
    id: idColumn(),
    personId: uuid("person_id")
      .notNull()
      .references(() => person.id),
    role: roleEnum("role").notNull(),
    /** Null only for platform_admin. */
    partnershipId: uuid("partnership_id").references(() => partnership.id),
    /** Set for roles held on behalf of one organization (pivot, pivot coordinator, delegate, worker…). */
    organizationId: uuid("organization_id").references(() => organization.id),
    grantedBy: uuid("granted_by"),
    grantedAt: timestamp("granted_at", { withTimezone: true }).notNull().defaultNow(),
    revokedBy: uuid("revoked_by"),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [index("role_assignment_person_idx").on(t.personId), index("role_assignment_partnership_idx").on(t.partnershipId)],
);
