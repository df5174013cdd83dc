import { z } from "zod";
import { optionalId, optionalText, requiredText } from "../forms/fields.ts";
import { fromLocal } from "./dates.ts";

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ids = z.array(z.string().regex(UUID, "form.invalid")).max(500).optional().default([]);
const texts = (max: number) => z.array(z.string().max(max, "form.tooLong")).max(40).optional().default([]);

export interface AgendaItemInput {
  /** Set when editing an existing item (keeps its minutes and linked responsibilities). */
  id: string | null;
  title: string;
  presenter: string;
  durationMinutes: number;
  notes: string;
}

/**
 * The meeting form: details, agenda rows (repeated fields, blank rows ignored), invited people
 * (checkboxes), the invitation shortcut and, when created from a template, the open items to
 * carry into a "follow-up of open items" agenda item.
 */
export const meetingSchema = z
  .object({
    title: requiredText(200),
    kind: requiredText(60),
    organizationId: optionalId,
    day: z.string().regex(DAY, "meetings.form.invalidDay"),
    startTime: z.string().regex(TIME, "meetings.form.invalidTime"),
    endTime: z.string().regex(TIME, "meetings.form.invalidTime"),
    place: optionalText(300),
    onlineUrl: optionalText(500).refine((v) => v === "" || /^https:\/\/[^\s]+$/i.test(v), "meetings.form.invalidUrl"),
    objectives: optionalText(4000),
    itemId: texts(36),
    itemTitle: texts(200),
    itemPresenter: texts(120),
    itemDuration: texts(6),
    itemNotes: texts(2000),
    invitees: ids,
    inviteAll: z.string().optional(),
    followUpIds: ids,
    templateId: optionalId,
  })
  .superRefine((v, ctx) => {
    if (!v.place && !v.onlineUrl) ctx.addIssue({ code: "custom", path: ["place"], message: "meetings.form.placeRequired" });
    if (v.endTime <= v.startTime) ctx.addIssue({ code: "custom", path: ["endTime"], message: "meetings.form.endAfterStart" });
    // Date.parse takes 2026-02-30 (as 2 March): the round trip refuses days that do not exist.
    if (Number.isNaN(Date.parse(`${v.day}T00:00:00Z`)) || !new Date(`${v.day}T00:00:00Z`).toISOString().startsWith(v.day)) ctx.addIssue({ code: "custom", path: ["day"], message: "meetings.form.invalidDay" });
    v.itemDuration.forEach((d, i) => {
      if (d.trim() !== "" && !/^\d{1,3}$/.test(d.trim())) ctx.addIssue({ code: "custom", path: ["itemDuration"], message: "meetings.form.invalidDuration" });
      if (d.trim() !== "" && !(v.itemTitle[i] ?? "").trim()) ctx.addIssue({ code: "custom", path: ["itemTitle"], message: "meetings.form.itemTitleRequired" });
    });
  })
  .transform((v) => {
    const items: AgendaItemInput[] = [];
    v.itemTitle.forEach((title, i) => {
      if (!title.trim()) return;
      const id = (v.itemId[i] ?? "").trim().toLowerCase();
      items.push({
        id: UUID.test(id) ? id : null,
        title: title.trim(),
        presenter: (v.itemPresenter[i] ?? "").trim(),
        durationMinutes: Number((v.itemDuration[i] ?? "").trim() || 0),
        notes: (v.itemNotes[i] ?? "").trim(),
      });
    });
    return {
      title: v.title,
      kind: v.kind,
      organizationId: v.organizationId,
      startsAt: fromLocal(v.day, v.startTime),
      endsAt: fromLocal(v.day, v.endTime),
      place: v.place,
      onlineUrl: v.onlineUrl,
      objectives: v.objectives,
      items,
      invitees: [...new Set(v.invitees.map((id) => id.toLowerCase()))],
      inviteAll: v.inviteAll === "on",
      followUpIds: [...new Set(v.followUpIds.map((id) => id.toLowerCase()))],
      templateId: v.templateId,
    };
  });

export type MeetingInput = z.output<typeof meetingSchema>;

/** Repeated agenda fields and checkboxes, for `formValues(form, MEETING_ARRAYS)`. */
export const MEETING_ARRAYS = ["itemId", "itemTitle", "itemPresenter", "itemDuration", "itemNotes", "invitees", "followUpIds"] as const;
