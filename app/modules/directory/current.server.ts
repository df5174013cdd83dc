import { and, gte, isNull, lte, or, type SQL } from "drizzle-orm";
import { pivotDesignation } from "./tables.ts";

/** A designation in force on `today` (YYYY-MM-DD): started, and not ended before today. */
export function isCurrentDesignation(today: string): SQL {
  return and(lte(pivotDesignation.since, today), or(isNull(pivotDesignation.until), gte(pivotDesignation.until, today)))!;
}
