import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { organization } from "../governance/tables.ts";
import { person } from "../people/tables.ts";
import type { ForumViewer } from "./access.server.ts";
import { markRead } from "./add-post.server.ts";
import { spaceLabel, type SpaceLabel } from "./list-spaces.server.ts";
import { attachmentsOf, type AttachmentView } from "./post-attachments.server.ts";
import { forumNotification, forumPost, forumReport, forumSubscription, forumThread, forumThreadRead } from "./tables.ts";
import { threadAccess } from "./thread-access.server.ts";
import { handleOf, type NotificationLevel, type SubjectType } from "./vocabulary.ts";

export interface PostView {
  id: string;
  position: number;
  authorPersonId: string;
  authorName: string;
  authorHandle: string;
  authorOrganization: string;
  /** Null when hidden and the viewer is neither a moderator nor its author. */
  body: string | null;
  quotePostId: string | null;
  quotePosition: number | null;
  quoteExcerpt: string | null;
  hidden: boolean;
  hiddenReason: string | null;
  edited: boolean;
  version: number;
  createdAt: string;
  mine: boolean;
  openReports: number;
  /** A hidden post's attachments are listed (and served) to nobody. */
  attachments: AttachmentView[];
}

export interface ThreadPage {
  thread: { id: string; title: string; spaceId: string; pinned: boolean; version: number; postCount: number; subjectType: SubjectType | null; subjectId: string | null };
  space: SpaceLabel;
  posts: PostView[];
  /** The position of the last post read before this visit (the "new" marker goes after it). */
  lastReadBefore: number;
  level: NotificationLevel | null;
  spaceLevel: NotificationLevel | null;
  moderator: boolean;
  mayPost: boolean;
}

/**
 * A thread as its reader sees it; opening it moves the reader's marker to its last post and
 * marks its notifications read (personal reading state, not audited).
 */
export async function openThread(db: Database, viewer: ForumViewer, threadId: string): Promise<ThreadPage | null> {
  const access = await threadAccess(db, viewer, threadId);
  if (!access) return null;
  const { thread, moderator, mayPost } = access;
  const space = await spaceLabel(db, thread.spaceId);
  const [read] = await db.select({ position: forumThreadRead.lastReadPosition }).from(forumThreadRead).where(and(eq(forumThreadRead.threadId, thread.id), eq(forumThreadRead.personId, viewer.personId)));
  const levels = await db
    .select({ spaceId: forumSubscription.spaceId, threadId: forumSubscription.threadId, level: forumSubscription.level })
    .from(forumSubscription)
    .where(and(eq(forumSubscription.personId, viewer.personId), sql`(${forumSubscription.threadId} = ${thread.id} or ${forumSubscription.spaceId} = ${thread.spaceId})`));
  const rows = await db
    .select({
      id: forumPost.id,
      position: forumPost.position,
      authorPersonId: forumPost.authorPersonId,
      givenName: person.givenName,
      familyName: person.familyName,
      acronym: organization.acronym,
      orgName: organization.nameFr,
      body: forumPost.body,
      quotePostId: forumPost.quotePostId,
      quoteExcerpt: forumPost.quoteExcerpt,
      quotePosition: sql<number | null>`(select q.position from ${forumPost} q where q.id = ${forumPost.quotePostId})`,
      hiddenAt: forumPost.hiddenAt,
      hiddenReason: forumPost.hiddenReason,
      editedAt: forumPost.editedAt,
      version: forumPost.version,
      createdAt: forumPost.createdAt,
      openReports: moderator
        ? sql<number>`(select count(*)::int from ${forumReport} where ${forumReport.postId} = ${forumPost.id} and ${forumReport.status} = 'open')`
        : sql<number>`0`,
    })
    .from(forumPost)
    .innerJoin(person, eq(person.id, forumPost.authorPersonId))
    .leftJoin(organization, eq(organization.id, person.organizationId))
    .where(and(eq(forumPost.partnershipId, viewer.partnershipId), eq(forumPost.threadId, thread.id)))
    .orderBy(asc(forumPost.position));
  const files = await attachmentsOf(
    db,
    viewer.partnershipId,
    rows.filter((r) => r.hiddenAt === null).map((r) => r.id),
  );
  const posts: PostView[] = rows.map((r) => {
    const mine = r.authorPersonId === viewer.personId;
    const hidden = r.hiddenAt !== null;
    const visible = !hidden || moderator || mine;
    return {
      id: r.id,
      position: r.position,
      authorPersonId: r.authorPersonId,
      authorName: `${r.givenName} ${r.familyName}`,
      authorHandle: handleOf(r.givenName, r.familyName),
      authorOrganization: r.acronym || r.orgName || "",
      body: visible ? r.body : null,
      quotePostId: r.quotePostId,
      quotePosition: r.quotePosition,
      // A quote of a post hidden since is not shown either.
      quoteExcerpt: r.quoteExcerpt,
      hidden,
      hiddenReason: hidden && (moderator || mine) ? r.hiddenReason : null,
      edited: r.editedAt !== null,
      version: r.version,
      createdAt: r.createdAt.toISOString(),
      mine,
      openReports: Number(r.openReports),
      attachments: hidden ? [] : (files.get(r.id) ?? []),
    };
  });
  const hiddenIds = new Set(rows.filter((r) => r.hiddenAt).map((r) => r.id));
  for (const p of posts) if (p.quotePostId && hiddenIds.has(p.quotePostId) && !moderator) p.quoteExcerpt = null;
  await db.transaction(async (tx) => {
    await markRead(tx, { partnershipId: viewer.partnershipId, threadId: thread.id, personId: viewer.personId, position: thread.postCount });
    await tx
      .update(forumNotification)
      .set({ readAt: new Date() })
      .where(and(eq(forumNotification.personId, viewer.personId), eq(forumNotification.threadId, thread.id), isNull(forumNotification.readAt)));
  });
  return {
    thread: { id: thread.id, title: thread.title, spaceId: thread.spaceId, pinned: thread.pinnedAt !== null, version: thread.version, postCount: thread.postCount, subjectType: thread.subjectType, subjectId: thread.subjectId },
    space: space!,
    posts,
    lastReadBefore: read?.position ?? 0,
    level: levels.find((l) => l.threadId === thread.id)?.level ?? null,
    spaceLevel: levels.find((l) => l.spaceId === thread.spaceId)?.level ?? null,
    moderator,
    mayPost,
  };
}

