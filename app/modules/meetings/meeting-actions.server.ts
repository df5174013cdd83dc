import { z } from "zod";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import { anyDocument } from "../files/file-types.ts";
import { readUpload } from "../files/read-upload.server.ts";
import { deleteFile, storeFile } from "../files/stored-files.server.ts";
import { fieldErrors, isUuid, type FieldErrorMap } from "../forms/fields.ts";
import { responsibilitySchema } from "../responsibilities/responsibility-schema.ts";
import { createResponsibility } from "../responsibilities/save-responsibility.server.ts";
import { meetingFileOwner, type MeetingRow } from "./get-meeting.server.ts";
import { canManageMeeting, type MeetingAccess } from "./meeting-access.server.ts";
import { invitedPersonIds } from "./meeting-emails.server.ts";
import { addDecision, answerInvitation, cancelMeeting, closeMeeting, recordAttendance, saveItemMinutes, startMeeting, type RecordResult } from "./meeting-records.server.ts";
import { attendanceValues, rsvpAnswers, type AttendanceValue } from "./vocabulary.ts";

export type MeetingActionResult =
  | { ok: true; notice: string; anchor?: string }
  | { ok: false; status: 400 | 404 | 409; intent: string; itemId?: string; message: string; vars?: Record<string, string | number>; errors?: FieldErrorMap };

const text = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v.trim() : "";
};

function fromRecord(r: RecordResult, intent: string, notice: string, anchor?: string, itemId?: string): MeetingActionResult {
  if (r.status === "ok") return { ok: true, notice, anchor };
  if (r.status === "not_found") return { ok: false, status: 404, intent, message: "not_found" };
  return { ok: false, status: 409, intent, itemId, message: r.message, vars: r.vars };
}

interface Ctx {
  db: Database;
  actor: AuditActor;
  access: MeetingAccess;
  meeting: MeetingRow;
  publicUrl: string;
}

/** One POST on the meeting page, dispatched by `intent`. */
export async function handleMeetingAction(ctx: Ctx, form: FormData): Promise<MeetingActionResult> {
  const { db, actor, access, meeting: m } = ctx;
  const intent = text(form, "intent");
  const manage = canManageMeeting(access, m);
  const refuse = (message: string, errors?: FieldErrorMap, itemId?: string): MeetingActionResult => ({ ok: false, status: 400, intent, itemId, message, errors });
  if (intent === "rsvp") {
    const answer = z.enum(rsvpAnswers).safeParse(text(form, "answer"));
    if (!answer.success) return refuse("form.invalid", { answer: ["form.required"] });
    return fromRecord(await answerInvitation(db, actor, access, m.id, answer.data), intent, "rsvp", "rsvp");
  }
  if (!manage) return { ok: false, status: 404, intent, message: "not_found" };
  switch (intent) {
    case "start":
      return fromRecord(await startMeeting(db, actor, access, m.id), intent, "started");
    case "close":
      return fromRecord(await closeMeeting(db, actor, access, m.id, ctx.publicUrl), intent, "closed");
    case "cancel":
      return fromRecord(await cancelMeeting(db, actor, access, m.id, ctx.publicUrl), intent, "cancelled");
    case "attendance": {
      const invited = await invitedPersonIds(db, m.id);
      const entries = invited.map((personId) => {
        const v = text(form, `attendance-${personId}`);
        return { personId, attendance: (attendanceValues as readonly string[]).includes(v) ? (v as AttendanceValue) : null };
      });
      const guests = text(form, "guests")
        .split(/\r?\n/)
        .map((g) => g.trim().slice(0, 200))
        .filter(Boolean)
        .slice(0, 100);
      return fromRecord(await recordAttendance(db, actor, access, m.id, { entries, guests }), intent, "attendance", "attendance");
    }
    case "minutes": {
      const itemId = text(form, "itemId");
      const minutes = text(form, "minutes");
      if (!isUuid(itemId)) return refuse("form.invalid");
      if (minutes.length > 20000) return refuse("admin.form.tooLong", { minutes: ["admin.form.tooLong"] }, itemId);
      return fromRecord(await saveItemMinutes(db, actor, access, m.id, itemId.toLowerCase(), minutes), intent, "minutes", `item-${itemId}`, itemId);
    }
    case "decision": {
      const itemId = text(form, "itemId");
      const body = text(form, "text");
      if (itemId && !isUuid(itemId)) return refuse("form.invalid");
      if (!body || body.length > 2000) return refuse("meetings.decision.required", { text: ["form.required"] }, itemId);
      return fromRecord(await addDecision(db, actor, access, m.id, itemId ? itemId.toLowerCase() : null, body), intent, "decision", itemId ? `item-${itemId}` : "decisions", itemId);
    }
    case "responsibility": {
      const raw = Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string")) as Record<string, string>;
      const parsed = responsibilitySchema.safeParse({ ...raw, meetingId: m.id });
      const itemId = raw.agendaItemId ?? "";
      if (!parsed.success) return refuse("form.errors", fieldErrors(parsed.error), itemId);
      const result = await createResponsibility(db, actor, access, parsed.data);
      if (result.status === "ok") return { ok: true, notice: "responsibility", anchor: itemId ? `item-${itemId}` : "responsibilities" };
      if (result.status === "invalid") return refuse(result.message, { [result.field]: [result.message] }, itemId);
      return { ok: false, status: 404, intent, message: "not_found" };
    }
    case "upload": {
      if (m.status === "cancelled") return refuse("meetings.refused.status");
      const upload = await readUpload(form, "document", anyDocument);
      if (!upload.ok) return refuse(`meetings.upload.${upload.error}`, { document: [`meetings.upload.${upload.error}`] });
      await db.transaction(async (tx) => {
        const file = await storeFile(tx, meetingFileOwner(m), upload.upload, access.personId);
        await recordAuditEvent(tx, actor, { action: "meeting.document_added", targetType: "meeting", targetId: m.id, partnershipId: m.partnershipId, organizationId: m.organizationId, details: { fileId: file.id, bytes: file.byteSize } });
      });
      return { ok: true, notice: "uploaded", anchor: "documents" };
    }
    case "deleteFile": {
      const fileId = text(form, "fileId");
      if (!isUuid(fileId)) return refuse("form.invalid");
      const deleted = await db.transaction(async (tx) => {
        const ok = await deleteFile(tx, meetingFileOwner(m), fileId.toLowerCase());
        if (ok) await recordAuditEvent(tx, actor, { action: "meeting.document_deleted", targetType: "meeting", targetId: m.id, partnershipId: m.partnershipId, organizationId: m.organizationId, details: { fileId } });
        return ok;
      });
      return deleted ? { ok: true, notice: "fileDeleted", anchor: "documents" } : { ok: false, status: 404, intent, message: "not_found" };
    }
    default:
      return refuse("form.invalid");
  }
}
