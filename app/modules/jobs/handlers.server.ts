import { DELIVER_EMAIL_JOB } from "../email/queue-email.server.ts";
import { deliverEmail } from "../email/deliver-email.server.ts";
import { purgeExpiredSessions } from "../identity/session.server.ts";
import { PURGE_CONSULTATIONS_JOB, purgeExpiredConsultations } from "../consultations/purge-consultations.server.ts";
import type { JobHandlers } from "./runner.server.ts";
import { FUNDING_ALERTS_JOB, sendFundingAlerts } from "../funding/funding-alerts.server.ts";
import { COMMITMENT_REMINDERS_JOB, sendCommitmentReminders } from "../partners/commitment-reminders.server.ts";
import { sendUnsignedCommitmentReminders } from "../partners/unsigned-reminders.server.ts";
import { sendStaleReminders, STALE_REMINDERS_JOB } from "../directory/stale-entries.server.ts";
import type { RecurringJob } from "./schedule.server.ts";
import { RESPONSIBILITY_REMINDERS_JOB, sendResponsibilityReminders } from "../responsibilities/reminders.server.ts";
import { sendTrainingReminders, TRAINING_REMINDERS_JOB } from "../training/session-notices.server.ts";
import { cleanupFinishedJobs, purgeOldLoginAttempts } from "./maintenance.server.ts";
import { purgeFormSubmissions } from "../forms/submit-once.server.ts";
import { runPairProposalJob, SOLVE_PAIRS_JOB } from "../training/pair-proposal-job.server.ts";

/** Every kind of background work the app knows; the server hands these to its job runner. */
export const jobHandlers: JobHandlers = {
  // Funding: a report due within 30 days, a grant ending within 6 then 3 months (each alert once).
  [FUNDING_ALERTS_JOB]: async (_payload, ctx) => {
    await sendFundingAlerts(ctx.db, { now: ctx.now, publicUrl: ctx.config.publicUrl });
  },
  // Partners: renewal reminders of written commitments (before the end, and once expired), and
  // organizations that never signed (once, then at most every 90 days).
  [COMMITMENT_REMINDERS_JOB]: async (_payload, ctx) => {
    await sendCommitmentReminders(ctx.db, { now: ctx.now, publicUrl: ctx.config.publicUrl });
    await sendUnsignedCommitmentReminders(ctx.db, { now: ctx.now, publicUrl: ctx.config.publicUrl });
  },
  [DELIVER_EMAIL_JOB]: deliverEmail,
  // Responsibilities (meetings): remind owners before the due date and when overdue.
  [RESPONSIBILITY_REMINDERS_JOB]: async (_payload, ctx) => {
    await sendResponsibilityReminders(ctx.db, { now: ctx.now, publicUrl: ctx.config.publicUrl });
  },
  "sessions.purge": async (_payload, ctx) => {
    await purgeExpiredSessions(ctx.db, ctx.now);
    await purgeOldLoginAttempts(ctx.db, ctx.now);
  },
  "jobs.cleanup": async (_payload, ctx) => {
    await cleanupFinishedJobs(ctx.db, ctx.now);
    await purgeFormSubmissions(ctx.db, ctx.now);
  },
  // Directory freshness: remind owners and coordinators of entries not confirmed in time.
  [STALE_REMINDERS_JOB]: async (_payload, ctx) => {
    await sendStaleReminders(ctx.db, { now: ctx.now, publicUrl: ctx.config.publicUrl });
  },
  [PURGE_CONSULTATIONS_JOB]: async (_payload, ctx) => {
    await purgeExpiredConsultations(ctx.db, ctx.now);
  },
  // Training: one reminder per registered participant, N days before the first day.
  [TRAINING_REMINDERS_JOB]: async (_payload, ctx) => {
    await sendTrainingReminders(ctx.db, { now: ctx.now, publicUrl: ctx.config.publicUrl });
  },
  // Training: a trainer-pair proposal solved by HiGHS in a worker thread (progress on the row).
  [SOLVE_PAIRS_JOB]: runPairProposalJob,
};

/** Housekeeping, at night (Québec time), once per day across every app process. */
export const recurringJobs: RecurringJob[] = [
  { name: FUNDING_ALERTS_JOB, schedule: "every day at 08:30" },
  { name: RESPONSIBILITY_REMINDERS_JOB, schedule: "every day at 08:15" },
  { name: COMMITMENT_REMINDERS_JOB, schedule: "every day at 08:10" },
  { name: "sessions.purge", schedule: "every day at 03:00" },
  { name: "jobs.cleanup", schedule: "every day at 03:30" },
  // Morning, so reminders arrive during working hours.
  { name: STALE_REMINDERS_JOB, schedule: "every day at 08:00" },
  { name: PURGE_CONSULTATIONS_JOB, schedule: "every day at 04:00" },
  { name: TRAINING_REMINDERS_JOB, schedule: "every day at 08:15" },
];
