import { and, eq, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client.server.ts";
import { invitedTo, type MeetingAccess } from "../meeting-access.server.ts";
import { responsibility } from "./tables.ts";

const never = sql`false`;

/**
 * The responsibilities a person sees (always inside the Table): Table-wide ones for those who see
 * every Table meeting, their organization's own (organization-only) ones, the ones they own or
 * their organization owns, the ones they created, and those of a meeting they were invited to.
 * Someone without meeting.view (worker, evaluator, privacy officer) sees only what they own, or
 * what an organization they answer for owns.
 */
export function visibleResponsibilities(db: Database, access: MeetingAccess): SQL {
  if (!access.viewMeetings) return and(eq(responsibility.partnershipId, access.partnershipId), ownedWhere(access)) as SQL;
  return and(
    eq(responsibility.partnershipId, access.partnershipId),
    or(
      access.viewAll ? isNull(responsibility.scopeOrganizationId) : never,
      access.followupOrgs.length ? inArray(responsibility.scopeOrganizationId, access.followupOrgs) : never,
      eq(responsibility.ownerPersonId, access.personId),
      access.ownOrgIds.length ? inArray(responsibility.ownerOrganizationId, access.ownOrgIds) : never,
      eq(responsibility.createdByPersonId, access.personId),
      invitedTo(db, responsibility.meetingId, access.personId),
    ),
  ) as SQL;
}

/** Owned by me, or by an organization I answer for (delegate, pivot coordinator). */
function ownedWhere(access: MeetingAccess): SQL {
  return or(
    eq(responsibility.ownerPersonId, access.personId),
    access.answerForOrgIds.length ? inArray(responsibility.ownerOrganizationId, access.answerForOrgIds) : never,
  ) as SQL;
}

/** "Mine": owned by me, or by my organization. */
export function mineWhere(access: MeetingAccess): SQL {
  return or(
    eq(responsibility.ownerPersonId, access.personId),
    access.ownOrgIds.length ? inArray(responsibility.ownerOrganizationId, access.ownOrgIds) : never,
  ) as SQL;
}

interface Scoped {
  scopeOrganizationId: string | null;
  createdByPersonId: string | null;
  ownerPersonId: string | null;
  ownerOrganizationId: string | null;
}

/** Edit what / owner / due date: its creator, or who manages meetings of its scope. */
export function canEditResponsibility(access: MeetingAccess, r: Scoped): boolean {
  // Being named owner opens the item, not its editing.
  if (!access.viewMeetings) return false;
  if (r.createdByPersonId === access.personId) return true;
  return r.scopeOrganizationId ? access.manageFollowupOrgs.includes(r.scopeOrganizationId) : access.manageAll;
}

/** Update the status and comment: editors, the owner, and for an organization owner its delegates and pivot coordinator. */
export function canUpdateResponsibility(access: MeetingAccess, r: Scoped): boolean {
  if (canEditResponsibility(access, r)) return true;
  if (r.ownerPersonId === access.personId) return true;
  return !!r.ownerOrganizationId && access.answerForOrgIds.includes(r.ownerOrganizationId);
}
