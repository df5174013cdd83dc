import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import { anyDocument } from "../files/file-types.ts";
import { readUpload } from "../files/read-upload.server.ts";
import { deleteFile, storeFile } from "../files/stored-files.server.ts";
import { optionalId, requiredId, versionField, type FieldErrorMap } from "../forms/fields.ts";
import { parseValues, type FormRead } from "../forms/read-form.server.ts";
import { created, refused, submissionOf, submitOnce } from "../forms/submit-once.server.ts";
import { responsibilitySchema } from "./responsibilities/responsibility-schema.ts";
import { createResponsibility } from "./responsibilities/save-responsibility.server.ts";
import { meetingFileOwner, type MeetingRow } from "./get-meeting.server.ts";
import { canManageMeeting, type MeetingAccess } from "./meeting-access.server.ts";
import { invitedPersonIds } from "./meeting-emails.server.ts";
import { addDecision, answerInvitation, assessObjectives, cancelMeeting, closeMeeting, recordAttendance, saveItemMinutes, startMeeting, type RecordResult } from "./meeting-records.server.ts";
import { summaryOf } from "../outcome/outcome.ts";
import { meetingAgendaItem } from "./tables.ts";
import { attendanceValues, objectivesOutcomes, rsvpAnswers } from "./vocabulary.ts";
import { handlePivotMeetingAction, isPivotIntent, pivotMeetingIntents, type PivotCtx } from "./pivot-meeting-actions.server.ts";
import type { Locale } from "../../i18n/types.ts";

export type MeetingActionResult =
  | { ok: true; location: string }
  | { ok: false; status: 400 | 404 | 409; intent: string; itemId?: string; message: string; vars?: Record<string, string | number>; errors?: FieldErrorMap };

/** The intents of the meeting page's forms; anything else is refused (400). */
export const meetingIntents = ["rsvp", "start", "close", "cancel", "attendance", "minutes", "decision", "responsibility", "upload", "deleteFile", "objectives", ...pivotMeetingIntents] as const;

interface Ctx {
  db: Database;
  actor: AuditActor;
  access: MeetingAccess;
  accountId: string;
  meeting: MeetingRow;
  publicUrl: string;
  /** The person's language (agenda item and thread titles the pivot meetings write). */
  locale: Locale;
  user: PivotCtx["user"];
}

const intentSchema = z.object({ intent: z.enum(meetingIntents, { message: "form.invalid" }) });
const rsvpSchema = z.object({ answer: z.enum(rsvpAnswers, { message: "form.required" }) });
const minutesSchema = z.object({ itemId: requiredId, version: versionField, minutes: z.string().max(20_000, "form.tooLong").transform((v) => v.trim()) });
const itemSchema = z.object({ itemId: requiredId });
const decisionSchema = z.object({ itemId: optionalId, text: z.string().trim().min(1, "form.required").max(2000, "form.tooLong") });
const fileSchema = z.object({ fileId: requiredId });
const attendanceSchema = z.object({ version: versionField, guests: z.string().max(30_000, "form.tooLong").optional().default("") });
const overrideSchema = z.object({ earlyReason: z.string().max(1000, "form.tooLong").optional().default("") });
const objectivesSchema = z.object({
  version: versionField,
  outcome: z.enum(objectivesOutcomes, { message: "form.required" }),
  review: z.string().max(2000, "form.tooLong").optional().default("").transform((v) => v.trim()),
});
const attendanceValue = z.union([z.literal(""), z.enum(attendanceValues)]);

async function hasItem(db: Database, meetingId: string, itemId: string): Promise<boolean> {
  const [row] = await db.select({ id: meetingAgendaItem.id }).from(meetingAgendaItem).where(and(eq(meetingAgendaItem.meetingId, meetingId), eq(meetingAgendaItem.id, itemId)));
  return !!row;
}

