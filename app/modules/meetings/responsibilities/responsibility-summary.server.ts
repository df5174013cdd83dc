import { and, inArray, lt, sql } from "drizzle-orm";
import type { Database } from "../../db/client.server.ts";
import type { MeetingAccess } from "../meeting-access.server.ts";
import { mineWhere, visibleResponsibilities } from "./responsibility-access.server.ts";
import { responsibility } from "./tables.ts";
import { openStatuses } from "./vocabulary.ts";

export interface ResponsibilitySummary {
  /** Open (to do, in progress) and owned by me or my organization. */
  mineOpen: number;
  mineOverdue: number;
  /** Open and past due among all the responsibilities the person sees (the coordinator's overdue view). */
  overdue: number;
}

/** Counts for the Table hub, in one query over the responsibilities the person sees. */
export async function responsibilitySummary(db: Database, access: MeetingAccess, today: string): Promise<ResponsibilitySummary> {
  const open = inArray(responsibility.status, [...openStatuses]);
  const late = lt(responsibility.dueOn, today);
  const mine = mineWhere(access);
  const [row] = await db
    .select({
      mineOpen: sql<number>`count(*) filter (where ${mine})::int`,
      mineOverdue: sql<number>`count(*) filter (where ${and(mine, late)})::int`,
      overdue: sql<number>`count(*) filter (where ${late})::int`,
    })
    .from(responsibility)
    .where(and(visibleResponsibilities(db, access), open));
  return { mineOpen: Number(row?.mineOpen ?? 0), mineOverdue: Number(row?.mineOverdue ?? 0), overdue: Number(row?.overdue ?? 0) };
}
