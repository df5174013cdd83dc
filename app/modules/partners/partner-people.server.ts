import { and, asc, eq, inArray, isNull, or } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { isCurrentDesignation } from "../directory/current.server.ts";
import { pivotDesignation } from "../directory/tables.ts";
import { site } from "../governance/tables.ts";
import { person, roleAssignment } from "../people/tables.ts";
import { partnerDelegateTerm } from "./tables.ts";

export interface PartnerPerson {
  personId: string;
  givenName: string;
  familyName: string;
  title: string;
  email: string;
}

export interface PartnerPeople {
  delegates: PartnerPerson[];
  substitutes: PartnerPerson[];
  pivotCoordinators: PartnerPerson[];
  pivots: (PartnerPerson & { siteName: string | null; rank: "primary" | "backup" })[];
  trainers: PartnerPerson[];
}

const personColumns = { personId: person.id, givenName: person.givenName, familyName: person.familyName, title: person.title, email: person.email };

const dedupe = <T extends { personId: string }>(rows: T[]): T[] => [...new Map(rows.map((r) => [r.personId, r])).values()];

/**
 * The people of an organization by their part in the partnership: delegates (table_member
 * role), substitutes (open substitute terms), pivot coordinators, pivots (current designations)
 * and trainers (trainer role held for the organization, or Table-wide by one of its people).
 */
export async function listPartnerPeople(db: Database, partnershipId: string, organizationId: string, today: string): Promise<PartnerPeople> {
  const roles = await db
    .select({ ...personColumns, role: roleAssignment.role })
    .from(roleAssignment)
    .innerJoin(person, eq(person.id, roleAssignment.personId))
    .where(
      and(
        eq(roleAssignment.partnershipId, partnershipId),
        isNull(roleAssignment.revokedAt),
        inArray(roleAssignment.role, ["table_member", "pivot_coordinator", "trainer"]),
        or(
          eq(roleAssignment.organizationId, organizationId),
          and(isNull(roleAssignment.organizationId), eq(roleAssignment.role, "trainer"), eq(person.organizationId, organizationId)),
        ),
      ),
    )
    .orderBy(asc(person.familyName), asc(person.givenName));
  const substituteTerms = await db
    .select({ ...personColumns, since: partnerDelegateTerm.since, until: partnerDelegateTerm.until })
    .from(partnerDelegateTerm)
    .innerJoin(person, eq(person.id, partnerDelegateTerm.personId))
    .where(
      and(
        eq(partnerDelegateTerm.partnershipId, partnershipId),
        eq(partnerDelegateTerm.organizationId, organizationId),
        eq(partnerDelegateTerm.kind, "substitute"),
      ),
    );
  const substitutes = substituteTerms
    .filter((t) => t.since <= today && (!t.until || t.until >= today))
    .map(({ since: _since, until: _until, ...p }) => p);
  const pivots = await db
    .select({ ...personColumns, siteName: site.name, rank: pivotDesignation.rank })
    .from(pivotDesignation)
    .innerJoin(person, eq(person.id, pivotDesignation.personId))
    .leftJoin(site, eq(site.id, pivotDesignation.siteId))
    .where(and(eq(pivotDesignation.partnershipId, partnershipId), eq(pivotDesignation.organizationId, organizationId), isCurrentDesignation(today)))
    .orderBy(asc(person.familyName), asc(person.givenName));
  const byRole = (role: string) => dedupe(roles.filter((r) => r.role === role).map(({ role: _role, ...p }) => p));
  return {
    // A substitute also holds the table_member role (to stand in); shown once, as substitute.
    delegates: byRole("table_member").filter((d) => !substitutes.some((s) => s.personId === d.personId)),
    substitutes: dedupe(substitutes),
    pivotCoordinators: byRole("pivot_coordinator"),
    pivots: dedupe(pivots.map((p) => ({ ...p, siteName: p.siteName ?? null }))),
    trainers: byRole("trainer"),
  };
}
