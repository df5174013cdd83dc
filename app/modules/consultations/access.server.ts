import { and, eq, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import type { HeldRole } from "../authz/decide.ts";
import { isCurrentDesignation } from "../directory/current.server.ts";
import { pivotDesignation } from "../directory/tables.ts";
import { consultation } from "./tables.ts";
import { quebecDay } from "../time/days.ts";

/** Who is looking: the signed-in person, in their current Table. */
export interface Viewer {
  personId: string;
  partnershipId: string;
  roles: readonly HeldRole[];
}

/** What the viewer may reach, computed once per request. */
export interface ViewerReach {
  /** Organizations where the viewer is a current pivot (désignation en vigueur). */
  pivotOrganizationIds: string[];
  /** Organizations whose pivots the viewer coordinates. */
  coordinatedOrganizationIds: string[];
}

export async function currentPivotOrganizationIds(db: Database, viewer: Viewer, today = quebecDay()): Promise<string[]> {
  const rows = await db
    .selectDistinct({ organizationId: pivotDesignation.organizationId })
    .from(pivotDesignation)
    .where(
      and(
        eq(pivotDesignation.partnershipId, viewer.partnershipId),
        eq(pivotDesignation.personId, viewer.personId),
        isCurrentDesignation(today),
      ),
    );
  return rows.map((r) => r.organizationId);
}

export function coordinatedOrganizationIds(viewer: Viewer): string[] {
  const ids = viewer.roles
    .filter((r) => r.role === "pivot_coordinator" && r.partnershipId === viewer.partnershipId && r.organizationId)
    .map((r) => r.organizationId as string);
  return [...new Set(ids)];
}

export async function viewerReach(db: Database, viewer: Viewer, today?: string): Promise<ViewerReach> {
  return {
    pivotOrganizationIds: await currentPivotOrganizationIds(db, viewer, today),
    coordinatedOrganizationIds: coordinatedOrganizationIds(viewer),
  };
}

const none = sql`false`;
const within = (column: typeof consultation.targetOrganizationId, ids: string[]): SQL => (ids.length ? inArray(column, ids) : none);

/** Addressed to the viewer: to them by name, or to an organization where they are a pivot now. */
export function addressedTo(viewer: Viewer, reach: ViewerReach): SQL {
  return or(
    eq(consultation.targetPersonId, viewer.personId),
    eq(consultation.takenByPersonId, viewer.personId),
    and(isNull(consultation.targetPersonId), within(consultation.targetOrganizationId, reach.pivotOrganizationIds)),
  )!;
}

/**
 * The one confidentiality rule, in the WHERE clause of every query that reads a consultation:
 * same Table, and the viewer is the asker, an addressed pivot (or the one who took it), or a
 * pivot coordinator of the target organization. Nobody else: not a platform admin, not the
 * Table coordination (SPEC §4, confidentiality by default).
 */
export function readableBy(viewer: Viewer, reach: ViewerReach): SQL {
  return and(
    eq(consultation.partnershipId, viewer.partnershipId),
    or(
      eq(consultation.askerPersonId, viewer.personId),
      addressedTo(viewer, reach),
      within(consultation.targetOrganizationId, reach.coordinatedOrganizationIds),
    ),
  )!;
}

/** The viewer's side in a consultation they can read. */
export type Side = "asker" | "responder";

export function sideOf(
  row: { askerPersonId: string },
  viewer: Viewer,
): Side {
  return row.askerPersonId === viewer.personId ? "asker" : "responder";
}

/** The viewer of a signed-in user, or null outside any Table (nothing to read there). */
export function viewerOf(user: { personId: string; partnershipId: string | null; organizationId: string | null; roles: readonly HeldRole[] }):
  | (Viewer & { organizationId: string | null })
  | null {
  if (!user.partnershipId) return null;
  return { personId: user.personId, partnershipId: user.partnershipId, organizationId: user.organizationId, roles: user.roles };
}
