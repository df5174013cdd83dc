import { z } from "zod";
import { versionField } from "../forms/fields.ts";
import { clienteleCodes, languageCodes, ranks } from "./vocabulary.ts";

/** Zod schemas of the designation forms; messages are i18n keys. */
const text = (max: number) =>
  z
    .string()
    .nullish()
    .transform((v) => (v ?? "").trim())
    .pipe(z.string().max(max, "directory.form.tooLong"));

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A real calendar date: "2026-02-30" and "2026-13-01" are refused (never thrown on). */
const isDate = (v: string) => {
  if (!DATE.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v);
};

const requiredId = text(40).refine((v) => UUID.test(v), "form.required").transform((v) => v.toLowerCase());
const optionalId = text(40)
  .refine((v) => v === "" || UUID.test(v), "form.invalid")
  .transform((v) => (v === "" ? null : v.toLowerCase()));
const requiredDate = text(10).refine((v) => v !== "", "form.required").refine(isDate, "directory.form.invalidDate");
const optionalDate = text(10)
  .refine((v) => v === "" || isDate(v), "directory.form.invalidDate")
  .transform((v) => (v === "" ? null : v));

export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}

/** "Exploitation en ligne, gangs de rue" → ["Exploitation en ligne", "gangs de rue"] (max 12, each ≤ 60). */
export function parseTags(value: string): string[] {
  const tags = value
    .split(/[,;\n]+/)
    .map((t) => t.trim().replace(/\s+/g, " "))
    .filter(Boolean);
  const seen = new Map<string, string>();
  for (const t of tags) if (!seen.has(t.toLowerCase())) seen.set(t.toLowerCase(), t);
  return [...seen.values()];
}

const details = {
  siteId: optionalId,
  rank: z.enum(ranks, { message: "form.invalid" }),
  since: requiredDate,
  until: optionalDate,
  languages: z.array(z.enum(languageCodes, { message: "form.invalid" })).min(1, "directory.form.languageRequired"),
  clienteles: z.array(z.enum(clienteleCodes, { message: "form.invalid" })).default([]),
  expertise: text(800)
    .transform(parseTags)
    .refine((tags) => tags.length <= 12 && tags.every((t) => t.length <= 60), "directory.form.tooManyTags"),
  availability: text(500),
  contactPhone: text(40).refine((v) => v === "" || /^\+?[0-9][0-9 ().-]{5,24}( *(poste|ext\.?|x|#) *\d{1,6})?$/i.test(v), "directory.form.invalidPhone"),
  contactEmail: text(200).refine((v) => v === "" || z.email().safeParse(v).success, "directory.form.invalidEmail"),
  contactNotes: text(500),
};

function datesInOrder(v: { since: string; until: string | null }, ctx: z.RefinementCtx) {
  if (v.until && v.until < v.since) ctx.addIssue({ code: "custom", path: ["until"], message: "directory.form.untilBeforeSince" });
}

export const createDesignationSchema = z
  .object({ organizationId: requiredId, personId: requiredId, ...details })
  .superRefine(datesInOrder);
export type CreateDesignationValues = z.output<typeof createDesignationSchema>;

export const updateDesignationSchema = z
  .object({ version: versionField, ...details })
  .superRefine(datesInOrder);
export type UpdateDesignationValues = z.output<typeof updateDesignationSchema>;

/** The end form names its date "lastDay": the edit form on the same page already has an "until" field. */
export const endDesignationSchema = z
  .object({
    version: versionField,
    lastDay: requiredDate,
    endReason: text(300).refine((v) => v !== "", "form.required"),
  })
  .transform(({ lastDay, ...rest }) => ({ ...rest, until: lastDay }));
export type EndDesignationValues = z.output<typeof endDesignationSchema>;

/** The checkbox groups of the designation forms (the only fields that repeat). */
export const DESIGNATION_ARRAYS = ["languages", "clienteles"] as const;

/** "Still accurate": the entry and the version the person saw. */
export const confirmDesignationSchema = z.object({ designationId: requiredId, version: versionField });

/** A form that only states the version it was drawn from (confirm on the designation page). */
export const versionOnlySchema = z.object({ version: versionField });

/** Which form of the designation page was sent. */
export const designationIntentSchema = z.object({ intent: z.enum(["save", "confirm", "end"], { message: "form.invalid" }) });

export function fieldErrorsOf(error: z.ZodError): Record<string, string[] | undefined> {
  return z.flattenError(error).fieldErrors as Record<string, string[] | undefined>;
}
