import { and, eq, inArray, ne, sql } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { addressedTo, viewerReach, type Viewer } from "./access.server.ts";
import { consultation } from "./tables.ts";

export interface ConsultationNeeds {
  /** Addressed to the viewer, urgent, not answered yet (new or taken). */
  urgent: number;
  /** Addressed to the viewer, new, not urgent (the urgent ones are counted above). */
  fresh: number;
  /** Asked by the viewer and answered: the reply waits to be read and the thread closed. */
  answered: number;
}

/**
 * Counts only: no title is read, so nothing is audited (listing titles is). Scoped to the
 * viewer's Table and to the consultations the viewer asked or that are addressed to them.
 */
export async function consultationNeeds(db: Database, viewer: Viewer, today?: string): Promise<ConsultationNeeds> {
  const reach = await viewerReach(db, viewer, today);
  const toMe = and(addressedTo(viewer, reach), ne(consultation.askerPersonId, viewer.personId));
  const high = eq(consultation.urgency, "high");
  const [row] = await db
    .select({
      urgent: sql<number>`count(*) filter (where ${and(toMe, high, inArray(consultation.status, ["new", "taken"]))})::int`,
      fresh: sql<number>`count(*) filter (where ${and(toMe, ne(consultation.urgency, "high"), eq(consultation.status, "new"))})::int`,
      answered: sql<number>`count(*) filter (where ${and(eq(consultation.askerPersonId, viewer.personId), eq(consultation.status, "answered"))})::int`,
    })
    .from(consultation)
    .where(and(eq(consultation.partnershipId, viewer.partnershipId), inArray(consultation.status, ["new", "taken", "answered"])));
  return { urgent: Number(row?.urgent ?? 0), fresh: Number(row?.fresh ?? 0), answered: Number(row?.answered ?? 0) };
}

/** The header's Consultations badge: new ones addressed to the viewer (urgent or not). */
export async function countNewConsultations(db: Database, viewer: Viewer): Promise<number> {
  const reach = await viewerReach(db, viewer);
  if (!reach.pivotOrganizationIds.length && !viewer.roles.some((r) => r.role === "pivot")) return 0;
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(consultation)
    .where(
      and(
        eq(consultation.partnershipId, viewer.partnershipId),
        eq(consultation.status, "new"),
        addressedTo(viewer, reach),
        ne(consultation.askerPersonId, viewer.personId),
      ),
    );
  return Number(row?.n ?? 0);
}
