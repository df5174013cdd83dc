import { DELIVER_EMAIL_JOB } from "../email/queue-email.server.ts";
import { deliverEmail } from "../email/deliver-email.server.ts";
import { purgeExpiredSessions } from "../identity/session.server.ts";
import { PURGE_CONSULTATIONS_JOB, purgeExpiredConsultations } from "../consultations/purge-consultations.server.ts";
import type { JobHandlers } from "./runner.server.ts";
import { sendStaleReminders, STALE_REMINDERS_JOB } from "../directory/stale-entries.server.ts";
import type { RecurringJob } from "./schedule.server.ts";
import { cleanupFinishedJobs, purgeOldLoginAttempts } from "./maintenance.server.ts";

/** Every kind of background work the app knows; the server hands these to its job runner. */
export const jobHandlers: JobHandlers = {
  [DELIVER_EMAIL_JOB]: deliverEmail,
  "sessions.purge": async (_payload, ctx) => {
    await purgeExpiredSessions(ctx.db, ctx.now);
    await purgeOldLoginAttempts(ctx.db, ctx.now);
  },
  "jobs.cleanup": async (_payload, ctx) => {
    await cleanupFinishedJobs(ctx.db, ctx.now);
  },
  // Directory freshness: remind owners and coordinators of entries not confirmed in time.
  [STALE_REMINDERS_JOB]: async (_payload, ctx) => {
    await sendStaleReminders(ctx.db, { now: ctx.now, publicUrl: ctx.config.publicUrl });
  },
  [PURGE_CONSULTATIONS_JOB]: async (_payload, ctx) => {
    await purgeExpiredConsultations(ctx.db, ctx.now);
  },
};

/** Housekeeping, at night (Québec time), once per day across every app process. */
export const recurringJobs: RecurringJob[] = [
  { name: "sessions.purge", schedule: "every day at 03:00" },
  { name: "jobs.cleanup", schedule: "every day at 03:30" },
  // Morning, so reminders arrive during working hours.
  { name: STALE_REMINDERS_JOB, schedule: "every day at 08:00" },
  { name: PURGE_CONSULTATIONS_JOB, schedule: "every day at 04:00" },
];
