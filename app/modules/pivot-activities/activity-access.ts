import type { HeldRole } from "../authz/decide.ts";
import { organizationsWhere } from "../authz/decide.ts";

export interface ActivityEditor {
  personId: string;
  /** Organizations the person logs activities for (pivot or pivot coordinator there). */
  logOrganizations: string[];
  /** Organizations whose pivots the person coordinates: they may correct any of its activities. */
  coordinatedOrganizations: string[];
}

export function activityEditor(user: { personId: string; roles: readonly HeldRole[] }, partnershipId: string): ActivityEditor {
  const orgs = organizationsWhere(user.roles, "activity.log", partnershipId);
  return {
    personId: user.personId,
    // activity.log has no Table-wide rule, so "all" never happens; treat it as none to stay closed.
    logOrganizations: orgs === "all" ? [] : orgs,
    coordinatedOrganizations: user.roles
      .filter((r) => r.role === "pivot_coordinator" && r.partnershipId === partnershipId && r.organizationId)
      .map((r) => r.organizationId as string),
  };
}

/** Whether the feed shows an edit link on this activity (the server checks again on the edit page). */
export function canEditActivity(editor: ActivityEditor, activity: { personId: string; organizationId: string }): boolean {
  return (
    (activity.personId === editor.personId && editor.logOrganizations.includes(activity.organizationId)) ||
    editor.coordinatedOrganizations.includes(activity.organizationId)
  );
}
