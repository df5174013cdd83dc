import { detectors, type Finding } from "./detectors.ts";
import { helpLinePhones } from "./help-lines.ts";
import { phoneKey, type PublicPhones } from "./phone-key.ts";

export type { Finding, FindingKind } from "./detectors.ts";
export type { PublicPhones } from "./phone-key.ts";

/** Stronger kinds win when two findings overlap (an email is not also a handle). */
const priority: Record<Finding["kind"], number> = {
  email: 0,
  health_insurance_number: 1,
  social_handle: 2,
  street_address: 3,
  postal_code: 4,
  phone: 5,
  date_of_birth: 6,
  person_name: 7,
};

/**
 * Details in free text that could identify a youth or a family (SPEC §4): the text is never
 * stored while this returns anything. Findings are sorted, non-overlapping, with offsets in
 * UTF-16 code units of the input (what JavaScript strings and the browser use).
 *
 * A phone number that is public (a help line of helpLines, or one of `publicPhones`: the
 * Table's own numbers and its directory's) identifies nobody and passes; it is dropped before
 * the overlaps are settled, so anything else written on the same characters is still caught.
 */
export function findIdentifyingDetails(text: string, publicPhones?: PublicPhones): Finding[] {
  const isPublic = (f: Finding) => f.kind === "phone" && (helpLinePhones.has(phoneKey(f.text)) || !!publicPhones?.has(phoneKey(f.text)));
  const all = detectors.flatMap((detect) => detect(text)).filter((f) => !isPublic(f));
  all.sort((a, b) => priority[a.kind] - priority[b.kind] || b.end - b.start - (a.end - a.start));
  const kept: Finding[] = [];
  for (const f of all) {
    if (kept.some((k) => f.start < k.end && k.start < f.end)) continue;
    kept.push(f);
  }
  return kept.sort((a, b) => a.start - b.start);
}
