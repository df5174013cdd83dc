import { and, eq, gte, inArray, lt, lte, ne, sql } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { isCurrentDesignation } from "../directory/current.server.ts";
import { readDirectoryFreshnessMonths } from "../directory/directory-settings.server.ts";
import { pivotDesignation } from "../directory/tables.ts";
import { addDays, addMonths } from "../time/days.ts";

/** A designation ending within this many days is announced to its coordinator. */
export const DESIGNATION_ENDING_DAYS = 30;

export interface DirectoryNeeds {
  /** The viewer's own current entries not confirmed within the Table's period. */
  mineStale: number;
  /** Other pivots' current entries in the organizations the viewer coordinates, not confirmed in time (their own is `mineStale`). */
  stale: number;
  /** Designations of those organizations ending within DESIGNATION_ENDING_DAYS. */
  ending: number;
}

/** One query over the Table's current designations: the viewer's own and their organizations'. */
export async function directoryNeeds(
  db: Database,
  input: { partnershipId: string; personId: string; coordinatedOrganizationIds: readonly string[]; now: Date; today: string },
): Promise<DirectoryNeeds> {
  const months = await readDirectoryFreshnessMonths(db, input.partnershipId);
  const stale = lt(pivotDesignation.confirmedAt, addMonths(input.now, -months));
  const mine = eq(pivotDesignation.personId, input.personId);
  const coordinated = input.coordinatedOrganizationIds.length ? inArray(pivotDesignation.organizationId, [...input.coordinatedOrganizationIds]) : sql`false`;
  const ending = and(gte(pivotDesignation.until, input.today), lte(pivotDesignation.until, addDays(input.today, DESIGNATION_ENDING_DAYS)));
  const [row] = await db
    .select({
      mineStale: sql<number>`count(*) filter (where ${and(mine, stale)})::int`,
      stale: sql<number>`count(*) filter (where ${and(coordinated, stale, ne(pivotDesignation.personId, input.personId))})::int`,
      ending: sql<number>`count(*) filter (where ${and(coordinated, ending)})::int`,
    })
    .from(pivotDesignation)
    .where(and(eq(pivotDesignation.partnershipId, input.partnershipId), isCurrentDesignation(input.today)));
  return { mineStale: Number(row?.mineStale ?? 0), stale: Number(row?.stale ?? 0), ending: Number(row?.ending ?? 0) };
}
