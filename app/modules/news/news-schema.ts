import { z } from "zod";
import { versionField } from "../forms/fields.ts";
import { NEWS_BODY_MAX, NEWS_TITLE_MAX } from "./vocabulary.ts";

const text = (max: number) =>
  z
    .union([z.string(), z.undefined(), z.null()])
    .transform((v) => (v ?? "").replace(/\r\n/g, "\n").trim())
    .pipe(z.string().min(1, "form.required").max(max, "form.tooLong"));

export const newsSchema = z.object({ title: text(NEWS_TITLE_MAX), body: text(NEWS_BODY_MAX) });
export type NewsInput = z.output<typeof newsSchema>;

export const editNewsSchema = newsSchema.extend({ version: versionField });
export const archiveNewsSchema = z.object({ version: versionField });
