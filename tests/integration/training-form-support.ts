import { randomUUID } from "node:crypto";
import { SUBMISSION_KEY_FIELD } from "../../app/modules/forms/submission-field.ts";
import { outcomeFrom } from "../../app/modules/training/registration-outcome.ts";

/**
 * The registration and nomination forms as the pages send them: registering (a create) carries
 * a fresh submission key; cancelling does not. Their answer is a redirect naming the outcome
 * (PRG): `asOutcome` reads it back as `{ outcome, reason }`, like the page shows it.
 */
export function registrationForm(fields: Record<string, string>): Record<string, string> {
  const creates = fields.intent === "register" || fields.intent === "nominate";
  return creates ? { ...fields, [SUBMISSION_KEY_FIELD]: randomUUID() } : fields;
}

export function asOutcome<T extends { status: number; data: unknown; location: string | null }>(answer: T): T {
  if (!answer.location) return answer;
  return { ...answer, data: outcomeFrom(new URL(answer.location, "http://localhost").searchParams) };
}
