import { z } from "zod";
import { optionalText, requiredId, requiredText, versionField } from "../forms/fields.ts";
import { parseEmailDomains } from "../governance/organization-schema.ts";
import type { Role } from "../identity/roles.ts";

/**
 * Roles a provider may grant: those held on behalf of one organization. Never platform_admin
 * nor the Table coordinator: a partner's directory must not be able to make someone an admin
 * of the platform or of the whole Table.
 */
export const mappableRoles = [
  "table_member",
  "pivot_coordinator",
  "pivot",
  "trainer",
  "observer",
  "evaluator",
  "privacy_officer",
  "worker",
] as const satisfies readonly Role[];
export type MappableRole = (typeof mappableRoles)[number];

export function isMappableRole(value: unknown): value is MappableRole {
  return typeof value === "string" && (mappableRoles as readonly string[]).includes(value);
}

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** https, or http on this machine only (a provider started by the tests or the demo). */
export function isIssuerUrl(value: string): boolean {
  try {
    const url = new URL(value);
    if (url.search || url.hash || url.username || url.password) return false;
    return url.protocol === "https:" || (url.protocol === "http:" && LOOPBACK.has(url.hostname));
  } catch {
    return false;
  }
}

export function isLoopbackIssuer(issuer: string): boolean {
  try {
    const url = new URL(issuer);
    return url.protocol === "http:" && LOOPBACK.has(url.hostname);
  } catch {
    return false;
  }
}

/** "value = role", one per line; null when a line is not one. */
export function parseRoleMappings(raw: string): { value: string; role: MappableRole }[] | null {
  const rules: { value: string; role: MappableRole }[] = [];
  for (const line of raw.split(/\r?\n/)) {
    if (!line.trim()) continue;
    const at = line.lastIndexOf("=");
    if (at <= 0) return null;
    const value = line.slice(0, at).trim();
    const role = line.slice(at + 1).trim();
    if (!value || value.length > 200 || !isMappableRole(role)) return null;
    rules.push({ value, role });
  }
  return rules.length > 50 ? null : rules;
}

const checkbox = z
  .string()
  .nullish()
  .transform((v) => v === "on");

const CLAIM = /^[A-Za-z0-9_:.\-/]{1,100}$/;

const base = {
  organizationId: requiredId,
  issuer: requiredText(500).refine(isIssuerUrl, "sso.provider.issuerInvalid"),
  clientId: requiredText(300),
  emailDomains: optionalText(1000).refine((v) => parseEmailDomains(v) !== null, "admin.organization.emailDomainsInvalid"),
  roleClaim: requiredText(100).refine((v) => CLAIM.test(v), "sso.provider.claimInvalid"),
  roleMappings: optionalText(5000).refine((v) => parseRoleMappings(v) !== null, "sso.provider.mappingsInvalid"),
  defaultRole: optionalText(40).refine((v) => v === "" || isMappableRole(v), "form.invalid"),
  autoCreate: checkbox,
  ssoOnly: checkbox,
  enabled: checkbox,
};

function finish<T extends { emailDomains: string; roleMappings: string; defaultRole: string; issuer: string }>(v: T) {
  const { emailDomains, roleMappings, defaultRole, issuer, ...rest } = v;
  return {
    ...rest,
    // The issuer as the provider writes it, minus a trailing slash a person may add.
    issuer: issuer.replace(/\/+$/, ""),
    emailDomains: parseEmailDomains(emailDomains) ?? [],
    roleMappings: parseRoleMappings(roleMappings) ?? [],
    defaultRole: isMappableRole(defaultRole) ? defaultRole : null,
  };
}

/** The create form: the client secret is required. */
export const newProviderSchema = z.object({ ...base, clientSecret: requiredText(1000) }).transform(finish);

/** The edit form: an empty secret keeps the stored one ("replace secret" otherwise). */
export const editProviderSchema = z.object({ ...base, clientSecret: optionalText(1000) }).transform(finish);

export type ProviderInput = z.output<typeof newProviderSchema>;
export type ProviderEditInput = z.output<typeof editProviderSchema>;

/** The edit form with the version it was read at (a stale version is a conflict, not an overwrite). */
export const editProviderVersionedSchema = editProviderSchema.and(z.object({ version: versionField }));
