import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import { person } from "./tables.ts";

/** Which organizations' people the reader may see: a whole Table or a list (pivot coordinators). */
export type OrganizationScope = "all" | readonly string[];

/**
 * The WHERE clause every people query starts from: the Table, and for a pivot coordinator only
 * their organizations' people. A person outside it is treated exactly like a missing one.
 */
export function personScope(partnershipId: string, organizationIds: OrganizationScope): SQL {
  if (organizationIds === "all") return eq(person.partnershipId, partnershipId);
  if (organizationIds.length === 0) return sql`false`;
  return and(eq(person.partnershipId, partnershipId), inArray(person.organizationId, [...organizationIds])) as SQL;
}

export function inScope(organizationId: string | null, organizationIds: OrganizationScope): boolean {
  return organizationIds === "all" || (!!organizationId && organizationIds.includes(organizationId));
}
