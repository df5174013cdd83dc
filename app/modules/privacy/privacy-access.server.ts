import type { AppLoadContext } from "react-router";
import { inArray, isNull, or, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { guard, notFound } from "../authz/guard.server.ts";
import type { RoutePolicy } from "../authz/policy.ts";
import type { CurrentUser } from "../identity/current-user.server.ts";

/**
 * What a privacy officer keeps: the registers of their privacy_officer assignments in the current
 * Table — an organization's (the assignment's organization) or the Table's own (`null`, an
 * assignment without organization). An organization's officer never reads another's register.
 */
export interface PrivacyAccess {
  partnershipId: string;
  personId: string;
  registers: (string | null)[];
}

export function privacyAccessOf(user: CurrentUser): PrivacyAccess | null {
  if (!user.partnershipId) return null;
  const registers = [
    ...new Set(user.roles.filter((r) => r.role === "privacy_officer" && r.partnershipId === user.partnershipId).map((r) => r.organizationId ?? null)),
  ];
  if (registers.length === 0) return null;
  return { partnershipId: user.partnershipId, personId: user.personId, registers };
}

/** Keeps the Table's register (for Table-wide records: EFVP, correction requests). */
export const keepsTableRegister = (access: PrivacyAccess) => access.registers.includes(null);

/** `organization_id` inside the officer's registers, as SQL for the WHERE. */
export function registerWhere(access: PrivacyAccess, column: AnyPgColumn): SQL {
  const orgs = access.registers.filter((r): r is string => r !== null);
  const parts: SQL[] = [];
  if (keepsTableRegister(access)) parts.push(isNull(column));
  if (orgs.length) parts.push(inArray(column, orgs));
  return parts.length === 1 ? parts[0]! : (or(...parts) as SQL);
}

export const inRegister = (access: PrivacyAccess, organizationId: string | null) => access.registers.includes(organizationId);

interface Args {
  request: Request;
  context: AppLoadContext;
}

/** Guard + the officer's registers; without a privacy_officer role in this Table, 404. */
export async function privacyGuard(args: Args, policy: RoutePolicy) {
  const user = await guard(args, policy);
  if (!user) notFound();
  const access = privacyAccessOf(user);
  if (!access) notFound();
  return { user: user as CurrentUser & { partnershipId: string }, access };
}


/**
 * Who sets the Table's retention schedule and reads its destruction record: the Table coordinator
 * or the Table's own privacy officer (an organization's officer keeps only their register). A
 * platform admin is not among them: support reads no register nor schedule (deny by default).
 */
export function keepsRetention(user: CurrentUser): boolean {
  if (!user.partnershipId) return false;
  return user.roles.some(
    (r) => r.partnershipId === user.partnershipId && (r.role === "table_coordinator" || (r.role === "privacy_officer" && (r.organizationId ?? null) === null)),
  );
}

/** Guard + the retention keepers only; anyone else, 404. */
export async function retentionGuard(args: Args, policy: RoutePolicy) {
  const user = await guard(args, policy);
  if (!user || !keepsRetention(user)) notFound();
  return user as CurrentUser & { partnershipId: string };
}
