import { z } from "zod";
import type { Database } from "../db/client.server.ts";
import type { AuditActor } from "../audit/record-audit-event.server.ts";
import type { HeldRole } from "../authz/decide.ts";
import { requiredId, versionField, type FieldErrorMap } from "../forms/fields.ts";
import { parseValues, type FormRead } from "../forms/read-form.server.ts";
import { translator } from "../../i18n/catalog.ts";
import type { Locale } from "../../i18n/types.ts";
import { addActivityReview } from "./add-activity-review.server.ts";
import { answerTimePoll } from "./answer-time-poll.server.ts";
import { fromLocal } from "./dates.ts";
import type { MeetingAccess } from "./meeting-access.server.ts";
import type { RecordResult } from "./meeting-records.server.ts";
import type { MeetingRow } from "./get-meeting.server.ts";
import { openMeetingThread } from "./open-meeting-thread.server.ts";
import { openTimePoll, type PollSlotInput } from "./open-time-poll.server.ts";
import { pickPollSlot } from "./pick-poll-slot.server.ts";
import { setRegistration } from "./register-for-meeting.server.ts";
import { pollAnswers, POLL_MAX_SLOTS, POLL_MIN_SLOTS, type PollAnswer } from "./vocabulary.ts";

/** The pivot meetings' intents on the meeting page (issue 14 §5). */
export const pivotMeetingIntents = ["register", "withdraw", "openPoll", "answerPoll", "pickSlot", "activityReview", "thread"] as const;
export type PivotMeetingIntent = (typeof pivotMeetingIntents)[number];
export const isPivotIntent = (intent: string): intent is PivotMeetingIntent => (pivotMeetingIntents as readonly string[]).includes(intent);

export interface PivotCtx {
  db: Database;
  actor: AuditActor;
  access: MeetingAccess;
  meeting: MeetingRow;
  publicUrl: string;
  locale: Locale;
  user: { personId: string; partnershipId: string; roles: readonly HeldRole[] };
}

export type PivotActionResult =
  | { ok: true; location: string }
  | {
      ok: false;
      status: 400 | 404 | 409;
      intent: string;
      message: string;
      errors?: FieldErrorMap;
    };

/** The refusals the pivot meetings' use cases answer (named here so the meeting page sends their messages). */
const refusalMessages: readonly string[] = ["meetings.refused.status", "meetings.poll.alreadyOpen", "meetings.poll.closed", "meetings.poll.answerRequired", "meetings.thread.refused"];

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const realDay = (d: string) => DAY.test(d) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);
const versionSchema = z.object({ version: versionField });
const pickSchema = z.object({ version: versionField, slotId: requiredId });
const answerValue = z.enum(pollAnswers);

