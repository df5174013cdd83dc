import { z } from "zod";
import { optionalId, optionalText, requiredId, versionField } from "../forms/fields.ts";
import { BODY_MAX, digestRhythms, notificationLevels, postingRules, reportReasons, TITLE_MAX } from "./vocabulary.ts";

const text = (max: number) =>
  z
    .union([z.string(), z.undefined(), z.null()])
    .transform((v) => (v ?? "").replace(/\r\n/g, "\n").trim())
    .pipe(z.string().min(1, "form.required").max(max, "form.tooLong"));

export const newThreadSchema = z.object({ title: text(TITLE_MAX), body: text(BODY_MAX) });
export type NewThreadInput = z.output<typeof newThreadSchema>;

export const replySchema = z.object({ body: text(BODY_MAX), quote: optionalId });
export type ReplyInput = z.output<typeof replySchema>;

export const editPostSchema = z.object({ body: text(BODY_MAX), version: versionField });

export const levelSchema = z.object({ level: z.enum(notificationLevels, { message: "form.invalid" }) });

export const digestSchema = z.object({ digest: z.enum(digestRhythms, { message: "form.invalid" }) });

export const pinSchema = z.object({ version: versionField });

export const reportSchema = z.object({ postId: requiredId, reason: z.enum(reportReasons, { message: "form.required" }), note: optionalText(1000) });

export const hideSchema = z.object({ reportId: requiredId, reason: text(500), version: versionField });
export const dismissSchema = z.object({ reportId: requiredId, version: versionField });

export const newSpaceSchema = z.object({
  name: text(120),
  description: optionalText(500),
  posting: z.enum(postingRules, { message: "form.required" }),
  members: z
    .union([z.array(z.string()), z.string(), z.undefined()])
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
    .pipe(z.array(z.string().regex(/^[0-9a-f-]{36}$/i, "form.invalid")).max(500, "form.invalid")),
});
export type NewSpaceInput = z.output<typeof newSpaceSchema>;

/** "Start a discussion" on a Filet object: an optional first message (else a generated line links back to the object). */
export const subjectThreadSchema = z.object({ body: optionalText(BODY_MAX) });
export type SubjectThreadInput = z.output<typeof subjectThreadSchema>;
