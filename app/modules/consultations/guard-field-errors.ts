import type { Finding } from "./pii/find-identifying-details.ts";

/** Field errors pointing each flagged field at the guard's findings above the form. */
export function guardFieldErrors(findings: Record<string, Finding[]>): Record<string, string[]> {
  return Object.fromEntries(Object.keys(findings).filter((name) => findings[name]?.length).map((name) => [name, ["guard.fieldError"]]));
}
