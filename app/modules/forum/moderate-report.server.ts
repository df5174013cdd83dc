import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import { flagged, type Flagged } from "../consultations/guard-refusal.server.ts";
import { conflict, missing, ok, type Conflict, type NotFound, type Ok } from "../outcome/outcome.ts";
import { moderatedSpaceIds, type ForumViewer } from "./access.server.ts";
import { mailboxesOf, sendImmediate } from "./forum-emails.server.ts";
import { postLink } from "./notify.server.ts";
import { guardPostTexts, hasFindings } from "./post-guard.server.ts";
import { forumModerationEvent, forumNotification, forumPost, forumReport } from "./tables.ts";

type Decision = { kind: "hide"; reason: string } | { kind: "dismiss" };

/**
 * A moderator of the report's space decides: hide the post (with a reason; every open report of
 * it closes; its author hears of it in the app and by an email with a link, never the text) or
 * dismiss the report. Logged in the moderation log and audited, in one transaction; the report's
 * version guards against two moderators deciding at once.
 */
export async function moderateReport(
  db: Database,
  actor: AuditActor,
  input: { viewer: ForumViewer; reportId: string; version: number; decision: Decision; publicUrl: string },
): Promise<Ok | NotFound | Conflict | Flagged> {
  const { viewer, decision } = input;
  const spaces = await moderatedSpaceIds(db, viewer);
  const [report] = await db.select().from(forumReport).where(and(eq(forumReport.partnershipId, viewer.partnershipId), eq(forumReport.id, input.reportId)));
  if (!report || !spaces.includes(report.spaceId)) return missing();
  if (decision.kind === "hide") {
    const { findings } = await guardPostTexts(db, viewer.partnershipId, { reason: decision.reason });
    if (hasFindings(findings)) return flagged(findings);
  }
  return db.transaction(async (tx) => {
    const status = decision.kind === "hide" ? "hidden" : "dismissed";
    const rows = await tx
      .update(forumReport)
      .set({ status, resolvedByPersonId: viewer.personId, resolvedAt: new Date(), version: sql`${forumReport.version} + 1`, updatedAt: new Date() })
      .where(and(eq(forumReport.id, report.id), eq(forumReport.version, input.version), eq(forumReport.status, "open")))
      .returning({ id: forumReport.id });
    if (!rows.length) return conflict();
    const [post] = await tx.select().from(forumPost).where(eq(forumPost.id, report.postId));
    if (decision.kind === "hide" && post) {
      if (!post.hiddenAt) {
        await tx
          .update(forumPost)
          .set({ hiddenAt: new Date(), hiddenReason: decision.reason, hiddenByPersonId: viewer.personId, version: sql`${forumPost.version} + 1`, updatedAt: new Date() })
          .where(eq(forumPost.id, post.id));
        await tx.insert(forumNotification).values({ partnershipId: viewer.partnershipId, personId: post.authorPersonId, kind: "hidden", spaceId: post.spaceId, threadId: post.threadId, postId: post.id, actorPersonId: null, immediate: true, emailedAt: new Date() });
        const mailboxes = await mailboxesOf(tx, [post.authorPersonId]);
        await sendImmediate(tx, { kind: "hidden", personId: post.authorPersonId, link: postLink(input.publicUrl, post.threadId, post.position), partnershipId: viewer.partnershipId, mailboxes });
      }
      // The other open reports of the post are settled by the same decision.
      await tx
        .update(forumReport)
        .set({ status: "hidden", resolvedByPersonId: viewer.personId, resolvedAt: new Date(), version: sql`${forumReport.version} + 1`, updatedAt: new Date() })
        .where(and(eq(forumReport.postId, report.postId), eq(forumReport.status, "open")));
    }
    await tx.insert(forumModerationEvent).values({
      partnershipId: viewer.partnershipId,
      spaceId: report.spaceId,
      threadId: post?.threadId ?? null,
      postId: report.postId,
      reportId: report.id,
      moderatorPersonId: viewer.personId,
      action: status,
      reason: decision.kind === "hide" ? decision.reason : "",
    });
    await recordAuditEvent(tx, actor, {
      action: decision.kind === "hide" ? "forum_post.hidden" : "forum_report.dismissed",
      targetType: "forum_post",
      targetId: report.postId,
      partnershipId: viewer.partnershipId,
      details: { reportId: report.id, spaceId: report.spaceId, reason: report.reason },
    });
    return ok();
  });
}
