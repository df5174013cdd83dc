import { data } from "react-router";
import { refusal, type Refused } from "../outcome/outcome.ts";
import type { GuardFindings } from "./consultation-schema.ts";
import { guardFieldErrors } from "./guard-field-errors.ts";

/**
 * The guard's no: a text with identifying details. On top of the flagged fields (each pointing
 * at the explanation), it carries what was found where, so the page can highlight it.
 */
export type Flagged = Refused<"findings"> & { findings: GuardFindings };

export function flagged(findings: GuardFindings): Flagged {
  return { ...refusal("findings", undefined, guardFieldErrors(findings)), findings };
}

function findingsOf(failure: Refused): GuardFindings | null {
  return "findings" in failure ? (failure as Flagged).findings : null;
}

/**
 * A consultation form's refusal, as its page reads it (400, the text kept): the guard's
 * findings, or the reason as the form's message (a closed thread, nobody to address).
 */
export function guardRefusalReply<V extends object>(failure: Refused, values: V) {
  const findings = findingsOf(failure);
  if (findings) return data({ errors: failure.errors ?? {}, findings, values, formError: null as string | null }, { status: 400 });
  return data({ errors: null, findings: null, values, formError: failure.reason as string | null }, { status: 400 });
}
