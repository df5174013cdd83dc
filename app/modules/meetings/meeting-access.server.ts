import { and, eq, exists, inArray, isNull, or, sql, type Column, type SQL } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { can, organizationsWhere } from "../authz/decide.ts";
import type { CurrentUser } from "../identity/current-user.server.ts";
import { meeting, meetingInvitation } from "./tables.ts";

/** What one person may see and do with meetings and responsibilities in their current Table. */
export interface MeetingAccess {
  partnershipId: string;
  personId: string;
  /** Holds meeting.view: opens the meetings pages. Without it, only the responsibilities they own. */
  viewMeetings: boolean;
  /** Every Table-wide meeting (and Table-wide responsibility). */
  viewAll: boolean;
  /** Organizations whose follow-ups (and organization-only responsibilities) they see. */
  followupOrgs: string[];
  /** Prepare and close Table-wide meetings; edit Table-wide responsibilities. */
  manageAll: boolean;
  /** Organizations whose follow-ups they prepare and close. */
  manageFollowupOrgs: string[];
  /** "My organization": its responsibilities appear under "my responsibilities". */
  ownOrgIds: string[];
  /** A designated pivot (pivot or pivot coordinator): registers for the pivot meetings they are invited to. */
  mayRegister?: boolean;
  /** Organizations they answer for (delegate, pivot coordinator): may update the status of the organization's items. */
  answerForOrgIds: string[];
}

const list = (v: "all" | string[]): string[] => (v === "all" ? [] : v);

export function meetingAccess(user: CurrentUser & { partnershipId: string }): MeetingAccess {
  const partnershipId = user.partnershipId;
  const target = { partnershipId, organizationId: null };
  const roleOrgs = user.roles.filter((r) => r.partnershipId === partnershipId && r.organizationId).map((r) => r.organizationId as string);
  const answerFor = user.roles
    .filter((r) => r.partnershipId === partnershipId && r.organizationId && (r.role === "table_member" || r.role === "pivot_coordinator"))
    .map((r) => r.organizationId as string);
  return {
    partnershipId,
    personId: user.personId,
    viewMeetings: can(user.roles, "meeting.view", target),
    viewAll: can(user.roles, "meeting.view_all", target),
    followupOrgs: list(organizationsWhere(user.roles, "meeting.followup_view", partnershipId)),
    manageAll: can(user.roles, "meeting.manage", target),
    manageFollowupOrgs: list(organizationsWhere(user.roles, "meeting.followup_manage", partnershipId)),
    mayRegister: can(user.roles, "meeting.register", target),
    ownOrgIds: [...new Set([...(user.organizationId ? [user.organizationId] : []), ...roleOrgs])],
    answerForOrgIds: [...new Set(answerFor)],
  };
}

const never = sql`false`;

/** Invited to the meeting whose id column is given. */
export function invitedTo(db: Database, meetingIdColumn: Column, personId: string): SQL {
  return exists(
    db
      .select({ one: sql`1` })
      .from(meetingInvitation)
      .where(and(eq(meetingInvitation.meetingId, meetingIdColumn), eq(meetingInvitation.personId, personId))),
  );
}

/**
 * The meetings a person sees, as a WHERE (always scoped to the Table): Table-wide ones when they
 * see them all, their organization's follow-ups, and any meeting they are invited to.
 */
export function visibleMeetings(db: Database, access: MeetingAccess): SQL {
  return and(
    eq(meeting.partnershipId, access.partnershipId),
    or(
      access.viewAll ? isNull(meeting.organizationId) : never,
      access.followupOrgs.length ? inArray(meeting.organizationId, access.followupOrgs) : never,
      invitedTo(db, meeting.id, access.personId),
    ),
  ) as SQL;
}

/** May prepare, edit, hold and close this meeting. */
export function canManageMeeting(access: MeetingAccess, m: { organizationId: string | null }): boolean {
  return m.organizationId ? access.manageFollowupOrgs.includes(m.organizationId) : access.manageAll;
}

/** May create a meeting at all (Table-wide or for one of their organizations). */
export function canCreateMeetings(access: MeetingAccess): boolean {
  return access.manageAll || access.manageFollowupOrgs.length > 0;
}
