import { z } from "zod";

/**
 * Zod building blocks for the administration forms. Messages are i18n keys: the form
 * components translate them in the reader's language.
 */
// nullish (not a union with undefined): Zod treats the key as optional, so a field the form
// did not send reads as "".
const trimmed = z
  .string()
  .nullish()
  .transform((v) => (v ?? "").trim());

export const optionalText = (max = 200) => trimmed.pipe(z.string().max(max, "form.tooLong"));

export const requiredText = (max = 200) =>
  trimmed.pipe(z.string().min(1, "form.required").max(max, "form.tooLong"));

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** "" → null; otherwise a real calendar date (2026-02-30 is refused). */
export const optionalDate = trimmed
  // Month 13 or day 00 make an Invalid Date, whose toISOString() throws: checked first (else a 500).
  .refine((v) => v === "" || (DATE.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v)), "form.invalidDate")
  .transform((v) => (v === "" ? null : v));

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}

/** "" → null; anything else must be a UUID (a bad id would otherwise reach a uuid column and fail). */
export const optionalId = trimmed
  .refine((v) => v === "" || UUID.test(v), "form.invalid")
  .transform((v) => (v === "" ? null : v.toLowerCase()));

export const requiredId = trimmed.refine((v) => UUID.test(v), "form.required").transform((v) => v.toLowerCase());

/** PostgreSQL's integer: a larger number would fail in the database instead of on the form. */
export const MAX_INT = 2_147_483_647;

export const versionField = z.coerce.number({ message: "form.invalid" }).int("form.invalid").positive("form.invalid").max(MAX_INT, "form.invalid");

/** A whole number typed in a field: "" → null; out of [min, max] is a field error, not a database error. */
export const optionalInt = (min = 0, max = MAX_INT) =>
  trimmed
    .refine((v) => v === "" || (/^-?\d{1,10}$/.test(v) && Number(v) >= min && Number(v) <= max), "form.invalidNumber")
    .transform((v) => (v === "" ? null : Number(v)));

export const requiredInt = (min = 0, max = MAX_INT) =>
  trimmed
    .refine((v) => v !== "", "form.required")
    .refine((v) => v === "" || (/^-?\d{1,10}$/.test(v) && Number(v) >= min && Number(v) <= max), "form.invalidNumber")
    .transform((v) => Number(v));

const LANGUAGE_CODE = /^[a-z]{2,3}$/;

/**
 * Languages come from checkboxes (fr, en) plus a free field of other ISO 639 codes
 * ("es, ar iu"). Returns the de-duplicated list, or null when a code is not one.
 */
export function parseLanguages(checked: readonly string[], other: string): string[] | null {
  const extra = other
    .split(/[\s,;]+/)
    .map((c) => c.trim().toLowerCase())
    .filter(Boolean);
  if (extra.some((c) => !LANGUAGE_CODE.test(c))) return null;
  const known = checked.filter((c) => c === "fr" || c === "en");
  return [...new Set([...known, ...extra])];
}

export const languageFields = {
  languages: z.array(z.string()).optional().default([]),
  otherLanguages: optionalText(100),
};

/** Shared refinement for objects built with `languageFields`. */
export function checkLanguages(value: { languages: string[]; otherLanguages: string }, ctx: z.RefinementCtx) {
  const parsed = parseLanguages(value.languages, value.otherLanguages);
  if (!parsed) ctx.addIssue({ code: "custom", path: ["otherLanguages"], message: "form.languageCodes" });
  else if (parsed.length === 0) ctx.addIssue({ code: "custom", path: ["languages"], message: "form.languagesRequired" });
}

/** Form data as a plain object; `arrays` names the fields that may repeat (checkboxes). */
export function formValues(formData: FormData, arrays: readonly string[] = []): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(formData.keys())) {
    const all = formData.getAll(key).map((v) => (typeof v === "string" ? v : ""));
    out[key] = arrays.includes(key) ? all : (all[0] ?? "");
  }
  for (const key of arrays) out[key] ??= [];
  return out;
}

export type FieldErrorMap = Record<string, string[] | undefined>;

export function fieldErrors(error: z.ZodError): FieldErrorMap {
  return z.flattenError(error).fieldErrors as FieldErrorMap;
}

/** What a form re-renders with after a refused submission: the raw values the person typed. */
export type FormValues = Record<string, string | string[] | undefined>;
