// Plain data, free of the ORM, so that route components may import it.

/** How long one reporting period lasts (DHIS2's period type). Quarter by default. */
export const periodTypes = ["quarter", "month", "year"] as const;
export type PeriodType = (typeof periodTypes)[number];

/**
 * Where an organization's report for one period stands. `approved` is locked: nothing changes
 * until someone reopens it with a reason (`reopened`, editable again, then submitted anew).
 */
export const submissionStatuses = ["draft", "submitted", "returned", "approved", "reopened"] as const;
export type SubmissionStatus = (typeof submissionStatuses)[number];

/** The reporter may change values in these states (approved is locked, submitted awaits review). */
export const editableStatuses: readonly SubmissionStatus[] = ["draft", "returned", "reopened"];

export const eventKinds = ["saved", "submitted", "returned", "approved", "reopened"] as const;
export type EventKind = (typeof eventKinds)[number];

/**
 * Statistics-based indicators of the registry: a data element may feed one of them (its approved
 * totals, summed over the periods that lie wholly in the indicator's period).
 */
export const statisticsIndicatorCodes = ["stats_concern_raised", "stats_dpj_reports", "stats_pivot_accompanied"] as const;
export type StatisticsIndicatorCode = (typeof statisticsIndicatorCodes)[number];

/** The largest count a cell takes: beyond it the figure is a typing error, not a count of youths. */
export const MAX_COUNT = 100_000;

/** A value at least this many times the previous period's (or a third of it) is a jump to confirm… */
export const JUMP_FACTOR = 3;
/** …when the larger of the two is at least this (small counts move a lot without meaning anything)… */
export const JUMP_FLOOR = 10;
/** …and any change of at least this much is a jump too. */
export const JUMP_ABSOLUTE = 50;

/** Reminders to the reporters this many days before the timeliness deadline (and on the day it passes). */
export const REMINDER_DAYS_BEFORE = 7;

/** The key of a data element's total in the value table and in field names. */
export const TOTAL_KEY = "total";

/** The field of one cell: `cell:<option code>.<option code>` or `cell:total`. */
export const cellField = (comboKey: string) => `cell:${comboKey}`;

/** Codes of categories, options and data elements: lower-case letters, digits and underscores. */
export const CODE_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;

export interface CategoryShape {
  id: string;
  code: string;
  nameFr: string;
  nameEn: string;
  options: { id: string; code: string; nameFr: string; nameEn: string }[];
}

/** Every cell of a category combination: the cross product of its categories' options, in order. */
export function comboKeys(categories: readonly CategoryShape[]): { key: string; options: CategoryShape["options"] }[] {
  let combos: { key: string; options: CategoryShape["options"] }[] = [{ key: "", options: [] }];
  for (const category of categories) {
    combos = combos.flatMap((c) => category.options.map((o) => ({ key: c.key ? `${c.key}.${o.code}` : o.code, options: [...c.options, o] })));
  }
  return categories.length ? combos : [];
}
