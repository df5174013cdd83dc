import type { Finding } from "./pii/find-identifying-details.ts";

/** Field errors pointing each flagged field at the explanation above it. */
export function guardFieldErrors(findings: Record<string, Finding[]>): Record<string, string[]> {
  return Object.fromEntries(Object.keys(findings).map((name) => [name, ["consultations.guard.fieldError"]]));
}
