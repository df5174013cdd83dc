import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import { pivotDesignation } from "./tables.ts";

/** The organizations a manager may act in: "all" (Table-wide) or a list. */
export type OrganizationScope = "all" | readonly string[];

/** WHERE clause of designations a manager may see or change: their Table, and their organizations. */
export function designationScope(partnershipId: string, organizationIds: OrganizationScope): SQL {
  if (organizationIds === "all") return eq(pivotDesignation.partnershipId, partnershipId);
  if (organizationIds.length === 0) return sql`false`;
  return and(eq(pivotDesignation.partnershipId, partnershipId), inArray(pivotDesignation.organizationId, [...organizationIds]))!;
}

export function inOrganizationScope(organizationIds: OrganizationScope, organizationId: string): boolean {
  return organizationIds === "all" || organizationIds.includes(organizationId);
}
