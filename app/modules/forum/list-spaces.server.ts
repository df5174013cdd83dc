import { and, asc, eq, sql } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { organization } from "../governance/tables.ts";
import { readableSpaces, type ForumViewer } from "./access.server.ts";
import { forumSpace, forumSubscription, forumThread, forumThreadRead } from "./tables.ts";
import { DEFAULT_LEVEL, type NotificationLevel, type PostingRule, type SpaceKind } from "./vocabulary.ts";

/** What names a space on a page: the network, a milieu's type, an organization, or a group's own name. */
export interface SpaceLabel {
  kind: SpaceKind;
  description: string;
  milieu: string | null;
  name: string;
  organizationNameFr: string | null;
  organizationNameEn: string | null;
}

export interface SpaceSummary extends SpaceLabel {
  id: string;
  description: string;
  posting: PostingRule;
  threads: number;
  unreadThreads: number;
  level: NotificationLevel;
}

const KIND_ORDER = sql`case ${forumSpace.kind} when 'network' then 0 when 'table' then 1 when 'milieu' then 1 when 'organization' then 2 else 3 end`;

/** The viewer's spaces, the whole network first, with their thread and unread counts and the viewer's level. */
export async function listSpaces(db: Database, viewer: ForumViewer): Promise<SpaceSummary[]> {
  const rows = await db
    .select({
      id: forumSpace.id,
      kind: forumSpace.kind,
      milieu: forumSpace.milieu,
      name: forumSpace.name,
      description: forumSpace.description,
      posting: forumSpace.posting,
      organizationNameFr: organization.nameFr,
      organizationNameEn: organization.nameEn,
      threads: sql<number>`(select count(*)::int from ${forumThread} where ${forumThread.spaceId} = ${forumSpace.id})`,
      unreadThreads: sql<number>`(select count(*)::int from ${forumThread} left join ${forumThreadRead} on ${forumThreadRead.threadId} = ${forumThread.id} and ${forumThreadRead.personId} = ${viewer.personId} where ${forumThread.spaceId} = ${forumSpace.id} and ${forumThread.postCount} > coalesce(${forumThreadRead.lastReadPosition}, 0))`,
      level: forumSubscription.level,
    })
    .from(forumSpace)
    .leftJoin(organization, eq(organization.id, forumSpace.organizationId))
    .leftJoin(forumSubscription, and(eq(forumSubscription.spaceId, forumSpace.id), eq(forumSubscription.personId, viewer.personId)))
    .where(readableSpaces(viewer))
    .orderBy(KIND_ORDER, asc(forumSpace.milieu), asc(organization.nameFr), asc(forumSpace.name));
  return rows.map((r) => ({ ...r, level: r.level ?? DEFAULT_LEVEL }));
}

/** One space's label (for a thread or post page), when the viewer reads it. */
export async function spaceLabel(db: Database, spaceId: string): Promise<SpaceLabel | null> {
  const [row] = await db
    .select({ kind: forumSpace.kind, description: forumSpace.description, milieu: forumSpace.milieu, name: forumSpace.name, organizationNameFr: organization.nameFr, organizationNameEn: organization.nameEn })
    .from(forumSpace)
    .leftJoin(organization, eq(organization.id, forumSpace.organizationId))
    .where(eq(forumSpace.id, spaceId));
  return row ?? null;
}