export interface ThreadSummary {
  id: string;
  title: string;
  pinned: boolean;
  postCount: number;
  unread: number;
  lastPostAt: string;
  authorName: string;
}

/** A space's threads: pinned first, then by last activity, with the viewer's unread count each. */
export async function listThreads(db: Database, viewer: ForumViewer, spaceId: string, page = { limit: 50, offset: 0 }): Promise<{ threads: ThreadSummary[]; total: number }> {
  const where = and(eq(forumThread.partnershipId, viewer.partnershipId), eq(forumThread.spaceId, spaceId));
  const rows = await db
    .select({
      id: forumThread.id,
      title: forumThread.title,
      pinnedAt: forumThread.pinnedAt,
      postCount: forumThread.postCount,
      lastPostAt: forumThread.lastPostAt,
      read: forumThreadRead.lastReadPosition,
      givenName: person.givenName,
      familyName: person.familyName,
    })
    .from(forumThread)
    .innerJoin(person, eq(person.id, forumThread.authorPersonId))
    .leftJoin(forumThreadRead, and(eq(forumThreadRead.threadId, forumThread.id), eq(forumThreadRead.personId, viewer.personId)))
    .where(where)
    // Exactly forum_thread_list_idx's order, so the first page is read from the index, not sorted.
    .orderBy(sql`(${forumThread.pinnedAt} is null)`, sql`${forumThread.pinnedAt} desc nulls last`, sql`${forumThread.lastPostAt} desc nulls last`)
    .limit(page.limit)
    .offset(page.offset);
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(forumThread).where(where);
  return {
    threads: rows.map((r) => ({
      id: r.id,
      title: r.title,
      pinned: r.pinnedAt !== null,
      postCount: r.postCount,
      unread: Math.max(0, r.postCount - (r.read ?? 0)),
      lastPostAt: r.lastPostAt.toISOString(),
      authorName: `${r.givenName} ${r.familyName}`,
    })),
    total: Number(count?.n ?? 0),
  };
}
