import type { Database } from "../db/client.server.ts";
import { can } from "../authz/decide.ts";
import type { CurrentUser } from "../identity/current-user.server.ts";
import { countUnread } from "../announcements/announcements.server.ts";
import { postingRights } from "../announcements/audience.server.ts";
import { planSummary, type PlanSummary } from "../action-plan/plan-summary.server.ts";
import { fundingSummary, type FundingSummary } from "../funding/funding-summary.server.ts";
import { loadOpenHandover } from "../handover/handover.server.ts";
import { meetingAccess } from "../meetings/meeting-access.server.ts";
import { meetingSummary, type MeetingSummary } from "../meetings/meeting-summary.server.ts";
import { commitmentOverview } from "../partners/commitments.server.ts";
import { responsibilitySummary, type ResponsibilitySummary } from "../meetings/responsibilities/responsibility-summary.server.ts";
import { quebecDay } from "../time/days.ts";

/**
 * The Table hub (/table): one section per part of the Table's work the person may open, each
 * with the few numbers that tell them where things stand. Every count goes through the owning
 * module's read function, scoped to the person's current Table (and, for meetings and
 * responsibilities, to what they see in it). A section the person may not open is absent (null).
 */
export interface TableSummary {
  partners: { organizations: number; commitments: { signed: number; due: number; late: number } | null };
  meetings: MeetingSummary | null;
  /** showOverdue: the coordinator's overdue view; canList: the full list (/responsibilities, meeting.view). */
  responsibilities: (ResponsibilitySummary & { showOverdue: boolean; canList: boolean }) | null;
  actionPlan: { plan: PlanSummary | null; canEdit: boolean } | null;
  funding: FundingSummary | null;
  handover: { open: boolean; checked: number; total: number } | null;
  announcements: { unread: number; canPost: boolean };
  /** The surveys of the partners: prepared by the coordinator, their results read by the evaluator too. */
  surveys: boolean;
}

export async function tableSummary(db: Database, user: CurrentUser & { partnershipId: string }, now: Date): Promise<TableSummary> {
  const partnershipId = user.partnershipId;
  const target = { partnershipId, organizationId: null };
  const may = (p: Parameters<typeof can>[1]) => can(user.roles, p, target);
  const today = quebecDay(now);
  // Any member may be named owner of a responsibility ("my responsibilities"); meetings need meeting.view.
  const access = may("responsibility.own") || may("meeting.view") ? meetingAccess(user) : null;
  const [overview, meetings, responsibilities, plan, funding, handover, unread] = await Promise.all([
    commitmentOverview(db, partnershipId, today),
    access && may("meeting.view") ? meetingSummary(db, access, now) : null,
    access ? responsibilitySummary(db, access, today) : null,
    may("actionplan.view") ? planSummary(db, partnershipId, Number(today.slice(0, 4))) : undefined,
    may("funding.view") ? fundingSummary(db, partnershipId, today) : null,
    may("handover.manage") ? loadOpenHandover(db, partnershipId) : undefined,
    countUnread(db, partnershipId, user.personId),
  ]);
  const tally = (status: string) => overview.filter((o) => o.status === status).length;
  return {
    partners: {
      organizations: overview.length,
      commitments: may("commitment.read") ? { signed: tally("signed"), due: tally("due"), late: tally("late") } : null,
    },
    meetings,
    responsibilities:
      access && responsibilities
        ? { ...responsibilities, showOverdue: access.manageAll || access.manageFollowupOrgs.length > 0, canList: may("meeting.view") }
        : null,
    actionPlan: plan === undefined ? null : { plan, canEdit: may("actionplan.edit") },
    funding,
    handover:
      handover === undefined
        ? null
        : { open: !!handover, checked: handover?.items.filter((i) => i.checked).length ?? 0, total: handover?.items.length ?? 0 },
    announcements: { unread, canPost: postingRights(user.roles, partnershipId).audiences.length > 0 },
    surveys: may("survey.manage") || may("survey.results"),
  };
}
