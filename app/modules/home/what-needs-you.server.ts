import type { Database } from "../db/client.server.ts";
import { can } from "../authz/decide.ts";
import type { Permission } from "../authz/permissions.ts";
import type { CurrentUser } from "../identity/current-user.server.ts";
import { coordinatedOrganizationIds } from "../consultations/access.server.ts";
import { consultationNeeds } from "../consultations/consultation-counts.server.ts";
import { meetingAccess } from "../meetings/meeting-access.server.ts";
import { responsibilitySummary } from "../meetings/responsibilities/responsibility-summary.server.ts";
import { commitmentOverview } from "../partners/commitments.server.ts";
import { listOpenSessionsFor } from "../training/registration.server.ts";
import { quebecDay } from "../time/days.ts";
import { DESIGNATION_ENDING_DAYS, directoryNeeds } from "./directory-needs.server.ts";
import { MEETING_PREPARE_DAYS, meetingsToPrepare, reportsDue } from "./table-needs.server.ts";
import { REPORT_ALERT_DAYS } from "../funding/vocabulary.ts";
import { gridsToFill, sessionsAwaitingMyAvailability, sessionsToStaff } from "./training-needs.server.ts";
import { needOrder, type Need, type NeedKind } from "./needs.ts";

type Member = CurrentUser & { partnershipId: string };

const none = Promise.resolve(null);

/**
 * What needs the person today, for every role they hold in their current Table: one line per
 * kind of work with its count and the page where it is done, most urgent first. Counts only
 * (no confidential title is read); every query is scoped to the Table (and to the person or
 * their organizations) in its WHERE clause, and they run side by side.
 */
export async function whatNeedsYou(db: Database, user: Member, now = new Date()): Promise<Need[]> {
  const partnershipId = user.partnershipId;
  const today = quebecDay(now);
  const may = (p: Permission) => can(user.roles, p, { partnershipId, organizationId: null });
  const holds = (role: CurrentUser["roles"][number]["role"]) => user.roles.some((r) => r.role === role && r.partnershipId === partnershipId);
  const viewer = { personId: user.personId, partnershipId, roles: user.roles };
  const coordinated = coordinatedOrganizationIds(viewer);
  const access = may("responsibility.own") || may("meeting.view") ? meetingAccess(user) : null;

  const [consultations, directory, responsibilities, reports, commitments, meetings, toStaff, availability, grids, open] = await Promise.all([
    holds("pivot") || may("consultation.ask") ? consultationNeeds(db, viewer, today) : none,
    holds("pivot") || coordinated.length ? directoryNeeds(db, { partnershipId, personId: user.personId, coordinatedOrganizationIds: coordinated, now, today }) : none,
    access ? responsibilitySummary(db, access, today) : none,
    may("funding.manage") ? reportsDue(db, partnershipId, today) : none,
    may("commitment.manage") ? commitmentOverview(db, partnershipId, today) : none,
    may("meeting.manage") ? meetingsToPrepare(db, partnershipId, now) : none,
    may("training.manage") ? sessionsToStaff(db, partnershipId, today) : none,
    may("training.availability") ? sessionsAwaitingMyAvailability(db, partnershipId, user.personId, today) : none,
    holds("observer") ? gridsToFill(db, partnershipId, user.personId, today) : none,
    holds("worker") ? listOpenSessionsFor(db, partnershipId, user.personId, now) : none,
  ]);

  const needs: Need[] = [];
  const add = (kind: NeedKind, count: number | undefined, href: string, days?: number) => {
    if (count) needs.push(days ? { kind, count, href, days } : { kind, count, href });
  };
  add("urgentConsultations", consultations?.urgent, "/consultations");
  add("newConsultations", consultations?.fresh, "/consultations");
  add("answeredConsultations", consultations?.answered, "/consultations");
  add("myStaleEntry", directory?.mineStale, "/directory/mine");
  add("staleEntries", directory?.stale, "/directory/stale");
  add("endingDesignations", directory?.ending, "/directory/designations", DESIGNATION_ENDING_DAYS);
  if (access?.manageAll) add("overdueResponsibilities", responsibilities?.overdue, "/responsibilities?filter=overdue");
  else add("myOverdueResponsibilities", responsibilities?.mineOverdue, "/responsibilities/mine");
  if (reports) add(reports.late ? "lateReports" : "dueReports", reports.count, reports.onlyId ? `/funding/${reports.onlyId}` : "/funding", REPORT_ALERT_DAYS);
  add("lateCommitments", commitments?.filter((c) => c.status === "late").length, "/partners/commitments");
  add("dueCommitments", commitments?.filter((c) => c.status === "due").length, "/partners/commitments");
  if (meetings) add("meetingsToPrepare", meetings.count, meetings.onlyId ? `/meetings/${meetings.onlyId}` : "/meetings", MEETING_PREPARE_DAYS);
  add("sessionsToStaff", toStaff ?? 0, "/training/pairs");
  add("availabilityToGive", availability ?? 0, "/training/availability");
  if (grids) add("gridsToFill", grids.count, grids.onlyId ? `/training/sessions/${grids.onlyId}/observation` : "/training/mine");
  add("openTrainings", open?.filter((s) => !s.closed && !s.mine).length, "/training/register");
  return needs.sort((a, b) => needOrder.indexOf(a.kind) - needOrder.indexOf(b.kind));
}
