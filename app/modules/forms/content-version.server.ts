import { createHash } from "node:crypto";
import { MAX_INT } from "./fields.ts";

/**
 * The version of a record that has no version column (and no migration to add one): a number
 * drawn from exactly the values its edit form shows. The form carries it like any version; the
 * save recomputes it under the record's lock and answers "conflict" when it differs, so a stale
 * form never overwrites what someone else saved since. (Changing a value and changing it back
 * gives the old number again: the form then shows what is current, so nothing is lost.)
 *
 * `values` must be built in a fixed order by the caller (arrays, not objects with loose keys).
 */
export function contentVersion(values: unknown): number {
  const digest = createHash("sha256").update(JSON.stringify(values)).digest();
  // 1..MAX_INT, the range of `versionField`.
  return (digest.readUInt32BE(0) % MAX_INT) + 1;
}
