import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "../db/client.server.ts";
import { person } from "../people/tables.ts";
import { moderatedSpaceIds, type ForumViewer } from "./access.server.ts";
import { forumModerationEvent, forumPost, forumReport, forumThread } from "./tables.ts";
import type { ReportReason } from "./vocabulary.ts";

export interface QueueItem {
  reportId: string;
  version: number;
  reason: ReportReason;
  note: string;
  reportedAt: string;
  reporterName: string;
  postId: string;
  body: string;
  authorName: string;
  threadId: string;
  threadTitle: string;
  position: number;
  postHidden: boolean;
}

export interface LogItem {
  id: string;
  action: "hidden" | "dismissed" | "pinned" | "unpinned";
  reason: string;
  at: string;
  moderatorName: string;
  threadId: string | null;
  threadTitle: string | null;
}

const reporter = alias(person, "reporter");
const author = alias(person, "author");
const moderator = alias(person, "moderator");

/** The review queue (open reports, oldest first) and the moderation log of the spaces the viewer moderates. */
export async function moderationQueue(db: Database, viewer: ForumViewer): Promise<{ queue: QueueItem[]; log: LogItem[] }> {
  const spaces = await moderatedSpaceIds(db, viewer);
  if (!spaces.length) return { queue: [], log: [] };
  const queue = await db
    .select({
      reportId: forumReport.id,
      version: forumReport.version,
      reason: forumReport.reason,
      note: forumReport.note,
      reportedAt: forumReport.createdAt,
      reporterGiven: reporter.givenName,
      reporterFamily: reporter.familyName,
      postId: forumPost.id,
      body: forumPost.body,
      authorGiven: author.givenName,
      authorFamily: author.familyName,
      threadId: forumThread.id,
      threadTitle: forumThread.title,
      position: forumPost.position,
      hiddenAt: forumPost.hiddenAt,
    })
    .from(forumReport)
    .innerJoin(forumPost, eq(forumPost.id, forumReport.postId))
    .innerJoin(forumThread, eq(forumThread.id, forumPost.threadId))
    .innerJoin(reporter, eq(reporter.id, forumReport.reporterPersonId))
    .innerJoin(author, eq(author.id, forumPost.authorPersonId))
    .where(and(eq(forumReport.partnershipId, viewer.partnershipId), eq(forumReport.status, "open"), inArray(forumReport.spaceId, spaces)))
    .orderBy(asc(forumReport.createdAt))
    .limit(200);
  const log = await db
    .select({
      id: forumModerationEvent.id,
      action: forumModerationEvent.action,
      reason: forumModerationEvent.reason,
      at: forumModerationEvent.createdAt,
      moderatorGiven: moderator.givenName,
      moderatorFamily: moderator.familyName,
      threadId: forumThread.id,
      threadTitle: forumThread.title,
    })
    .from(forumModerationEvent)
    .innerJoin(moderator, eq(moderator.id, forumModerationEvent.moderatorPersonId))
    .leftJoin(forumThread, eq(forumThread.id, forumModerationEvent.threadId))
    .where(and(eq(forumModerationEvent.partnershipId, viewer.partnershipId), inArray(forumModerationEvent.spaceId, spaces)))
    .orderBy(desc(forumModerationEvent.createdAt))
    .limit(100);
  return {
    queue: queue.map((q) => ({
      reportId: q.reportId,
      version: q.version,
      reason: q.reason,
      note: q.note,
      reportedAt: q.reportedAt.toISOString(),
      reporterName: `${q.reporterGiven} ${q.reporterFamily}`,
      postId: q.postId,
      body: q.body,
      authorName: `${q.authorGiven} ${q.authorFamily}`,
      threadId: q.threadId,
      threadTitle: q.threadTitle,
      position: q.position,
      postHidden: q.hiddenAt !== null,
    })),
    log: log.map((l) => ({ id: l.id, action: l.action, reason: l.reason, at: l.at.toISOString(), moderatorName: `${l.moderatorGiven} ${l.moderatorFamily}`, threadId: l.threadId, threadTitle: l.threadTitle })),
  };
}
