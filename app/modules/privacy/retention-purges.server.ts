import { and, count, eq, inArray, isNull, lt, ne, notExists, or, sql } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, systemActor } from "../audit/record-audit-event.server.ts";
import { auditEvent } from "../audit/tables.ts";
import { purgeTableConsultations } from "../consultations/purge-consultations.server.ts";
import { evaluationReport } from "../evaluation-reports/tables.ts";
import { storedFile } from "../files/tables.ts";
import { removePostAttachments } from "../forum/post-attachments.server.ts";
import { forumPost, forumPostRevision, forumThread } from "../forum/tables.ts";
import { grant } from "../funding/tables.ts";
import { expireAccountTokens } from "../identity/account-tokens.server.ts";
import { revokeAllSessions } from "../identity/session.server.ts";
import { account, session } from "../identity/tables.ts";
import { meeting } from "../meetings/tables.ts";
import { partnerCommitment } from "../partners/tables.ts";
import { person, roleAssignment } from "../people/tables.ts";
import { pivotActivity } from "../pivot-activities/tables.ts";
import { addMonths, quebecDay } from "../time/days.ts";
import { trainingSession } from "../training/tables.ts";
import { purgeSurveyAnswers } from "../surveys/purge-survey-answers.server.ts";
import { REDACTION_MARK, type RetentionKind, type RetentionRule } from "./retention-vocabulary.ts";

export const RETENTION_JOB = "privacy.retention";

/** What one kind's purge gets: the caller's transaction, the Table, its rule and the run's clock. */
interface PurgeArgs {
  tx: Database;
  partnershipId: string;
  rule: RetentionRule;
  now: Date;
}

/**
 * The documents' owners Filet knows: a stored file whose owning record is gone (and that no
 * record names by id) is what the documents' rule destroys. A file of any other owner type is
 * never touched: a new kind of owner must be added here first.
 */
const FILE_OWNERS = {
  meeting: meeting,
  grant: grant,
  partner_commitment: partnerCommitment,
  training_session: trainingSession,
  evaluation_report: evaluationReport,
  forum_post: forumPost,
} as const;

const tableAccounts = (tx: Database, partnershipId: string) =>
  tx.select({ id: account.id }).from(account).innerJoin(person, eq(person.id, account.personId)).where(eq(person.partnershipId, partnershipId));

