import { DELIVER_EMAIL_JOB } from "../app/modules/email/queue-email.server.ts";
import { deliverEmail } from "../app/modules/email/deliver-email.server.ts";
import { purgeExpiredSessions } from "../app/modules/identity/session.server.ts";
import { PURGE_CONSULTATIONS_JOB } from "../app/modules/consultations/purge-consultations.server.ts";
import { RETENTION_JOB, retentionJob } from "../app/modules/privacy/run-retention.server.ts";
import type { JobHandlers } from "../app/modules/jobs/runner.server.ts";
import { FUNDING_ALERTS_JOB, fundingAlertsJob } from "../app/modules/funding/funding-alerts.server.ts";
import { COMMITMENT_REMINDERS_JOB } from "../app/modules/partners/commitment-reminders.server.ts";
import { commitmentRemindersJob } from "../app/modules/partners/unsigned-reminders.server.ts";
import { STALE_REMINDERS_JOB, staleRemindersJob } from "../app/modules/directory/stale-entries.server.ts";
import type { RecurringJob } from "../app/modules/jobs/schedule.server.ts";
import { RESPONSIBILITY_REMINDERS_JOB, responsibilityRemindersJob } from "../app/modules/meetings/responsibilities/reminders.server.ts";
import { EVALUATION_REMINDERS_JOB, evaluationRemindersJob } from "../app/modules/evaluation-reports/reminders.server.ts";
import { TRAINING_REMINDERS_JOB, trainingRemindersJob } from "../app/modules/training/session-notices.server.ts";
import { cleanupFinishedJobs, purgeOldLoginAttempts } from "../app/modules/jobs/maintenance.server.ts";
import { purgeFormSubmissions } from "../app/modules/forms/submit-once.server.ts";
import { runPairProposalJob, SOLVE_PAIRS_JOB } from "../app/modules/training/pair-proposal-job.server.ts";
import { FORUM_DIGEST_JOB, forumDigestJob } from "../app/modules/forum/digest.server.ts";
import { FORUM_PROPOSALS_JOB, forumProposalsJob } from "../app/modules/forum/proposal-reminders.server.ts";
import { STATISTICS_REMINDERS_JOB, statisticsRemindersJob } from "../app/modules/statistics/reminders.server.ts";
import { SURVEY_DAILY_JOB, surveyDailyJob } from "../app/modules/surveys/survey-jobs.server.ts";

/**
 * Every kind of background work the app knows, registered here: each module exports its own
 * handlers (the job module knows none of them); the server hands these to its job runner.
 */
export const jobHandlers: JobHandlers = {
  [FUNDING_ALERTS_JOB]: fundingAlertsJob,
  [COMMITMENT_REMINDERS_JOB]: commitmentRemindersJob,
  [DELIVER_EMAIL_JOB]: deliverEmail,
  [RESPONSIBILITY_REMINDERS_JOB]: responsibilityRemindersJob,
  [EVALUATION_REMINDERS_JOB]: evaluationRemindersJob,
  "sessions.purge": async (_payload, ctx) => {
    await purgeExpiredSessions(ctx.db, ctx.now);
    await purgeOldLoginAttempts(ctx.db, ctx.now);
  },
  "jobs.cleanup": async (_payload, ctx) => {
    await cleanupFinishedJobs(ctx.db, ctx.now);
    await purgeFormSubmissions(ctx.db, ctx.now);
  },
  [STALE_REMINDERS_JOB]: staleRemindersJob,
  // The retention schedule (privacy): every kind's purge, destruction record included. The old
  // consultations-only job's name runs it too, for a job queued before the schedule existed.
  [RETENTION_JOB]: retentionJob,
  [PURGE_CONSULTATIONS_JOB]: retentionJob,
  [TRAINING_REMINDERS_JOB]: trainingRemindersJob,
  // Training: a trainer-pair proposal solved by HiGHS in a worker thread (progress on the row).
  [SOLVE_PAIRS_JOB]: runPairProposalJob,
  // The pivot network's daily or weekly digest (one email per person, links only).
  [FORUM_DIGEST_JOB]: forumDigestJob,
  // The network's proposals: closing on their date, reminders before (links only).
  [FORUM_PROPOSALS_JOB]: forumProposalsJob,
  // Statistics: reminders to the reporters before the deadline of a period's report.
  [STATISTICS_REMINDERS_JOB]: statisticsRemindersJob,
  // Surveys: close those past their date, remind the invited who have not answered (once each).
  [SURVEY_DAILY_JOB]: surveyDailyJob,
};

/** Housekeeping, at night (Québec time), once per day across every app process. */
export const recurringJobs: RecurringJob[] = [
  { name: FUNDING_ALERTS_JOB, schedule: "every day at 08:30" },
  { name: RESPONSIBILITY_REMINDERS_JOB, schedule: "every day at 08:15" },
  { name: EVALUATION_REMINDERS_JOB, schedule: "every day at 08:20" },
  { name: COMMITMENT_REMINDERS_JOB, schedule: "every day at 08:10" },
  { name: "sessions.purge", schedule: "every day at 03:00" },
  { name: "jobs.cleanup", schedule: "every day at 03:30" },
  // Morning, so reminders arrive during working hours.
  { name: STALE_REMINDERS_JOB, schedule: "every day at 08:00" },
  { name: RETENTION_JOB, schedule: "every day at 04:00" },
  { name: TRAINING_REMINDERS_JOB, schedule: "every day at 08:15" },
  // Each person's network digest, before the working day (weekly ones when a week has passed).
  { name: FORUM_DIGEST_JOB, schedule: "every day at 07:00" },
  // Proposals close at the minute they said (within a quarter of an hour), reminders follow.
  { name: FORUM_PROPOSALS_JOB, schedule: "every 15 minutes" },
  { name: STATISTICS_REMINDERS_JOB, schedule: "every day at 08:25" },
  { name: SURVEY_DAILY_JOB, schedule: "every day at 08:35" },
];
