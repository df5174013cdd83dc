import { and, eq, exists, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import type { HeldRole } from "../authz/decide.ts";
import { organization } from "../governance/tables.ts";
import { roleAssignment } from "../people/tables.ts";
import { forumSpace, forumSpaceMember } from "./tables.ts";
import { networkRoles, tableSpaceRoles, type PostingRule, type SpaceKind } from "./vocabulary.ts";

/**
 * Who is looking at the network, computed once per request: the organizations they take part
 * for (as pivot, pivot coordinator or delegate), those organizations' types (their milieux), the
 * organizations whose pivots they coordinate, and whether they coordinate the Table.
 */
export interface ForumViewer {
  personId: string;
  partnershipId: string;
  organizationIds: string[];
  milieux: string[];
  coordinatedOrganizationIds: string[];
  coordinatedMilieux: string[];
  isTableCoordinator: boolean;
  isPivotCoordinator: boolean;
  /** A delegate of the Table (table_member) or its coordinator: reads the Table's own space. */
  isTableDelegate?: boolean;
}

const NETWORK_ROLES: readonly string[] = networkRoles;
const TABLE_SPACE_ROLES: readonly string[] = tableSpaceRoles;

export async function forumViewerOf(db: Database, user: { personId: string; partnershipId: string | null; roles: readonly HeldRole[] }): Promise<ForumViewer | null> {
  const partnershipId = user.partnershipId;
  if (!partnershipId) return null;
  const mine = user.roles.filter((r) => r.partnershipId === partnershipId && NETWORK_ROLES.includes(r.role));
  if (!mine.length) return null;
  const organizationIds = [...new Set(mine.filter((r) => r.organizationId).map((r) => r.organizationId!))];
  const coordinatedOrganizationIds = [...new Set(mine.filter((r) => r.role === "pivot_coordinator" && r.organizationId).map((r) => r.organizationId!))];
  const types = organizationIds.length
    ? await db
        .select({ id: organization.id, type: organization.type })
        .from(organization)
        .where(and(eq(organization.partnershipId, partnershipId), inArray(organization.id, organizationIds)))
    : [];
  return {
    personId: user.personId,
    partnershipId,
    organizationIds,
    milieux: [...new Set(types.map((t) => t.type as string))],
    coordinatedOrganizationIds,
    coordinatedMilieux: [...new Set(types.filter((t) => coordinatedOrganizationIds.includes(t.id)).map((t) => t.type as string))],
    isTableCoordinator: mine.some((r) => r.role === "table_coordinator"),
    isPivotCoordinator: coordinatedOrganizationIds.length > 0,
    isTableDelegate: mine.some((r) => TABLE_SPACE_ROLES.includes(r.role)),
  };
}

const none = sql`false`;

/**
 * The one reading rule, in the WHERE clause of every query that reaches a space, a thread or
 * a post: same Table, and the whole network; a milieu of one's organizations; one's own
 * organization's space; a working group one is a member of; the Table's own space for its
 * delegates. The Table coordinator reads every space (they moderate the network). Nobody else:
 * other spaces answer 404.
 */
export function readableSpaces(viewer: ForumViewer): SQL {
  const member = exists(
    sql`(select 1 from ${forumSpaceMember} where ${forumSpaceMember.spaceId} = ${forumSpace.id} and ${forumSpaceMember.personId} = ${viewer.personId})`,
  );
  return and(
    eq(forumSpace.partnershipId, viewer.partnershipId),
    isNull(forumSpace.archivedAt),
    viewer.isTableCoordinator
      ? sql`true`
      : or(
          eq(forumSpace.kind, "network"),
          and(eq(forumSpace.kind, "milieu"), viewer.milieux.length ? inArray(forumSpace.milieu, viewer.milieux) : none),
          and(eq(forumSpace.kind, "organization"), viewer.organizationIds.length ? inArray(forumSpace.organizationId, viewer.organizationIds) : none),
          and(eq(forumSpace.kind, "group"), member),
          viewer.isTableDelegate ? eq(forumSpace.kind, "table") : none,
        ),
  )!;
}

export interface SpaceRow {
  id: string;
  kind: SpaceKind;
  milieu: string | null;
  organizationId: string | null;
  posting: PostingRule;
  createdByPersonId: string | null;
}

/**
 * Moderators of a space: the Table coordinator everywhere; a pivot coordinator in the whole
 * network, in the milieux and the space of the organizations they coordinate, and in the working
 * groups they belong to (the caller has checked they read it).
 */
export function moderates(viewer: ForumViewer, space: SpaceRow, isMember = false): boolean {
  if (viewer.isTableCoordinator) return true;
  if (!viewer.isPivotCoordinator) return false;
  switch (space.kind) {
    case "network":
      return true;
    case "milieu":
      return !!space.milieu && viewer.coordinatedMilieux.includes(space.milieu);
    case "organization":
      return !!space.organizationId && viewer.coordinatedOrganizationIds.includes(space.organizationId);
    case "group":
      return isMember || space.createdByPersonId === viewer.personId;
    case "table":
      return false;
  }
}

export interface SpaceAccess {
  space: SpaceRow;
  moderator: boolean;
  mayPost: boolean;
}

/** The space if the viewer reads it (else null: the route answers 404), with what they may do there. */
export async function spaceAccess(db: Database, viewer: ForumViewer, spaceId: string): Promise<SpaceAccess | null> {
  const [space] = await db
    .select({
      id: forumSpace.id,
      kind: forumSpace.kind,
      milieu: forumSpace.milieu,
      organizationId: forumSpace.organizationId,
      posting: forumSpace.posting,
      createdByPersonId: forumSpace.createdByPersonId,
      member: sql<boolean>`exists (select 1 from ${forumSpaceMember} where ${forumSpaceMember.spaceId} = ${forumSpace.id} and ${forumSpaceMember.personId} = ${viewer.personId})`,
    })
    .from(forumSpace)
    .where(and(readableSpaces(viewer), eq(forumSpace.id, spaceId)));
  if (!space) return null;
  const { member, ...row } = space;
  const moderator = moderates(viewer, row, member);
  return { space: row, moderator, mayPost: row.posting === "members" || moderator };
}

/** The spaces the viewer moderates (the review queue's scope). */
export async function moderatedSpaceIds(db: Database, viewer: ForumViewer): Promise<string[]> {
  if (!viewer.isTableCoordinator && !viewer.isPivotCoordinator) return [];
  const rows = await db
    .select({
      id: forumSpace.id,
      kind: forumSpace.kind,
      milieu: forumSpace.milieu,
      organizationId: forumSpace.organizationId,
      posting: forumSpace.posting,
      createdByPersonId: forumSpace.createdByPersonId,
      member: sql<boolean>`exists (select 1 from ${forumSpaceMember} where ${forumSpaceMember.spaceId} = ${forumSpace.id} and ${forumSpaceMember.personId} = ${viewer.personId})`,
    })
    .from(forumSpace)
    .where(readableSpaces(viewer));
  return rows.filter(({ member, ...row }) => moderates(viewer, row, member)).map((r) => r.id);
}

/**
 * The people who read a space (for notifications and mentions): holders of a network role in
 * the Table whose organization fits the space, the Table coordinators, a group's members.
 */
export async function readersOf(db: Database, partnershipId: string, space: SpaceRow): Promise<string[]> {
  const rows = await db
    .select({ personId: roleAssignment.personId, role: roleAssignment.role, organizationId: roleAssignment.organizationId, type: organization.type })
    .from(roleAssignment)
    .leftJoin(organization, eq(organization.id, roleAssignment.organizationId))
    .where(and(eq(roleAssignment.partnershipId, partnershipId), isNull(roleAssignment.revokedAt), inArray(roleAssignment.role, [...networkRoles])));
  const members =
    space.kind === "group"
      ? new Set((await db.select({ personId: forumSpaceMember.personId }).from(forumSpaceMember).where(eq(forumSpaceMember.spaceId, space.id))).map((m) => m.personId))
      : new Set<string>();
  const out = new Set<string>();
  for (const r of rows) {
    const fits =
      r.role === "table_coordinator" ||
      (space.kind === "table" && TABLE_SPACE_ROLES.includes(r.role)) ||
      space.kind === "network" ||
      (space.kind === "milieu" && r.type === space.milieu) ||
      (space.kind === "organization" && r.organizationId === space.organizationId) ||
      (space.kind === "group" && members.has(r.personId));
    if (fits) out.add(r.personId);
  }
  return [...out];
}
