import { and, desc, eq, isNull, sql, type SQL } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { person } from "../people/tables.ts";
import { readableSpaces, type ForumViewer } from "./access.server.ts";
import { forumNotification, forumPost, forumSpace, forumThread } from "./tables.ts";
import type { NotificationKind } from "./vocabulary.ts";

/** The header badge: one count query on the unread notifications' partial index (the root loader calls it on every page). */
export async function countUnreadNotifications(db: Database, partnershipId: string, personId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(forumNotification)
    .where(unreadOf(partnershipId, personId));
  return Number(row?.n ?? 0);
}

function unreadOf(partnershipId: string, personId: string) {
  return and(eq(forumNotification.personId, personId), eq(forumNotification.partnershipId, partnershipId), isNull(forumNotification.readAt));
}

/** The same count as a scalar subquery, for the page chrome's single query. */
export function unreadNotificationsCount(partnershipId: string, personId: string): SQL<number> {
  return sql<number>`(select count(*)::int from ${forumNotification} where ${unreadOf(partnershipId, personId)})`.mapWith(Number);
}

export interface NotificationView {
  id: string;
  kind: NotificationKind;
  threadId: string;
  threadTitle: string;
  position: number | null;
  actorName: string | null;
  unread: boolean;
  at: string;
}

/** The viewer's latest notifications, only in spaces they still read (a space left is not shown). */
export async function listNotifications(db: Database, viewer: ForumViewer, limit = 100): Promise<NotificationView[]> {
  const rows = await db
    .select({
      id: forumNotification.id,
      kind: forumNotification.kind,
      threadId: forumNotification.threadId,
      threadTitle: forumThread.title,
      position: forumPost.position,
      givenName: person.givenName,
      familyName: person.familyName,
      readAt: forumNotification.readAt,
      at: forumNotification.createdAt,
    })
    .from(forumNotification)
    .innerJoin(forumThread, eq(forumThread.id, forumNotification.threadId))
    .innerJoin(forumSpace, eq(forumSpace.id, forumNotification.spaceId))
    .leftJoin(forumPost, eq(forumPost.id, forumNotification.postId))
    .leftJoin(person, eq(person.id, forumNotification.actorPersonId))
    .where(and(eq(forumNotification.personId, viewer.personId), eq(forumNotification.partnershipId, viewer.partnershipId), readableSpaces(viewer)))
    .orderBy(desc(forumNotification.createdAt))
    .limit(limit);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    threadId: r.threadId,
    threadTitle: r.threadTitle,
    position: r.position ?? null,
    actorName: r.givenName ? `${r.givenName} ${r.familyName}` : null,
    unread: r.readAt === null,
    at: r.at.toISOString(),
  }));
}

/** "Mark all read": personal reading state (not audited). */
export async function markAllNotificationsRead(db: Database, viewer: ForumViewer): Promise<number> {
  const rows = await db
    .update(forumNotification)
    .set({ readAt: new Date() })
    .where(and(eq(forumNotification.personId, viewer.personId), eq(forumNotification.partnershipId, viewer.partnershipId), isNull(forumNotification.readAt)))
    .returning({ id: forumNotification.id });
  return rows.length;
}
