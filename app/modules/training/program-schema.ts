import { z } from "zod";
import { optionalText, requiredText } from "../forms/fields.ts";
import { guideModuleKinds, type GuideModuleKind } from "../guide/vocabulary.ts";
import type { ProgramDay } from "./vocabulary.ts";

/** Days a program form offers (blank days are dropped). */
export const MAX_PROGRAM_DAYS = 5;

/** Earlier programs named the modules in French; the form and the guide use the guide's keys. */
const legacyModules: Record<string, GuideModuleKind> = { savoir: "knowledge", "savoir-etre": "attitudes", "savoir-faire": "skills" };
export const programModuleKinds = (stored: readonly string[]): GuideModuleKind[] =>
  [...new Set(stored.map((m) => legacyModules[m] ?? m))].filter((m): m is GuideModuleKind => (guideModuleKinds as readonly string[]).includes(m));

const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

const base = z.object({
  nameFr: requiredText(200),
  nameEn: requiredText(200),
  summaryFr: optionalText(2000),
  summaryEn: optionalText(2000),
  guideModules: z.array(z.enum(guideModuleKinds, "form.invalid")).default([]),
});

export interface ProgramInput {
  nameFr: string;
  nameEn: string;
  summaryFr: string;
  summaryEn: string;
  guideModules: GuideModuleKind[];
  days: ProgramDay[];
}

/** Fields of the program form that repeat (checkboxes): for readForm's `arrays`. */
export const PROGRAM_ARRAYS = ["guideModules"] as const;

/** What readForm gives: one string per field, a list for PROGRAM_ARRAYS. */
export type ProgramFormFields = Record<string, string | string[] | undefined>;

/**
 * Reads the program form: names and summaries in both languages, the guide modules covered and
 * up to MAX_PROGRAM_DAYS days (`day0.titleFr`, objectives one per line). At least one day.
 */
export function parseProgramForm(form: ProgramFormFields): { ok: true; data: ProgramInput } | { ok: false; errors: Record<string, string[]> } {
  const get = (k: string) => {
    const v = form[k];
    return typeof v === "string" ? v : "";
  };
  const modules = form.guideModules;
  const parsed = base.safeParse({
    nameFr: get("nameFr"),
    nameEn: get("nameEn"),
    summaryFr: get("summaryFr"),
    summaryEn: get("summaryEn"),
    guideModules: Array.isArray(modules) ? modules : typeof modules === "string" ? [modules] : [],
  });
  const errors: Record<string, string[]> = {};
  if (!parsed.success) for (const issue of parsed.error.issues) errors[String(issue.path[0])] = [issue.message];
  const days: ProgramDay[] = [];
  for (let i = 0; i < MAX_PROGRAM_DAYS; i++) {
    const day = {
      titleFr: get(`day${i}.titleFr`).trim(),
      titleEn: get(`day${i}.titleEn`).trim(),
      objectivesFr: lines(get(`day${i}.objectivesFr`)),
      objectivesEn: lines(get(`day${i}.objectivesEn`)),
    };
    if (!day.titleFr && !day.titleEn && !day.objectivesFr.length && !day.objectivesEn.length) continue;
    if (!day.titleFr) errors[`day${i}.titleFr`] = ["form.required"];
    if (!day.titleEn) errors[`day${i}.titleEn`] = ["form.required"];
    if (day.titleFr.length > 200 || day.titleEn.length > 200) errors[`day${i}.titleFr`] = ["form.tooLong"];
    // Objectives are stored as lists: bounded like the summaries.
    if (get(`day${i}.objectivesFr`).length > 4000) errors[`day${i}.objectivesFr`] = ["form.tooLong"];
    if (get(`day${i}.objectivesEn`).length > 4000) errors[`day${i}.objectivesEn`] = ["form.tooLong"];
    days.push(day);
  }
  if (days.length === 0) errors["day0.titleFr"] = ["trainingEval.program.dayRequired"];
  if (!parsed.success || Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, data: { ...parsed.data, days } };
}
