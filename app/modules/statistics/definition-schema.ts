import { z } from "zod";
import { organizationTypes } from "../governance/organization-types.ts";
import { optionalId, optionalText, requiredId, requiredInt, requiredText, versionField } from "../forms/fields.ts";
import { parsePeriod } from "./periods.ts";
import { CODE_PATTERN, periodTypes, statisticsIndicatorCodes } from "./vocabulary.ts";

const code = requiredText(40).refine((v) => v === "" || CODE_PATTERN.test(v), "statistics.form.code.invalid");

/** A data set's definition: who reports what, per which period, by when. */
export const dataSetSchema = z
  .object({
    nameFr: requiredText(200),
    nameEn: requiredText(200),
    periodType: z.enum(periodTypes, { message: "form.invalid" }),
    organizationTypes: z.array(z.string()).max(organizationTypes.length, "form.invalid").default([]),
    entryWindowDays: requiredInt(1, 366),
    timelinessDays: requiredInt(1, 366),
    firstPeriod: requiredText(10),
    lastPeriod: optionalText(10),
  })
  .superRefine((v, ctx) => {
    if (v.organizationTypes.length === 0) ctx.addIssue({ code: "custom", path: ["organizationTypes"], message: "statistics.form.organizationTypes.required" });
    if (v.organizationTypes.some((t) => !(organizationTypes as readonly string[]).includes(t))) ctx.addIssue({ code: "custom", path: ["organizationTypes"], message: "form.invalid" });
    if (v.timelinessDays > v.entryWindowDays) ctx.addIssue({ code: "custom", path: ["timelinessDays"], message: "statistics.form.timeliness.afterWindow" });
    const first = v.firstPeriod ? parsePeriod(v.firstPeriod, v.periodType) : null;
    if (v.firstPeriod && !first) ctx.addIssue({ code: "custom", path: ["firstPeriod"], message: "statistics.form.firstPeriod.invalid" });
    const last = v.lastPeriod ? parsePeriod(v.lastPeriod, v.periodType) : null;
    if (v.lastPeriod && !last) ctx.addIssue({ code: "custom", path: ["lastPeriod"], message: "statistics.form.firstPeriod.invalid" });
    if (first && last && last.from < first.from) ctx.addIssue({ code: "custom", path: ["lastPeriod"], message: "statistics.form.lastPeriod.beforeFirst" });
  })
  .transform((v) => ({ ...v, lastPeriod: v.lastPeriod === "" ? null : v.lastPeriod, organizationTypes: [...new Set(v.organizationTypes)] as (typeof organizationTypes)[number][] }));
export type DataSetInput = z.output<typeof dataSetSchema>;


export interface OptionInput {
  code: string;
  nameFr: string;
  nameEn: string;
}

/** Options typed one per line: `code | Nom français | English name`. */
const optionLines = (required: boolean) =>
  z
    .string()
    .nullish()
    .transform((v) => (v ?? "").trim())
    .pipe(z.string().max(6000, "form.tooLong"))
    .transform((text, ctx): OptionInput[] => {
      const lines = text
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean);
      if (required && lines.length === 0) ctx.addIssue({ code: "custom", message: "statistics.form.options.required" });
      if (lines.length > 30) ctx.addIssue({ code: "custom", message: "statistics.form.options.tooMany" });
      const out: OptionInput[] = [];
      for (const line of lines) {
        const parts = line.split("|").map((p) => p.trim());
        if (parts.length !== 3 || !CODE_PATTERN.test(parts[0]!) || !parts[1] || !parts[2] || parts[1].length > 200 || parts[2].length > 200) {
          ctx.addIssue({ code: "custom", message: "statistics.form.options.line" });
          return [];
        }
        out.push({ code: parts[0]!, nameFr: parts[1], nameEn: parts[2] });
      }
      if (new Set(out.map((o) => o.code)).size !== out.length) ctx.addIssue({ code: "custom", message: "statistics.form.options.duplicate" });
      return out;
    });

export const categorySchema = z.object({ code, nameFr: requiredText(200), nameEn: requiredText(200), options: optionLines(true) });
export type CategoryInput = z.output<typeof categorySchema>;

/**
 * Renaming a category, renaming its options by code (`options`, absent or blank: unchanged) and
 * adding options; no option goes away: values refer to them.
 */
export const categoryEditSchema = z.object({ nameFr: requiredText(200), nameEn: requiredText(200), options: optionLines(false), newOptions: optionLines(false), version: versionField });
export type CategoryEditInput = z.output<typeof categoryEditSchema>;

const indicatorCode = z
  .string()
  .nullish()
  .transform((v) => (v ?? "").trim())
  .refine((v) => v === "" || (statisticsIndicatorCodes as readonly string[]).includes(v), "form.invalid")
  .transform((v) => (v === "" ? null : v));

export const dataElementSchema = z
  .object({ code, nameFr: requiredText(200), nameEn: requiredText(200), rowCategoryId: optionalId, columnCategoryId: optionalId, indicatorCode })
  .superRefine((v, ctx) => {
    if (v.columnCategoryId && !v.rowCategoryId) ctx.addIssue({ code: "custom", path: ["columnCategoryId"], message: "statistics.form.columnWithoutRow" });
    if (v.columnCategoryId && v.columnCategoryId === v.rowCategoryId) ctx.addIssue({ code: "custom", path: ["columnCategoryId"], message: "statistics.form.sameCategory" });
  })
  .transform(({ rowCategoryId, columnCategoryId, ...rest }) => ({ ...rest, categoryIds: [rowCategoryId, columnCategoryId].filter((c): c is string => !!c) }));
export type DataElementInput = z.output<typeof dataElementSchema>;

/** The version an edit form carries, parsed apart from the fields it edits. */
export const versionSchema = z.object({ version: versionField });

/** Which data element an edit form is about, with its version. */
export const elementRefSchema = z.object({ elementId: requiredId, version: versionField });
