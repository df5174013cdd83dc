import { z } from "zod";
import { fieldErrors, optionalText, requiredText, type FieldErrorMap } from "../forms/fields.ts";
import { translationStatuses, type GuideExercise, type GuideSectionContent, type TranslationStatus } from "./vocabulary.ts";

export const GUIDE_TEXT_MAX = 20_000;
import { MAX_EXERCISES, exerciseField, exerciseFieldNames } from "./exercise-fields.ts";

export { MAX_EXERCISES, exerciseField, exerciseFieldNames };

const longText = (required: boolean) => (required ? requiredText(GUIDE_TEXT_MAX) : optionalText(GUIDE_TEXT_MAX));

const sectionSchema = z.object({
  titleFr: requiredText(200),
  titleEn: optionalText(200),
  bodyFr: longText(true),
  bodyEn: longText(false),
  translationStatus: z.enum(translationStatuses, { message: "form.invalid" }),
  changeNote: optionalText(300),
});

const exerciseSchema = z.object({
  key: optionalText(60),
  titleFr: optionalText(200),
  titleEn: optionalText(200),
  objectivesFr: optionalText(4000),
  objectivesEn: optionalText(4000),
  durationMinutes: z.coerce.number({ message: "guide.form.duration" }).int("guide.form.duration").min(1, "guide.form.duration").max(960, "guide.form.duration"),
  materialFr: optionalText(4000),
  materialEn: optionalText(4000),
  instructionsFr: optionalText(GUIDE_TEXT_MAX),
  instructionsEn: optionalText(GUIDE_TEXT_MAX),
});


export type SectionFormResult =
  | { ok: true; content: GuideSectionContent; translationStatus: TranslationStatus; changeNote: string }
  | { ok: false; errors: FieldErrorMap };

/**
 * Reads the section editor. An exercise slot whose titles and instructions are all empty is
 * dropped (that is how an exercise is removed, and the spare slot stays unused). English may
 * stay empty only while the translation status is "to translate".
 */
export function parseSectionForm(values: Record<string, string | string[] | undefined>, newKey: () => string): SectionFormResult {
  const errors: FieldErrorMap = {};
  const parsed = sectionSchema.safeParse(values);
  if (!parsed.success) Object.assign(errors, fieldErrors(parsed.error));
  const exercises: GuideExercise[] = [];
  for (let i = 0; i < MAX_EXERCISES; i++) {
    const slot: Record<string, unknown> = { key: values[exerciseField(i, "key")] };
    for (const name of exerciseFieldNames) slot[name] = values[exerciseField(i, name)];
    if (exerciseFieldNames.every((n) => n === "durationMinutes" || !String(slot[n] ?? "").trim())) continue;
    const ex = exerciseSchema.safeParse(slot);
    if (!ex.success) {
      for (const [name, messages] of Object.entries(fieldErrors(ex.error))) errors[exerciseField(i, name)] = messages;
      continue;
    }
    if (!ex.data.titleFr) errors[exerciseField(i, "titleFr")] = ["form.required"];
    exercises.push({ ...ex.data, key: /^[\w-]{1,60}$/.test(ex.data.key) ? ex.data.key : newKey() });
  }
  const raw = (name: string) => (typeof values[name] === "string" ? (values[name] as string).trim() : "");
  const status = raw("translationStatus");
  if ((status === "translated" || status === "to_review") && (!raw("titleEn") || !raw("bodyEn"))) {
    errors[raw("titleEn") ? "bodyEn" : "titleEn"] = ["guide.form.englishRequired"];
  }
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
  const { titleFr, titleEn, bodyFr, bodyEn, translationStatus, changeNote } = parsed.data;
  return { ok: true, content: { titleFr, titleEn, bodyFr, bodyEn, exercises }, translationStatus, changeNote };
}

/** The editor's fields filled from a version's content (or empty for a new section). */
export function sectionFormValues(content: GuideSectionContent | null, translationStatus: TranslationStatus): Record<string, string> {
  const out: Record<string, string> = {
    titleFr: content?.titleFr ?? "",
    titleEn: content?.titleEn ?? "",
    bodyFr: content?.bodyFr ?? "",
    bodyEn: content?.bodyEn ?? "",
    translationStatus,
    changeNote: "",
  };
  (content?.exercises ?? []).forEach((e, i) => {
    out[exerciseField(i, "key")] = e.key;
    for (const name of exerciseFieldNames) out[exerciseField(i, name)] = String(e[name]);
  });
  return out;
}
