import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { can } from "../authz/decide.ts";
import type { CurrentUser } from "../identity/current-user.server.ts";
import { actionPlan, actionPlanAction } from "../action-plan/tables.ts";
import { evaluationRecommendation } from "../evaluation-reports/tables.ts";
import { getGuideSection } from "../guide/read-guide.server.ts";
import { toReaderSection } from "../guide/published-guide.server.ts";
import { meetingAccess, visibleMeetings } from "../meetings/meeting-access.server.ts";
import { meeting, meetingAgendaItem } from "../meetings/tables.ts";
import { isPivotMeetingKind } from "../meetings/vocabulary.ts";
import { forumViewerOf, spaceAccess, type ForumViewer } from "./access.server.ts";
import { ensureStandardSpaces } from "./ensure-spaces.server.ts";
import { forumSpace, forumThread } from "./tables.ts";
import type { SubjectType } from "./vocabulary.ts";

export type SubjectUser = Pick<CurrentUser, "personId" | "roles" | "organizationId" | "locale"> & { partnershipId: string };

/**
 * Where an object's talk lives. The rule is "the thread's readers are a subset of the object's
 * readers":
 * - a guide section (read by every member of the Table) → the whole network's space;
 * - an agenda item of a pivot meeting → the meeting's own thread's space (the whole network for a
 *   regional meeting, the organization's pivots for a follow-up);
 * - an agenda item of another Table-wide meeting, an action-plan action, an evaluation
 *   recommendation → the Table's own space, read by its coordinator and delegates, who all hold
 *   `meeting.view_all`, `actionplan.view` and `evaluation.view`. Observers and evaluators read
 *   those objects but not the space: they see no thread link.
 */
export type SubjectSpace = { kind: "network" } | { kind: "table" } | { kind: "organization"; organizationId: string };

export interface Subject {
  type: SubjectType;
  id: string;
  /** The object's title in the reader's language (for the thread's title and "About:"). */
  title: string;
  /** Its page, with an anchor to the item where the page lists several. */
  path: string;
  space: SubjectSpace;
}

/**
 * The object if it exists in the user's Table and the user reads it through the object's own
 * access rules; null otherwise (the route answers 404, like a missing object).
 */
export async function resolveSubject(db: Database, user: SubjectUser, type: SubjectType, id: string): Promise<Subject | null> {
  const partnershipId = user.partnershipId;
  const target = { partnershipId, organizationId: null };
  switch (type) {
    case "action_plan_action": {
      if (!can(user.roles, "actionplan.view", target)) return null;
      const [row] = await db
        .select({ id: actionPlanAction.id, title: actionPlanAction.title, year: actionPlan.year })
        .from(actionPlanAction)
        .innerJoin(actionPlan, and(eq(actionPlan.id, actionPlanAction.planId), eq(actionPlan.partnershipId, partnershipId)))
        .where(and(eq(actionPlanAction.partnershipId, partnershipId), eq(actionPlanAction.id, id)));
      return row ? { type, id: row.id, title: row.title, path: `/action-plan/${row.year}#item-${row.id}`, space: { kind: "table" } } : null;
    }
    case "recommendation": {
      if (!can(user.roles, "evaluation.view", target)) return null;
      const [row] = await db
        .select({ id: evaluationRecommendation.id, number: evaluationRecommendation.number, text: evaluationRecommendation.text })
        .from(evaluationRecommendation)
        .where(and(eq(evaluationRecommendation.partnershipId, partnershipId), eq(evaluationRecommendation.id, id)));
      return row ? { type, id: row.id, title: shorten(`${row.number}. ${row.text}`), path: `/evaluation/recommendations/${row.id}`, space: { kind: "table" } } : null;
    }
    case "guide_section": {
      if (!can(user.roles, "partnership.view", target)) return null;
      const entry = await getGuideSection(db, partnershipId, id);
      // Only a published section has readers beyond its writers: only it gets a thread.
      if (!entry?.published) return null;
      const section = toReaderSection({ id: entry.id, isDemo: entry.isDemo, published: entry.published }, user.locale);
      return { type, id: entry.id, title: section.title, path: `/guide/sections/${entry.id}`, space: { kind: "network" } };
    }
    case "agenda_item": {
      const access = meetingAccess({ ...user, partnershipId } as CurrentUser & { partnershipId: string });
      if (!access.viewMeetings) return null;
      const [row] = await db
        .select({ id: meetingAgendaItem.id, title: meetingAgendaItem.title, meetingId: meeting.id, kind: meeting.kind, organizationId: meeting.organizationId })
        .from(meetingAgendaItem)
        .innerJoin(meeting, eq(meeting.id, meetingAgendaItem.meetingId))
        .where(and(eq(meetingAgendaItem.partnershipId, partnershipId), eq(meetingAgendaItem.id, id), visibleMeetings(db, access)));
      if (!row) return null;
      const space = agendaSpace(row);
      return space ? { type, id: row.id, title: row.title, path: `/meetings/${row.meetingId}#item-${row.id}`, space } : null;
    }
  }
}

