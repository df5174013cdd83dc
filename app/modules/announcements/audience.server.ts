import { and, asc, eq, inArray, isNull, or, type SQL } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { can, organizationsWhere, type HeldRole } from "../authz/decide.ts";
import { account, type Role } from "../identity/tables.ts";
import { person, roleAssignment } from "../people/tables.ts";
import { isCurrentDesignation } from "../directory/current.server.ts";
import { pivotDesignation } from "../directory/tables.ts";
import { quebecDay } from "../time/days.ts";
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
  /** Null for a pivot whose account is not active yet: they read it once signed in (their invitation is their email). */
  email: string | null;
}

/**
 * Who receives an announcement. "table": people of the Table with an active account and an
 * active role; an organization: roles held for it (or people of it holding a role in the
 * Table). "pivots": every pivot designated today in the Table, and the holders of the pivot
 * and pivot coordinator roles; "organization_pivots": the same within that organization. The
 * pivots audiences count designations, not only accounts: a pivot without an active account is
 * a recipient (not emailed). The author is left out.
 */
export async function resolveAudience(
  db: Database,
  input: { partnershipId: string; audience: AnnouncementAudience; organizationId: string | null; authorPersonId: string },
  today = quebecDay(),
): Promise<Recipient[]> {
  const rows = input.audience === "pivots" || input.audience === "organization_pivots" ? await pivotsAudience(db, input, today) : await rolesAudience(db, input);
  return rows.filter((r) => r.personId !== input.authorPersonId);
}

async function rolesAudience(db: Database, input: { partnershipId: string; audience: AnnouncementAudience; organizationId: string | null }): Promise<Recipient[]> {
  const where: SQL[] = [eq(roleAssignment.partnershipId, input.partnershipId), isNull(roleAssignment.revokedAt), eq(person.partnershipId, input.partnershipId)];
  if (input.audience === "organization") {
    where.push(or(eq(roleAssignment.organizationId, input.organizationId ?? ""), eq(person.organizationId, input.organizationId ?? "")) as SQL);
  }
  return db
    .selectDistinct({ personId: person.id, email: account.email })
    .from(roleAssignment)
    .innerJoin(person, eq(person.id, roleAssignment.personId))
    .innerJoin(account, and(eq(account.personId, person.id), eq(account.status, "active")))
    .where(and(...where));
}

async function pivotsAudience(db: Database, input: { partnershipId: string; audience: AnnouncementAudience; organizationId: string | null }, today: string): Promise<Recipient[]> {
  const oneOrganization = input.audience === "organization_pivots";
  const designated = await db
    .selectDistinct({ personId: pivotDesignation.personId })
    .from(pivotDesignation)
    .where(
      and(
        eq(pivotDesignation.partnershipId, input.partnershipId),
        isCurrentDesignation(today),
        oneOrganization ? eq(pivotDesignation.organizationId, input.organizationId ?? "") : undefined,
      ),
    );
  const holders = await db
    .selectDistinct({ personId: roleAssignment.personId })
    .from(roleAssignment)
    .where(
      and(
        eq(roleAssignment.partnershipId, input.partnershipId),
        isNull(roleAssignment.revokedAt),
        inArray(roleAssignment.role, PIVOT_ROLES),
        oneOrganization ? eq(roleAssignment.organizationId, input.organizationId ?? "") : undefined,
      ),
    );
  const ids = [...new Set([...designated, ...holders].map((r) => r.personId))];
  if (!ids.length) return [];
  const rows = await db
    .select({ personId: person.id, email: account.email })
    .from(person)
    .leftJoin(account, and(eq(account.personId, person.id), eq(account.status, "active")))
    .where(and(inArray(person.id, ids), eq(person.partnershipId, input.partnershipId)))
    .orderBy(asc(person.familyName), asc(person.givenName));
  return rows.map((r) => ({ personId: r.personId, email: r.email ?? null }));
}
