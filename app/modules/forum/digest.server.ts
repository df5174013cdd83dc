import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, systemActor } from "../audit/record-audit-event.server.ts";
import { queueEmail } from "../email/queue-email.server.ts";
import type { JobHandler } from "../jobs/runner.server.ts";
import { translator } from "../../i18n/catalog.ts";
import { mailboxesOf } from "./forum-emails.server.ts";
import { forumNotification, forumPreference } from "./tables.ts";

export const FORUM_DIGEST_JOB = "forum.digest";

const DAY = 24 * 60 * 60 * 1000;
/** A little less than a day or a week, so a run a few minutes early (or late yesterday) still sends. */
const SPACING = { daily: DAY - 2 * 60 * 60 * 1000, weekly: 7 * DAY - 2 * 60 * 60 * 1000 };

/**
 * The digest: for each person with notifications not said at once nor digested yet, and whose
 * rhythm is due (daily by default, or weekly since the last one), ONE email in their language:
 * how many new threads and posts, and a link per thread, never a title or a word of a post. The
 * notifications are marked digested in the same transaction as the email and the audit event.
 */
export async function sendDigests(db: Database, input: { now: Date; publicUrl: string }): Promise<{ sent: number }> {
  const pending = await db
    .select({ partnershipId: forumNotification.partnershipId, personId: forumNotification.personId })
    .from(forumNotification)
    .where(and(isNull(forumNotification.digestedAt), eq(forumNotification.immediate, false)))
    .groupBy(forumNotification.partnershipId, forumNotification.personId);
  if (!pending.length) return { sent: 0 };
  const prefs = await db
    .select({ personId: forumPreference.personId, digest: forumPreference.digest, last: forumPreference.lastDigestAt })
    .from(forumPreference)
    .where(inArray(forumPreference.personId, pending.map((p) => p.personId)));
  const prefOf = new Map(prefs.map((p) => [p.personId, p]));
  const mailboxes = await mailboxesOf(db, pending.map((p) => p.personId));
  let sent = 0;
  for (const p of pending) {
    const pref = prefOf.get(p.personId);
    const rhythm = pref?.digest ?? "daily";
    if (pref?.last && input.now.getTime() - pref.last.getTime() < SPACING[rhythm]) continue;
    await db.transaction(async (tx) => {
      const items = await tx
        .update(forumNotification)
        .set({ digestedAt: input.now })
        .where(and(eq(forumNotification.personId, p.personId), eq(forumNotification.partnershipId, p.partnershipId), isNull(forumNotification.digestedAt), eq(forumNotification.immediate, false)))
        .returning({ kind: forumNotification.kind, threadId: forumNotification.threadId, readAt: forumNotification.readAt });
      await tx
        .insert(forumPreference)
        .values({ personId: p.personId, partnershipId: p.partnershipId, digest: rhythm, lastDigestAt: input.now })
        .onConflictDoUpdate({ target: forumPreference.personId, set: { lastDigestAt: input.now } });
      // What was already read in the app is not mailed again.
      const unread = items.filter((i) => i.readAt === null);
      const box = mailboxes.get(p.personId);
      if (!unread.length || !box) return;
      const t = translator(box.locale);
      const threads = new Map<string, number>();
      for (const i of unread) threads.set(i.threadId, (threads.get(i.threadId) ?? 0) + 1);
      const lines = [...threads].map(([threadId, n]) => `- ${t("forum.email.digest.line", { count: n })} ${input.publicUrl}/network/threads/${threadId}`);
      const newThreads = unread.filter((i) => i.kind === "thread").length;
      const text = [
        t(`forum.email.digest.intro.${rhythm}`),
        t("forum.email.digest.threads", { count: newThreads }),
        t("forum.email.digest.posts", { count: unread.length - newThreads }),
        "",
        ...lines,
        "",
        t("forum.email.digest.settings", { link: `${input.publicUrl}/network` }),
        "",
        t("forum.email.footer"),
        "",
      ].join("\n");
      await queueEmail(tx, { to: box.email, subject: t(`forum.email.digest.subject.${rhythm}`), text, partnershipId: p.partnershipId });
      await recordAuditEvent(tx, systemActor("forum-digest", p.partnershipId), {
        action: "forum.digest_sent",
        targetType: "person",
        targetId: p.personId,
        partnershipId: p.partnershipId,
        details: { rhythm, items: unread.length, threads: threads.size },
      });
      sent++;
    });
  }
  return { sent };
}

export const forumDigestJob: JobHandler = async (_payload, ctx) => {
  await sendDigests(ctx.db, { now: ctx.now, publicUrl: ctx.config.publicUrl });
};