/** An agenda item talks where its meeting does; an organization's meeting that is not a pivot follow-up has no space. */
export function agendaSpace(m: { kind: string; organizationId: string | null }): SubjectSpace | null {
  if (isPivotMeetingKind(m.kind)) return m.organizationId ? { kind: "organization", organizationId: m.organizationId } : { kind: "network" };
  return m.organizationId ? null : { kind: "table" };
}

function shorten(text: string): string {
  const one = text.replace(/\s+/g, " ").trim();
  return one.length > 140 ? `${one.slice(0, 139)}…` : one;
}

/** The id of the subject's space in the Table (created on first need, like the standard spaces). */
export async function subjectSpaceId(db: Database, partnershipId: string, space: SubjectSpace): Promise<string | null> {
  await ensureStandardSpaces(db, partnershipId, [space.kind]);
  const [row] = await db
    .select({ id: forumSpace.id })
    .from(forumSpace)
    .where(
      and(
        eq(forumSpace.partnershipId, partnershipId),
        eq(forumSpace.kind, space.kind),
        space.kind === "organization" ? eq(forumSpace.organizationId, space.organizationId) : undefined,
      ),
    );
  return row?.id ?? null;
}

/** A page's threads: for each object id that has one, [thread id, messages]. */
export type SubjectThreads = Record<string, [string, number]>;

/**
 * What an object's page shows of its talk, or null when the viewer does not read the space where
 * it lives (then the page shows no link at all, never a link to a 404). The page has already
 * checked the objects themselves; `ids` are the ones it shows.
 */
export async function subjectThreads(
  db: Database,
  viewer: ForumViewer | null,
  type: SubjectType,
  space: SubjectSpace,
  ids: readonly string[],
): Promise<{ threads: SubjectThreads; mayStart: boolean } | null> {
  if (!viewer) return null;
  const spaceId = await subjectSpaceId(db, viewer.partnershipId, space);
  const access = spaceId ? await spaceAccess(db, viewer, spaceId) : null;
  if (!access) return null;
  const rows = ids.length
    ? await db
        .select({ id: forumThread.id, subjectId: forumThread.subjectId, postCount: forumThread.postCount })
        .from(forumThread)
        .where(and(eq(forumThread.partnershipId, viewer.partnershipId), eq(forumThread.spaceId, access.space.id), eq(forumThread.subjectType, type), inArray(forumThread.subjectId, [...ids])))
    : [];
  const threads: SubjectThreads = {};
  for (const r of rows) if (r.subjectId) threads[r.subjectId] = [r.id, r.postCount];
  return { threads, mayStart: access.mayPost };
}

/** `subjectThreads` for an object's page, from the signed-in user (someone outside the network reads no space: null). */
export async function subjectTalk(
  db: Database,
  user: { personId: string; partnershipId: string | null; roles: CurrentUser["roles"] },
  type: SubjectType,
  space: SubjectSpace,
  ids: readonly string[],
): Promise<{ threads: SubjectThreads; mayStart: boolean } | null> {
  return subjectThreads(db, await forumViewerOf(db, user), type, space, ids);
}
