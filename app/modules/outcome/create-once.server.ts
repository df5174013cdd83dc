import type { Database } from "../db/client.server.ts";
import { created, refused, submitOnce, type Submission } from "../forms/submit-once.server.ts";
import { invalidFields, ok, type Failure, type Outcome } from "./outcome.ts";

/**
 * `submitOnce` over a use case that answers an Outcome: the record is created at most once per
 * submission key and every identical submission lands on the same place (the ok value is
 * that location). A failure rolls the key back; a form without its key is invalid
 * ("form.expired", 400, as `expiredReply`).
 */
export async function createOnce<T, R extends string>(
  db: Database,
  submission: Submission | null,
  create: (tx: Database) => Promise<Outcome<T, R>>,
  location: (value: T) => string,
): Promise<Outcome<string, R>> {
  if (!submission) return invalidFields({}, "form.expired");
  const once = await submitOnce<Failure<R>>(db, submission, async (tx) => {
    const outcome = await create(tx);
    return outcome.kind === "ok" ? created(location(outcome.value)) : refused(outcome);
  });
  return once.created ? ok(once.location) : once.refused;
}
