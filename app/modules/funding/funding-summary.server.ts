import type { Database } from "../db/client.server.ts";
import { listGrants } from "./read-funding.server.ts";

export interface FundingSummary {
  /** Grants in force today. */
  active: number;
  /** The next report not yet submitted, among the grants in force. */
  nextReportOn: string | null;
  /** The first end among the grants in force ("fin de la subvention"). */
  firstEndOn: string | null;
}

/** The Table's funding in three facts, for the Table hub (a Table has a handful of grants). */
export async function fundingSummary(db: Database, partnershipId: string, today: string): Promise<FundingSummary> {
  const active = (await listGrants(db, partnershipId)).filter((g) => g.startsOn <= today && g.endsOn >= today);
  const first = (dates: string[]) => dates.sort()[0] ?? null;
  return {
    active: active.length,
    nextReportOn: first(active.flatMap((g) => (g.nextReport ? [g.nextReport.dueOn] : []))),
    firstEndOn: first(active.map((g) => g.endsOn)),
  };
}
