import { and, eq, inArray, isNull } from "drizzle-orm";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import type { Database } from "../db/client.server.ts";
import { roleAssignment } from "../people/tables.ts";
import { isMappableRole, type MappableRole } from "./provider-schema.ts";

export interface MappingRules {
  roleClaim: string;
  roleMappings: readonly { value: string; role: string }[];
  defaultRole: string | null;
}

/** The roles this provider may grant: its rules' and its default role. Outside it, nothing is touched. */
export function mappingRange(rules: MappingRules): Set<MappableRole> {
  const range = new Set<MappableRole>();
  for (const r of rules.roleMappings) if (isMappableRole(r.role)) range.add(r.role);
  if (isMappableRole(rules.defaultRole)) range.add(rules.defaultRole);
  return range;
}

/** The claim's values: a string, or the strings of an array ("groups": ["pivots", "cadres"]). */
function claimValues(claims: Record<string, unknown>, name: string): string[] {
  const raw = claims[name];
  if (typeof raw === "string") return [raw];
  if (Array.isArray(raw)) return raw.filter((v): v is string => typeof v === "string");
  return [];
}

/** The roles the ID token's claims give: every matching rule, else the default role. */
export function mappedRoles(rules: MappingRules, claims: Record<string, unknown>): Set<MappableRole> {
  const values = new Set(claimValues(claims, rules.roleClaim));
  const roles = new Set<MappableRole>();
  for (const r of rules.roleMappings) if (values.has(r.value) && isMappableRole(r.role)) roles.add(r.role);
  if (roles.size === 0 && isMappableRole(rules.defaultRole)) roles.add(rules.defaultRole);
  return roles;
}

/**
 * Re-applies the mapping at a sign-in: the roles of the range the claims give are granted in
 * the provider's organization, those of the range they no longer give are revoked. Roles
 * outside the range (granted by hand) stay. Audited when anything changes.
 */
export async function applyRoleMapping(
  tx: Database,
  actor: AuditActor,
  input: { personId: string; accountId: string; partnershipId: string; organizationId: string; providerId: string; rules: MappingRules; claims: Record<string, unknown>; now: Date },
): Promise<{ added: MappableRole[]; removed: MappableRole[] }> {
  const range = [...mappingRange(input.rules)];
  if (!range.length) return { added: [], removed: [] };
  const wanted = mappedRoles(input.rules, input.claims);
  const held = await tx
    .select({ id: roleAssignment.id, role: roleAssignment.role })
    .from(roleAssignment)
    .where(
      and(
        eq(roleAssignment.personId, input.personId),
        eq(roleAssignment.partnershipId, input.partnershipId),
        eq(roleAssignment.organizationId, input.organizationId),
        inArray(roleAssignment.role, range),
        isNull(roleAssignment.revokedAt),
      ),
    );
  const heldRoles = new Set(held.map((h) => h.role));
  const added = [...wanted].filter((r) => !heldRoles.has(r));
  const toRevoke = held.filter((h) => !wanted.has(h.role as MappableRole));
  for (const role of added) {
    await tx.insert(roleAssignment).values({
      personId: input.personId,
      role,
      partnershipId: input.partnershipId,
      organizationId: input.organizationId,
      grantedBy: null,
      grantedAt: input.now,
    });
  }
  if (toRevoke.length) {
    await tx
      .update(roleAssignment)
      .set({ revokedAt: input.now, revokedBy: null })
      .where(inArray(roleAssignment.id, toRevoke.map((h) => h.id)));
  }
  const removed = [...new Set(toRevoke.map((h) => h.role as MappableRole))];
  if (added.length || removed.length) {
    await recordAuditEvent(tx, actor, {
      action: "sso.roles_changed",
      targetType: "account",
      targetId: input.accountId,
      partnershipId: input.partnershipId,
      organizationId: input.organizationId,
      details: { providerId: input.providerId, added, removed },
    });
  }
  return { added, removed };
}

const SECOND_FACTORS = new Set(["otp", "sms", "tel", "hwk", "swk", "sc", "fpt", "face", "iris", "retina", "vbm"]);

/**
 * Whether the ID token says the person passed more than one factor (RFC 8176 `amr`: "mfa",
 * or a password or PIN with a possession or inherence factor; or an `acr` naming multi-factor).
 */
export function mfaAsserted(claims: Record<string, unknown>): boolean {
  const amr = Array.isArray(claims.amr) ? claims.amr.filter((v): v is string => typeof v === "string") : [];
  if (amr.includes("mfa")) return true;
  const second = amr.some((a) => SECOND_FACTORS.has(a));
  const first = amr.some((a) => a === "pwd" || a === "pin" || a === "kba");
  if (second && (first || amr.filter((a) => SECOND_FACTORS.has(a)).length >= 2)) return true;
  const acr = typeof claims.acr === "string" ? claims.acr : "";
  return acr === "http://schemas.openid.net/pape/policies/2007/06/multi-factor" || /(^|[^a-z])(mfa|multi-?factor)([^a-z]|$)/i.test(acr);
}