/**
 * One POST on the meeting page, dispatched by `intent`, over a body already read by readForm.
 * Creates (decision, responsibility, document) run once per submission key; edits (minutes,
 * attendance) carry the version of what their form showed; status changes refuse a repeat.
 */
export async function handleMeetingAction(ctx: Ctx, read: Extract<FormRead, { ok: true }>): Promise<MeetingActionResult> {
  const { db, actor, access, meeting: m } = ctx;
  const values = read.values;
  const here = `/meetings/${m.id}`;
  const which = parseValues(read, intentSchema);
  const intent = which.ok ? which.data.intent : String(values.intent ?? "");
  const refuse = (message: string, errors?: FieldErrorMap, itemId?: string): MeetingActionResult => ({ ok: false, status: 400, intent, itemId, message, errors });
  if (!which.ok) return refuse("form.invalid");
  const done = (notice: string, anchor?: string) => `${here}?saved=${notice}${anchor ? `#${anchor}` : ""}`;
  const fromRecord = (r: RecordResult, notice: string, anchor?: string, itemId?: string): MeetingActionResult => {
    switch (r.kind) {
      case "ok":
        return { ok: true, location: done(notice, anchor) };
      case "not_found":
        return { ok: false, status: 404, intent, message: "not_found" };
      case "conflict":
        return { ok: false, status: 409, intent, itemId, message: "form.conflict" };
      case "refused":
        return { ok: false, status: 409, intent, itemId, message: r.reason, vars: r.vars };
    }
  };
  /** A create: identical submissions (double click, retry) make one record and all land on it. */
  const once = async (create: (tx: Database) => Promise<MeetingActionResult>): Promise<MeetingActionResult> => {
    const submission = submissionOf(values, `meetings.$meetingId:${intent}`, ctx.accountId);
    if (!submission) return refuse("form.expired");
    const outcome = await submitOnce(db, submission, async (tx) => {
      const result = await create(tx);
      return result.ok ? created(result.location) : refused(result);
    });
    return outcome.created ? { ok: true, location: outcome.location } : outcome.refused;
  };

  if (which.data.intent === "rsvp") {
    const answer = parseValues(read, rsvpSchema);
    if (!answer.ok) return refuse("form.invalid", answer.errors);
    return fromRecord(await answerInvitation(db, actor, access, m.id, answer.data.answer), "rsvp", "rsvp");
  }
  if (isPivotIntent(which.data.intent)) return handlePivotMeetingAction(ctx, which.data.intent, read);
  if (!canManageMeeting(access, m)) return { ok: false, status: 404, intent, message: "not_found" };
  switch (which.data.intent) {
    case "start":
    case "close": {
      const override = parseValues(read, overrideSchema);
      if (!override.ok) return refuse("form.invalid", override.errors);
      const result =
        which.data.intent === "start" ? await startMeeting(db, actor, access, m.id, override.data) : await closeMeeting(db, actor, access, m.id, ctx.publicUrl, override.data);
      if (result.kind === "refused" && result.errors) return { ok: false, status: 400, intent, message: result.reason, vars: result.vars, errors: result.errors };
      return fromRecord(result, which.data.intent === "start" ? "started" : "closed");
    }
    case "cancel":
      return fromRecord(await cancelMeeting(db, actor, access, m.id, ctx.publicUrl), "cancelled");
    case "attendance": {
      const parsed = parseValues(read, attendanceSchema);
      if (!parsed.ok) return refuse("form.errors", parsed.errors);
      const invited = await invitedPersonIds(db, m.id);
      const entries = [];
      for (const personId of invited) {
        const v = attendanceValue.safeParse(values[`attendance-${personId}`] ?? "");
        if (!v.success) return refuse("form.invalid", { [`attendance-${personId}`]: ["form.invalid"] });
        entries.push({ personId, attendance: v.data === "" ? null : v.data });
      }
      const guests = parsed.data.guests
        .split(/\r?\n/)
        .map((g) => g.trim().slice(0, 200))
        .filter(Boolean)
        .slice(0, 100);
      return fromRecord(await recordAttendance(db, actor, access, m.id, { version: parsed.data.version, entries, guests }), "attendance", "attendance");
    }
    case "objectives": {
      const parsed = parseValues(read, objectivesSchema);
      if (!parsed.ok) return refuse("form.errors", parsed.errors);
      return fromRecord(await assessObjectives(db, actor, access, m.id, parsed.data), "objectives", "objectives");
    }
    case "minutes": {
      const itemId = typeof values.itemId === "string" ? values.itemId : undefined;
      // Another meeting's item (or a missing one) answers 404 whatever else the form holds.
      const named = parseValues(read, itemSchema);
      if (named.ok && !(await hasItem(db, m.id, named.data.itemId))) return { ok: false, status: 404, intent, message: "not_found" };
      const parsed = parseValues(read, minutesSchema);
      if (!parsed.ok) return refuse(parsed.errors.minutes ? "form.tooLong" : "form.invalid", parsed.errors, itemId);
      const { itemId: id, version, minutes } = parsed.data;
      return fromRecord(await saveItemMinutes(db, actor, access, m.id, id, version, minutes), "minutes", `item-${id}`, id);
    }
    case "decision": {
      const parsed = parseValues(read, decisionSchema);
      const rawItem = typeof values.itemId === "string" ? values.itemId : undefined;
      if (!parsed.ok) return parsed.errors.itemId ? refuse("form.invalid", undefined, rawItem) : refuse("meetings.decision.required", { text: ["form.required"] }, rawItem);
      const { itemId, text } = parsed.data;
      return once(async (tx) => fromRecord(await addDecision(tx, actor, access, m.id, itemId, text), "decision", itemId ? `item-${itemId}` : "decisions", itemId ?? undefined));
    }
    case "responsibility": {
      const parsed = parseValues({ ...read, values: { ...values, meetingId: m.id } }, responsibilitySchema);
      const itemId = typeof values.agendaItemId === "string" ? values.agendaItemId : "";
      if (!parsed.ok) return refuse("form.errors", parsed.errors, itemId);
      return once(async (tx) => {
        const result = await createResponsibility(tx, actor, access, parsed.data);
        if (result.kind === "ok") return { ok: true, location: done("responsibility", itemId ? `item-${itemId}` : "responsibilities") };
        if (result.kind === "invalid") return refuse(summaryOf(result) ?? "form.invalid", result.errors, itemId);
        return { ok: false, status: 404, intent, message: "not_found" };
      });
    }
    case "upload": {
      if (m.status === "cancelled") return refuse("meetings.refused.status");
      const upload = await readUpload(read.form, "document", anyDocument);
      if (!upload.ok) return refuse(`meetings.upload.${upload.error}`, { document: [`meetings.upload.${upload.error}`] });
      return once(async (tx) => {
        const file = await storeFile(tx, meetingFileOwner(m), upload.upload, access.personId);
        await recordAuditEvent(tx, actor, { action: "meeting.document_added", targetType: "meeting", targetId: m.id, partnershipId: m.partnershipId, organizationId: m.organizationId, details: { fileId: file.id, bytes: file.byteSize } });
        return { ok: true, location: done("uploaded", "documents") };
      });
    }
    case "deleteFile": {
      const parsed = parseValues(read, fileSchema);
      if (!parsed.ok) return refuse("form.invalid", parsed.errors);
      const fileId = parsed.data.fileId;
      const deleted = await db.transaction(async (tx) => {
        const ok = await deleteFile(tx, meetingFileOwner(m), fileId);
        if (ok) await recordAuditEvent(tx, actor, { action: "meeting.document_deleted", targetType: "meeting", targetId: m.id, partnershipId: m.partnershipId, organizationId: m.organizationId, details: { fileId } });
        return ok;
      });
      return deleted ? { ok: true, location: done("fileDeleted", "documents") } : { ok: false, status: 404, intent, message: "not_found" };
    }
  }
}
