import { detectors, type Finding } from "./detectors.ts";

export type { Finding, FindingKind } from "./detectors.ts";

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
 */
export function findIdentifyingDetails(text: string): Finding[] {
  const all = detectors.flatMap((detect) => detect(text));
  all.sort((a, b) => priority[a.kind] - priority[b.kind] || b.end - b.start - (a.end - a.start));
  const kept: Finding[] = [];
  for (const f of all) {
    if (kept.some((k) => f.start < k.end && k.start < f.end)) continue;
    kept.push(f);
  }
  return kept.sort((a, b) => a.start - b.start);
}