/** The poll form's rows (slotDay-N, slotStart-N, slotEnd-N; blank rows ignored; each still to come), or the fields in error. */
export function readPollSlots(values: Record<string, string | string[]>, now: Date = new Date()): { ok: true; slots: PollSlotInput[] } | { ok: false; errors: FieldErrorMap } {
  const errors: FieldErrorMap = {};
  const slots: PollSlotInput[] = [];
  const text = (k: string) => (typeof values[k] === "string" ? (values[k] as string).trim() : "");
  for (let i = 0; i < POLL_MAX_SLOTS; i += 1) {
    const [day, start, end] = [text(`slotDay-${i}`), text(`slotStart-${i}`), text(`slotEnd-${i}`)];
    if (!day && !start && !end) continue;
    if (!realDay(day)) errors[`slotDay-${i}`] = ["meetings.form.invalidDay"];
    else if (!TIME.test(start)) errors[`slotStart-${i}`] = ["meetings.form.invalidTime"];
    else if (!TIME.test(end)) errors[`slotEnd-${i}`] = ["meetings.form.invalidTime"];
    else if (end <= start) errors[`slotEnd-${i}`] = ["meetings.form.endAfterStart"];
    else if (fromLocal(day, start) <= now) errors[`slotDay-${i}`] = ["meetings.poll.slotPast"];
    else slots.push({ startsAt: fromLocal(day, start), endsAt: fromLocal(day, end) });
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  const distinct = new Set(slots.map((s) => `${s.startsAt.getTime()}-${s.endsAt.getTime()}`));
  if (slots.length < POLL_MIN_SLOTS || slots.length > POLL_MAX_SLOTS || distinct.size !== slots.length) return { ok: false, errors: { "slotDay-0": ["meetings.poll.slotCount"] } };
  return { ok: true, slots };
}

/** One POST of a pivot meeting's forms, dispatched by intent (the route read the body). */
export async function handlePivotMeetingAction(ctx: PivotCtx, intent: PivotMeetingIntent, read: Extract<FormRead, { ok: true }>): Promise<PivotActionResult> {
  const { db, actor, access, meeting: m } = ctx;
  const values = read.values;
  const here = `/meetings/${m.id}`;
  const t = translator(ctx.locale);
  const refuse = (message: string, errors?: FieldErrorMap): PivotActionResult => ({ ok: false, status: 400, intent, message, errors });
  const reply = (r: RecordResult, notice: string, anchor: string): PivotActionResult => {
    switch (r.kind) {
      case "ok":
        return { ok: true, location: `${here}?saved=${notice}#${anchor}` };
      case "not_found":
        return { ok: false, status: 404, intent, message: "not_found" };
      case "conflict":
        return { ok: false, status: 409, intent, message: "form.conflict" };
      case "refused":
        return { ok: false, status: 409, intent, message: refusalMessages.includes(r.reason) ? r.reason : "form.invalid" };
    }
  };
  switch (intent) {
    case "register":
    case "withdraw":
      return reply(await setRegistration(db, actor, access, m.id, intent === "register"), intent === "register" ? "registered" : "withdrawn", "registration");
    case "openPoll": {
      const version = parseValues(read, versionSchema);
      if (!version.ok) return refuse("form.invalid", version.errors);
      const slots = readPollSlots(values);
      if (!slots.ok) return refuse("form.errors", slots.errors);
      return reply(await openTimePoll(db, actor, access, m.id, version.data.version, slots.slots), "pollOpened", "poll");
    }
    case "answerPoll": {
      const answers: Record<string, PollAnswer> = {};
      for (const [key, value] of Object.entries(values)) {
        if (!key.startsWith("answer-")) continue;
        const slotId = key.slice("answer-".length).toLowerCase();
        const parsed = answerValue.safeParse(value);
        if (!/^[0-9a-f-]{36}$/.test(slotId) || !parsed.success) return refuse("form.invalid", { [key]: ["form.invalid"] });
        answers[slotId] = parsed.data;
      }
      if (!Object.keys(answers).length) return refuse("meetings.poll.answerRequired");
      return reply(await answerTimePoll(db, actor, access, m.id, answers), "pollAnswered", "poll");
    }
    case "pickSlot": {
      const parsed = parseValues(read, pickSchema);
      if (!parsed.ok) return refuse(parsed.errors.slotId ? "meetings.poll.pickRequired" : "form.invalid", parsed.errors);
      return reply(await pickPollSlot(db, actor, access, m.id, parsed.data.version, parsed.data.slotId, ctx.publicUrl), "slotPicked", "poll");
    }
    case "activityReview": {
      const parsed = parseValues(read, versionSchema);
      if (!parsed.ok) return refuse("form.invalid", parsed.errors);
      return reply(await addActivityReview(db, actor, access, m.id, parsed.data.version, t("meetings.review.itemTitle")), "review", "agenda");
    }
    case "thread": {
      const title = t("meetings.thread.threadTitle", { title: m.title }).slice(0, 150);
      const body = t("meetings.thread.threadBody", {
        link: `${ctx.publicUrl}${here}`,
      });
      const r = await openMeetingThread(db, actor, access, ctx.user, m.id, { title, body }, ctx.publicUrl);
      if (r.kind === "ok") return { ok: true, location: `/network/threads/${r.value}` };
      return reply(r, "thread", "thread");
    }
  }
}
