import { bigint, boolean, index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { person } from "../people/tables.ts";
import { createdAtColumn, idColumn, updatedAtColumn, versionColumn } from "../db/columns.ts";

export { roles, type Role } from "./roles.ts";

export const accountStatuses = [
  "invited", // invitation sent, no password yet
  "pending_email", // self sign-up, address not confirmed yet
  "pending_approval", // confirmed, waiting for the pivot coordinator
  "active",
  "deactivated",
] as const;
export const accountStatus = pgEnum("account_status", accountStatuses);

export const account = pgTable("account", {
  id: idColumn(),
  personId: uuid("person_id")
    .notNull()
    .unique()
    .references(() => person.id),
  /** Stored lower-cased. */
  email: text("email").notNull().unique(),
  passwordHash: text("password_hash"),
  status: accountStatus("status").notNull(),
  locale: text("locale").notNull().default("fr"),
  /** AES-256-GCM ciphertext of the TOTP secret (iv.tag.data, base64url). */
  mfaSecretEnc: text("mfa_secret_enc"),
  mfaEnabledAt: timestamp("mfa_enabled_at", { withTimezone: true }),
  /** Last accepted TOTP time step: a code is accepted once. */
  mfaLastStep: bigint("mfa_last_step", { mode: "number" }),
  approvedBy: uuid("approved_by"),
  approvedAt: timestamp("approved_at", { withTimezone: true }),
  lastLoginAt: timestamp("last_login_at", { withTimezone: true }),
  deactivatedAt: timestamp("deactivated_at", { withTimezone: true }),
  version: versionColumn(),
  createdAt: createdAtColumn(),
  updatedAt: updatedAtColumn(),
});

export const session = pgTable(
  "session",
  {
    /** SHA-256 of the 32-byte cookie token: a database leak does not yield live sessions. */
    idHash: text("id_hash").primaryKey(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => account.id),
    /** False until the second factor is passed for an account that has MFA. */
    mfaPassed: boolean("mfa_passed").notNull().default(false),
    /** The second factor was asserted by the organization's identity provider (amr/acr), not by a Filet TOTP. */
    mfaByProvider: boolean("mfa_by_provider").notNull().default(false),
    activePartnershipId: uuid("active_partnership_id"),
    createdAt: createdAtColumn(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    ip: text("ip").notNull().default(""),
    userAgent: text("user_agent").notNull().default(""),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [index("session_account_idx").on(t.accountId)],
);

export const recoveryCode = pgTable("recovery_code", {
  id: idColumn(),
  accountId: uuid("account_id")
    .notNull()
    .references(() => account.id),
  codeHash: text("code_hash").notNull(),
  usedAt: timestamp("used_at", { withTimezone: true }),
  createdAt: createdAtColumn(),
});

export const tokenKinds = ["invitation", "password_reset", "email_confirmation"] as const;
export const tokenKind = pgEnum("token_kind", tokenKinds);

/** Single-use links sent by email. Only the SHA-256 of the token is stored. */
export const accountToken = pgTable(
  "account_token",
  {
    id: idColumn(),
    kind: tokenKind("kind").notNull(),
    tokenHash: text("token_hash").notNull(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => account.id),
    createdBy: uuid("created_by"),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: createdAtColumn(),
  },
  (t) => [uniqueIndex("account_token_hash_uq").on(t.tokenHash)],
);

/** Sign-in attempts, kept in the database so throttling holds across app processes. */
export const loginAttempt = pgTable(
  "login_attempt",
  {
    id: idColumn(),
    email: text("email").notNull(),
    ip: text("ip").notNull(),
    succeeded: boolean("succeeded").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("login_attempt_email_at_idx").on(t.email, t.at), index("login_attempt_ip_at_idx").on(t.ip, t.at)],
);
