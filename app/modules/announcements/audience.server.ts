import { and, eq, inArray, isNull, or, type SQL } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { can, organizationsWhere, type HeldRole } from "../authz/decide.ts";
import { account, type Role } from "../identity/tables.ts";
import { person, roleAssignment } from "../people/tables.ts";
import type { AnnouncementAudience } from "./vocabulary.ts";

const PIVOT_ROLES: Role[] = ["pivot", "pivot_coordinator"];

/** The audiences a poster may use, and the organizations they may target. */
export function postingRights(roles: readonly HeldRole[], partnershipId: string): { audiences: AnnouncementAudience[]; organizations: "all" | string[] } {
  if (can(roles, "announcement.post", { partnershipId, organizationId: null })) {
    return { audiences: ["table", "pivots", "organization", "organization_pivots"], organizations: "all" };
  }
  const orgs = organizationsWhere(roles, "announcement.post", partnershipId);
  if (orgs === "all" || orgs.length === 0) return { audiences: [], organizations: [] };
  return { audiences: ["organization_pivots"], organizations: orgs };
}

export function mayPost(roles: readonly HeldRole[], partnershipId: string, audience: AnnouncementAudience, organizationId: string | null): boolean {
  const rights = postingRights(roles, partnershipId);
  if (!rights.audiences.includes(audience)) return false;
  if (audience === "table" || audience === "pivots") return true;
  return !!organizationId && (rights.organizations === "all" || rights.organizations.includes(organizationId));
}

export interface Recipient {
  personId: string;
  email: string;
}

/**
 * Who receives an announcement: people of the Table with an active account and an active role
 * matching the audience. "table": any role; "pivots": pivots and pivot coordinators; an
 * organization: roles held for it (or people of it holding a role in the Table);
 * "organization_pivots": that organization's pivots and pivot coordinators. The author is left out.
 */
export async function resolveAudience(
  db: Database,
  input: { partnershipId: string; audience: AnnouncementAudience; organizationId: string | null; authorPersonId: string },
): Promise<Recipient[]> {
  const where: SQL[] = [eq(roleAssignment.partnershipId, input.partnershipId), isNull(roleAssignment.revokedAt), eq(person.partnershipId, input.partnershipId)];
  if (input.audience === "pivots") where.push(inArray(roleAssignment.role, PIVOT_ROLES));
  if (input.audience === "organization_pivots") {
    where.push(inArray(roleAssignment.role, PIVOT_ROLES), eq(roleAssignment.organizationId, input.organizationId ?? ""));
  }
  if (input.audience === "organization") {
    where.push(or(eq(roleAssignment.organizationId, input.organizationId ?? ""), eq(person.organizationId, input.organizationId ?? "")) as SQL);
  }
  const rows = await db
    .selectDistinct({ personId: person.id, email: account.email })
    .from(roleAssignment)
    .innerJoin(person, eq(person.id, roleAssignment.personId))
    .innerJoin(account, and(eq(account.personId, person.id), eq(account.status, "active")))
    .where(and(...where));
  return rows.filter((r) => r.personId !== input.authorPersonId);
}
