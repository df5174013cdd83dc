import { z } from "zod";
import { optionalText, versionField } from "../forms/fields.ts";
import { fieldName, pathwayLanguages, pathwayTextKeys, PATHWAY_TEXT_MAX, type PathwayTextKey } from "./steps.ts";
import type { PathwayContent } from "./tables.ts";

const text = z
  .union([z.string(), z.undefined(), z.null()])
  .transform((v) => (v ?? "").replace(/\r\n/g, "\n").trim())
  .pipe(z.string().min(1, "form.required").max(PATHWAY_TEXT_MAX, "pathway.edit.tooLong"));

import { baseNumber } from "./version-action-schema.ts";

/** Every text in both languages is required: a reader must never land on an empty step. */
export const pathwayDraftSchema = z.object({
  ...Object.fromEntries(
    pathwayLanguages.flatMap((language) => pathwayTextKeys.map((key) => [fieldName(language, key), text])),
  ) as Record<string, typeof text>,
  changeNote: optionalText(500),
  baseNumber,
});

export function contentFromDraft(values: Record<string, string>): PathwayContent {
  const pick = (language: "fr" | "en") =>
    Object.fromEntries(pathwayTextKeys.map((key) => [key, values[fieldName(language, key)] ?? ""])) as Record<PathwayTextKey, string>;
  return { fr: pick("fr"), en: pick("en") };
}

/** Phone numbers as people write them: digits, spaces, dashes, dots, parentheses, a leading +. */
export const dpjPhoneSchema = z.object({
  dpjPhone: optionalText(40).pipe(
    z.string().regex(/^(?:\+?[0-9][0-9 ().-]{5,38}[0-9])?$/, "pathway.settings.phoneInvalid"),
  ),
  version: versionField,
});

/** Which form of the editor page was sent. */
export const pathwayEditIntentSchema = z.object({ intent: z.enum(["save", "dpj"], { message: "form.invalid" }) });
