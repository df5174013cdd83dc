import { and, eq, gt, inArray, isNotNull } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, systemActor } from "../audit/record-audit-event.server.ts";
import { queueEmail } from "../email/queue-email.server.ts";
import type { JobHandler } from "../jobs/runner.server.ts";
import { translator } from "../../i18n/catalog.ts";
import { readersOf } from "./access.server.ts";
import { closeDueProposals } from "./close-proposal.server.ts";
import { mailboxesOf } from "./forum-emails.server.ts";
import { forumProposal, forumProposalReminder, forumProposalVote, forumProposalVoter, forumSpace } from "./tables.ts";
import { reminderStages, type ReminderStage } from "./vocabulary.ts";

export const FORUM_PROPOSALS_JOB = "forum.proposals";

/** Who of the space's readers has not voted yet (anonymous proposals: no "has voted" marker). */
async function notVoted(db: Database, p: typeof forumProposal.$inferSelect, readers: string[]): Promise<string[]> {
  if (!readers.length) return [];
  const voted = p.anonymous
    ? await db.select({ personId: forumProposalVoter.personId }).from(forumProposalVoter).where(eq(forumProposalVoter.proposalId, p.id))
    : await db
        .select({ personId: forumProposalVote.personId })
        .from(forumProposalVote)
        .where(and(eq(forumProposalVote.proposalId, p.id), isNotNull(forumProposalVote.personId)));
  const done = new Set(voted.map((v) => v.personId));
  return readers.filter((r) => !done.has(r));
}

/**
 * Reminders before a proposal closes: three days and one day before, each stage once per
 * proposal (a row per stage sent), to the readers of its space who have not voted. Only the
 * latest stage due is mailed (a proposal opened two days before its close gets the one-day
 * reminder only); a stage whose window began before the proposal existed is skipped. Each email
 * is a notice and a link: no title, no space, no word of the proposal.
 */
export async function sendProposalReminders(db: Database, input: { now: Date; publicUrl: string }): Promise<{ emails: number }> {
  const open = await db.select().from(forumProposal).where(and(eq(forumProposal.status, "open"), gt(forumProposal.closesAt, input.now)));
  let emails = 0;
  for (const p of open) {
    const due = reminderStages.filter((s) => input.now.getTime() >= p.closesAt.getTime() - s.before && p.createdAt.getTime() <= p.closesAt.getTime() - s.before);
    if (!due.length) continue;
    await db.transaction(async (tx) => {
      const inserted = await tx
        .insert(forumProposalReminder)
        .values(due.map((s) => ({ proposalId: p.id, stage: s.stage as ReminderStage, partnershipId: p.partnershipId })))
        .onConflictDoNothing()
        .returning({ stage: forumProposalReminder.stage });
      const sentNow = new Set(inserted.map((i) => i.stage));
      const latest = due[due.length - 1]!;
      // The latest stage was already sent (or none is new): nothing to mail.
      if (!sentNow.has(latest.stage)) return;
      const [space] = await tx.select().from(forumSpace).where(eq(forumSpace.id, p.spaceId));
      if (!space) return;
      const people = await notVoted(tx, p, await readersOf(tx, p.partnershipId, space));
      const boxes = await mailboxesOf(tx, people);
      const link = `${input.publicUrl}/network/proposals/${p.id}`;
      let sent = 0;
      for (const personId of people) {
        const box = boxes.get(personId);
        if (!box) continue;
        const t = translator(box.locale);
        await queueEmail(tx, {
          to: box.email,
          subject: t(`proposals.email.${latest.stage}.subject`),
          text: `${t(`proposals.email.${latest.stage}.body`, { link })}\n\n${t("forum.email.footer")}\n`,
          partnershipId: p.partnershipId,
        });
        sent++;
      }
      await tx.update(forumProposalReminder).set({ recipients: sent }).where(and(eq(forumProposalReminder.proposalId, p.id), inArray(forumProposalReminder.stage, [...sentNow])));
      await recordAuditEvent(tx, systemActor("forum-proposals", p.partnershipId), {
        action: "forum_proposal.reminded",
        targetType: "forum_proposal",
        targetId: p.id,
        partnershipId: p.partnershipId,
        details: { stage: latest.stage, emails: sent },
      });
      emails += sent;
    });
  }
  return { emails };
}

/** The proposals' job (every 15 minutes): close those whose date has come, then the reminders. */
export const forumProposalsJob: JobHandler = async (_payload, ctx) => {
  await closeDueProposals(ctx.db, ctx.now);
  await sendProposalReminders(ctx.db, { now: ctx.now, publicUrl: ctx.config.publicUrl });
};
