import { and, eq } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import { flagged, type Flagged } from "../consultations/guard-refusal.server.ts";
import { missing, ok, refusal, type NotFound, type Ok, type Refused } from "../outcome/outcome.ts";
import type { ForumViewer } from "./access.server.ts";
import { guardPostTexts, hasFindings } from "./post-guard.server.ts";
import { forumReport } from "./tables.ts";
import { postAccess } from "./thread-access.server.ts";
import type { ReportReason } from "./vocabulary.ts";

export type ReportResult = Ok<{ threadId: string; position: number }> | NotFound | Refused<"forum.refused.ownPost"> | Flagged;

/**
 * A reader flags a post (with a reason) for the space's moderators. A second report of the same
 * post by the same person while the first is open adds nothing. The note passes the guard too.
 */
export async function reportPost(db: Database, actor: AuditActor, input: { viewer: ForumViewer; postId: string; reason: ReportReason; note: string }): Promise<ReportResult> {
  const { viewer } = input;
  const access = await postAccess(db, viewer, input.postId);
  if (!access || (access.post.hiddenAt && !access.moderator)) return missing();
  if (access.post.authorPersonId === viewer.personId) return refusal("forum.refused.ownPost");
  if (input.note) {
    const { findings } = await guardPostTexts(db, viewer.partnershipId, { note: input.note });
    if (hasFindings(findings)) return flagged(findings);
  }
  const where = { threadId: access.post.threadId, position: access.post.position };
  return db.transaction(async (tx): Promise<ReportResult> => {
    const [open] = await tx
      .select({ id: forumReport.id })
      .from(forumReport)
      .where(and(eq(forumReport.postId, input.postId), eq(forumReport.reporterPersonId, viewer.personId), eq(forumReport.status, "open")));
    if (open) return ok(where);
    const [row] = await tx
      .insert(forumReport)
      .values({ partnershipId: viewer.partnershipId, spaceId: access.space.id, postId: input.postId, reporterPersonId: viewer.personId, reason: input.reason, note: input.note })
      .returning({ id: forumReport.id });
    await recordAuditEvent(tx, actor, {
      action: "forum_post.reported",
      targetType: "forum_post",
      targetId: input.postId,
      partnershipId: viewer.partnershipId,
      details: { reportId: row!.id, reason: input.reason, spaceId: access.space.id },
    });
    return ok(where);
  });
}
