import { boolean, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organization, partnershipIdColumn } from "../governance/tables.ts";
import { account } from "../identity/tables.ts";
import { roleEnum } from "../people/tables.ts";
import { createdAtColumn, idColumn, updatedAtColumn, versionColumn } from "../db/columns.ts";

/** One rule of the claim-to-role mapping: when the claim holds `value`, the person holds `role`. */
export interface RoleMappingRule {
  value: string;
  role: string;
}

/**
 * An OpenID Connect provider of one partner organization, registered by the platform admin.
 * The client secret is sealed with the secret box (purpose "sso-client-secret", context = the
 * row's id): it is never shown again once saved.
 */
export const identityProvider = pgTable(
  "identity_provider",
  {
    id: idColumn(),
    partnershipId: partnershipIdColumn(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organization.id),
    /** The issuer identifier (discovery at `<issuer>/.well-known/openid-configuration`). */
    issuer: text("issuer").notNull(),
    clientId: text("client_id").notNull(),
    clientSecretEnc: text("client_secret_enc").notNull(),
    /** Lower-cased, without "@"; empty: any address the provider vouches for. */
    emailDomains: text("email_domains").array().notNull().default([]),
    /** The ID token claim read for the mapping ("groups", "roles"…). */
    roleClaim: text("role_claim").notNull().default("groups"),
    roleMappings: jsonb("role_mappings").$type<RoleMappingRule[]>().notNull().default([]),
    /** Held when no rule of the mapping matches; null: none. */
    defaultRole: roleEnum("default_role"),
    autoCreate: boolean("auto_create").notNull().default(false),
    ssoOnly: boolean("sso_only").notNull().default(false),
    enabled: boolean("enabled").notNull().default(true),
    version: versionColumn(),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [index("identity_provider_partnership_idx").on(t.partnershipId), uniqueIndex("identity_provider_org_issuer_uq").on(t.organizationId, t.issuer)],
);

/** A person's identity at a provider: keyed by (issuer, subject), never by email. */
export const ssoIdentity = pgTable(
  "sso_identity",
  {
    id: idColumn(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => account.id),
    providerId: uuid("provider_id")
      .notNull()
      .references(() => identityProvider.id),
    partnershipId: partnershipIdColumn(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organization.id),
    issuer: text("issuer").notNull(),
    subject: text("subject").notNull(),
    lastLoginAt: timestamp("last_login_at", { withTimezone: true }),
    createdAt: createdAtColumn(),
  },
  (t) => [uniqueIndex("sso_identity_issuer_subject_uq").on(t.issuer, t.subject), index("sso_identity_account_idx").on(t.accountId)],
);

/**
 * A sign-in (or link) under way: kept here, not in the browser. The cookie holds a random id;
 * only its SHA-256 is stored. Single use (`usedAt`), 10 minutes.
 */
export const ssoLoginState = pgTable(
  "sso_login_state",
  {
    idHash: text("id_hash").primaryKey(),
    providerId: uuid("provider_id")
      .notNull()
      .references(() => identityProvider.id),
    purpose: text("purpose").$type<"login" | "link">().notNull(),
    /** For "link": the signed-in account that asked. */
    accountId: uuid("account_id").references(() => account.id),
    state: text("state").notNull(),
    nonce: text("nonce").notNull(),
    codeVerifier: text("code_verifier").notNull(),
    redirectTo: text("redirect_to").notNull().default("/"),
    createdAt: createdAtColumn(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [index("sso_login_state_expires_idx").on(t.expiresAt)],
);

/** The Filet sessions opened through a provider: what RP-initiated logout needs. */
export const ssoSession = pgTable("sso_session", {
  /** The `session.id_hash` of the Filet session. */
  sessionIdHash: text("session_id_hash").primaryKey(),
  providerId: uuid("provider_id")
    .notNull()
    .references(() => identityProvider.id),
  /** The ID token, sealed (the `id_token_hint` of the logout). */
  idTokenEnc: text("id_token_enc").notNull(),
  createdAt: createdAtColumn(),
});