/** Each kind's purge, run inside one transaction with its destruction record; returns the count. */
export const retentionPurges: Record<RetentionKind, (args: PurgeArgs) => Promise<number>> = {
  consultations: ({ tx, partnershipId, rule, now }) => purgeTableConsultations(tx, partnershipId, rule.months, now),

  /** Activity notes (free text) of activities older than the period: emptied, or the activity deleted. */
  activity_notes: async ({ tx, partnershipId, rule, now }) => {
    const before = addMonths(quebecDay(now), -rule.months);
    const where = and(eq(pivotActivity.partnershipId, partnershipId), lt(pivotActivity.occurredOn, before));
    if (rule.disposition === "destroy") return (await tx.delete(pivotActivity).where(where).returning({ id: pivotActivity.id })).length;
    const rows = await tx
      .update(pivotActivity)
      .set({ notes: "", version: sql`${pivotActivity.version} + 1`, updatedAt: now })
      .where(and(where, ne(pivotActivity.notes, "")))
      .returning({ id: pivotActivity.id });
    return rows.length;
  },

  /** Posts of threads quiet for the period: the text replaced by the mark, earlier wordings and quotes of it gone. */
  thread_posts: async ({ tx, partnershipId, rule, now }) => {
    const quiet = tx.select({ id: forumThread.id }).from(forumThread).where(and(eq(forumThread.partnershipId, partnershipId), lt(forumThread.lastPostAt, addMonths(now, -rule.months))));
    const rows = await tx
      .update(forumPost)
      .set({ body: REDACTION_MARK, searchText: "", quoteExcerpt: null, version: sql`${forumPost.version} + 1`, updatedAt: now })
      .where(and(eq(forumPost.partnershipId, partnershipId), inArray(forumPost.threadId, quiet), ne(forumPost.body, REDACTION_MARK)))
      .returning({ id: forumPost.id });
    const ids = rows.map((r) => r.id);
    if (ids.length) {
      await tx.delete(forumPostRevision).where(inArray(forumPostRevision.postId, ids));
      await removePostAttachments(tx, partnershipId, ids);
      await tx.update(forumPost).set({ quoteExcerpt: null }).where(and(eq(forumPost.partnershipId, partnershipId), inArray(forumPost.quotePostId, ids)));
    }
    return ids.length;
  },

  survey_answers: ({ tx, partnershipId, rule, now }) => purgeSurveyAnswers(tx, partnershipId, rule, now),

  /** Stored files whose owning record no longer exists, and that no record names, uploaded before the period. */
  documents: async ({ tx, partnershipId, rule, now }) => {
    let destroyed = 0;
    for (const [ownerType, owner] of Object.entries(FILE_OWNERS)) {
      const rows = await tx
        .delete(storedFile)
        .where(
          and(
            eq(storedFile.partnershipId, partnershipId),
            eq(storedFile.ownerType, ownerType),
            lt(storedFile.createdAt, addMonths(now, -rule.months)),
            notExists(tx.select({ one: sql`1` }).from(owner).where(eq(owner.id, storedFile.ownerId))),
            notExists(tx.select({ one: sql`1` }).from(partnerCommitment).where(eq(partnerCommitment.documentFileId, storedFile.id))),
          ),
        )
        .returning({ id: storedFile.id });
      destroyed += rows.length;
    }
    return destroyed;
  },

  /**
   * Active accounts of the Table's people not signed in for the period (never signed in: since
   * created) are deactivated, their sessions revoked; nothing is deleted. A platform admin is
   * never deactivated by a Table's rule (the break-glass admin stays).
   */
  inactive_accounts: async ({ tx, partnershipId, rule, now }) => {
    const cutoff = addMonths(now, -rule.months);
    const admins = tx.select({ id: roleAssignment.personId }).from(roleAssignment).where(and(eq(roleAssignment.role, "platform_admin"), isNull(roleAssignment.revokedAt)));
    const idle = await tx
      .select({ id: account.id, personId: account.personId })
      .from(account)
      .innerJoin(person, eq(person.id, account.personId))
      .where(
        and(
          eq(person.partnershipId, partnershipId),
          eq(account.status, "active"),
          or(lt(account.lastLoginAt, cutoff), and(isNull(account.lastLoginAt), lt(account.createdAt, cutoff))),
          sql`${account.personId} not in ${admins}`,
        ),
      );
    const actor = systemActor(RETENTION_JOB, partnershipId);
    for (const a of idle) {
      await tx.update(account).set({ status: "deactivated", deactivatedAt: now, updatedAt: now }).where(eq(account.id, a.id));
      await revokeAllSessions(tx, a.id, now);
      await expireAccountTokens(tx, a.id, now);
      await recordAuditEvent(tx, actor, { action: "account.deactivated", targetType: "account", targetId: a.id, partnershipId, details: { reason: "retention", months: rule.months } });
    }
    return idle.length;
  },

  /** Ended sessions (expired or revoked) of the Table's accounts, older than the period. */
  sessions: async ({ tx, partnershipId, rule, now }) => {
    const cutoff = addMonths(now, -rule.months);
    const rows = await tx
      .delete(session)
      .where(and(inArray(session.accountId, tableAccounts(tx, partnershipId)), or(lt(session.expiresAt, cutoff), lt(session.revokedAt, cutoff))))
      .returning({ id: session.idHash });
    return rows.length;
  },

  /**
   * The audit log is never deleted by the application (append-only triggers, hash chain, ADR
   * 004): the rule counts the Table's events past the period, for the archive-then-rechain
   * procedure the privacy officer decides on.
   */
  audit_events: async ({ tx, partnershipId, rule, now }) => {
    const [row] = await tx
      .select({ n: count() })
      .from(auditEvent)
      .where(and(eq(auditEvent.partnershipId, partnershipId), lt(auditEvent.occurredAt, addMonths(now, -rule.months))));
    return Number(row?.n ?? 0);
  },
};
