import type { FieldErrorMap } from "../forms/fields.ts";
import { cellField, comboKeys, JUMP_ABSOLUTE, JUMP_FACTOR, JUMP_FLOOR, MAX_COUNT, TOTAL_KEY, type CategoryShape } from "./vocabulary.ts";

/*
 * The validation rules of one section (a data element's grid), plain so they are tested alone:
 * - every cell is a whole count 0 … MAX_COUNT or blank; blank is missing, never zero;
 * - the total equals the sum of its cells when every cell is given, and is never below the sum
 *   of those given (an error); with every cell given and no total, the total is their sum;
 * - a total far from the previous period's (× JUMP_FACTOR or more either way once either reaches
 *   JUMP_FLOOR, or JUMP_ABSOLUTE apart) is a warning the reporter confirms with a checkbox.
 */

const COUNT = /^\d{1,6}$/;

export interface SectionCheck {
  /** The counts to store: combo key → value; missing cells are absent. */
  values: Map<string, number>;
  errors: FieldErrorMap;
  /** The jump to confirm, when there is one. */
  jump: { previous: number; current: number } | null;
}

export function isJump(previous: number, current: number): boolean {
  if (Math.abs(current - previous) >= JUMP_ABSOLUTE) return true;
  if (Math.max(previous, current) < JUMP_FLOOR) return false;
  return current >= JUMP_FACTOR * previous || previous >= JUMP_FACTOR * current;
}

/** Reads the cells of one data element from the posted fields (other fields are ignored). */
export function checkSection(categories: readonly CategoryShape[], posted: Record<string, string | string[] | undefined>, previousTotal: number | null): SectionCheck {
  const values = new Map<string, number>();
  const errors: FieldErrorMap = {};
  const keys = [...comboKeys(categories).map((c) => c.key), TOTAL_KEY];
  for (const key of keys) {
    const field = cellField(key);
    const raw = posted[field];
    const text = typeof raw === "string" ? raw.trim() : "";
    if (text === "") continue;
    if (!COUNT.test(text) || Number(text) > MAX_COUNT) {
      errors[field] = ["statistics.entry.notCount"];
      continue;
    }
    values.set(key, Number(text));
  }
  if (Object.keys(errors).length) return { values, errors, jump: null };
  const cells = keys.filter((k) => k !== TOTAL_KEY);
  if (cells.length) {
    const given = cells.filter((k) => values.has(k));
    const sum = given.reduce((s, k) => s + values.get(k)!, 0);
    const total = values.get(TOTAL_KEY);
    if (total === undefined) {
      if (given.length === cells.length) values.set(TOTAL_KEY, sum);
    } else if (given.length === cells.length && total !== sum) {
      errors[cellField(TOTAL_KEY)] = ["statistics.entry.totalMismatch"];
    } else if (total < sum) {
      errors[cellField(TOTAL_KEY)] = ["statistics.entry.totalBelowSum"];
    }
  }
  if (Object.keys(errors).length) return { values, errors, jump: null };
  const current = values.get(TOTAL_KEY);
  const jump = current !== undefined && previousTotal !== null && isJump(previousTotal, current) ? { previous: previousTotal, current } : null;
  return { values, errors, jump };
}
