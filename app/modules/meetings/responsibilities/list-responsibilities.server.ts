import { and, asc, eq, inArray, lt, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "../../db/client.server.ts";
import { actionPlanObjective } from "../../action-plan/tables.ts";
import { organization } from "../../governance/tables.ts";
import { person } from "../../people/tables.ts";
import { visibleMeetings, type MeetingAccess } from "../meeting-access.server.ts";
import { meeting } from "../tables.ts";
import { canEditResponsibility, canUpdateResponsibility, mineWhere, visibleResponsibilities } from "./responsibility-access.server.ts";
import { responsibility, responsibilityComment } from "./tables.ts";
import { openStatuses, type ResponsibilityFilter, type ResponsibilityStatus } from "./vocabulary.ts";

export interface ResponsibilityRow {
  id: string;
  what: string;
  status: ResponsibilityStatus;
  dueOn: string;
  overdue: boolean;
  owner: string;
  ownerKind: "person" | "organization";
  ownerPersonId: string | null;
  ownerOrganizationId: string | null;
  meetingId: string | null;
  meetingTitle: string | null;
  /** Whether the reader opens that meeting: pages link to it only then (no link answering 404). */
  meetingVisible: boolean;
  agendaItemId: string | null;
  objectiveTitle: string | null;
  droppedReason: string;
  version: number;
}

const ownerOrg = alias(organization, "owner_org");

export interface ResponsibilityQuery {
  filter?: ResponsibilityFilter;
  mine?: boolean;
  /** "person:<id>" or "organization:<id>". */
  owner?: string | null;
  meetingId?: string | null;
  /** Ids to restrict to (e.g. the open items linked to a follow-up agenda item). */
  ids?: string[];
  /** Today on the Québec calendar, "YYYY-MM-DD". */
  today: string;
}

function filterWhere(filter: ResponsibilityFilter, today: string): SQL | undefined {
  switch (filter) {
    case "open":
      return inArray(responsibility.status, [...openStatuses]);
    case "overdue":
      return and(inArray(responsibility.status, [...openStatuses]), lt(responsibility.dueOn, today));
    case "done":
      return eq(responsibility.status, "done");
    case "dropped":
      return eq(responsibility.status, "dropped");
    default:
      return undefined;
  }
}

function ownerWhere(owner: string | null | undefined): SQL | undefined {
  const m = /^(person|organization):([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i.exec(owner ?? "");
  if (!m) return undefined;
  return m[1] === "person" ? eq(responsibility.ownerPersonId, m[2]!.toLowerCase()) : eq(responsibility.ownerOrganizationId, m[2]!.toLowerCase());
}

/** The responsibilities the person sees, filtered; open ones first by due date. */
export async function listResponsibilities(db: Database, access: MeetingAccess, q: ResponsibilityQuery): Promise<ResponsibilityRow[]> {
  if (q.ids && q.ids.length === 0) return [];
  const rows = await db
    .select({
      r: responsibility,
      personGiven: person.givenName,
      personFamily: person.familyName,
      orgName: ownerOrg.nameFr,
      orgAcronym: ownerOrg.acronym,
      meetingTitle: meeting.title,
      meetingVisible: access.viewMeetings ? sql<boolean>`coalesce((${visibleMeetings(db, access)}), false)` : sql<boolean>`false`,
      objectiveTitle: actionPlanObjective.title,
    })
    .from(responsibility)
    .leftJoin(person, eq(person.id, responsibility.ownerPersonId))
    .leftJoin(ownerOrg, eq(ownerOrg.id, responsibility.ownerOrganizationId))
    .leftJoin(meeting, eq(meeting.id, responsibility.meetingId))
    .leftJoin(actionPlanObjective, eq(actionPlanObjective.id, responsibility.objectiveId))
    .where(
      and(
        visibleResponsibilities(db, access),
        q.mine ? mineWhere(access) : undefined,
        filterWhere(q.filter ?? "all", q.today),
        ownerWhere(q.owner),
        q.meetingId ? eq(responsibility.meetingId, q.meetingId) : undefined,
        q.ids ? inArray(responsibility.id, q.ids) : undefined,
      ),
    )
    .orderBy(asc(responsibility.dueOn), asc(responsibility.createdAt));
  const list = rows.map(({ r, ...x }) => ({
    id: r.id,
    what: r.what,
    status: r.status,
    dueOn: r.dueOn,
    overdue: openStatuses.includes(r.status) && r.dueOn < q.today,
    owner: r.ownerPersonId ? `${x.personGiven ?? ""} ${x.personFamily ?? ""}`.trim() : x.orgAcronym || x.orgName || "",
    ownerKind: (r.ownerPersonId ? "person" : "organization") as "person" | "organization",
    ownerPersonId: r.ownerPersonId,
    ownerOrganizationId: r.ownerOrganizationId,
    meetingId: r.meetingId,
    meetingTitle: x.meetingTitle,
    meetingVisible: !!r.meetingId && x.meetingVisible === true,
    agendaItemId: r.agendaItemId,
    objectiveTitle: x.objectiveTitle,
    droppedReason: r.droppedReason,
    version: r.version,
  }));
  const open = (s: ResponsibilityStatus) => (openStatuses.includes(s) ? 0 : 1);
  return list.sort((a, b) => open(a.status) - open(b.status));
}

/** One responsibility the person sees, with its thread and what they may do. */
export async function getResponsibility(db: Database, access: MeetingAccess, id: string, today: string) {
  const [row] = await listResponsibilities(db, access, { ids: [id], today });
  if (!row) return null;
  const [raw] = await db.select().from(responsibility).where(and(eq(responsibility.partnershipId, access.partnershipId), eq(responsibility.id, id)));
  const comments = await db
    .select({ id: responsibilityComment.id, body: responsibilityComment.body, createdAt: responsibilityComment.createdAt, given: person.givenName, family: person.familyName })
    .from(responsibilityComment)
    .leftJoin(person, eq(person.id, responsibilityComment.authorPersonId))
    .where(and(eq(responsibilityComment.partnershipId, access.partnershipId), eq(responsibilityComment.responsibilityId, id)))
    .orderBy(asc(responsibilityComment.createdAt));
  return {
    ...row,
    createdAt: raw!.createdAt,
    completedAt: raw!.completedAt,
    objectiveId: raw!.objectiveId,
    canEdit: canEditResponsibility(access, raw!),
    canUpdate: canUpdateResponsibility(access, raw!),
    comments: comments.map((c) => ({ id: c.id, body: c.body, createdAt: c.createdAt, author: `${c.given ?? ""} ${c.family ?? ""}`.trim() })),
  };
}

/** Owners offered by the filters: people and organizations that own something the person sees. */
export function ownerOptions(rows: readonly ResponsibilityRow[]): { value: string; label: string }[] {
  const seen = new Map<string, string>();
  for (const r of rows) seen.set(r.ownerPersonId ? `person:${r.ownerPersonId}` : `organization:${r.ownerOrganizationId}`, r.owner);
  return [...seen.entries()].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label, "fr"));
}

