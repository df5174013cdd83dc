import { and, eq, lt } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { formSubmission } from "./tables.ts";
import { isUuid } from "./fields.ts";

import { SUBMISSION_KEY_FIELD } from "./submission-field.ts";

/** Who submits: an anonymous form (sign-up) shares one namespace; its keys are random UUIDs. */
const ANONYMOUS = "00000000-0000-0000-0000-000000000000";

export interface Submission {
  /** The form's stable name: the route and, for a page with several create forms, the intent. */
  form: string;
  key: string;
  accountId: string | null;
}

/** The key the form sent, or null when it is missing or not one of ours (the page is stale). */
export function submissionOf(values: Record<string, unknown>, form: string, accountId: string | null): Submission | null {
  const key = values[SUBMISSION_KEY_FIELD];
  return isUuid(key) ? { form, key: key.toLowerCase(), accountId } : null;
}

export type Created = { created: true; location: string };
export type OnceOutcome<R> = Created | { created: false; refused: R };

export const created = (location: string): Created => ({ created: true, location });
export const refused = <R>(value: R) => ({ created: false as const, refused: value });

class Refusal<R> {
  constructor(readonly value: R) {}
}

/**
 * Runs a create at most once per submission key. The key's row is written first, in the same
 * transaction as the record: an identical submission running in parallel waits on the primary
 * key until this one commits, then answers with the same place; a refusal (invalid input)
 * rolls the key back so the corrected form can be sent again; a crash leaves nothing behind,
 * so a retry creates the record once.
 */
export async function submitOnce<R>(
  db: Database,
  submission: Submission,
  create: (tx: Database) => Promise<Created | { created: false; refused: R }>,
): Promise<OnceOutcome<R>> {
  const accountId = submission.accountId ?? ANONYMOUS;
  const where = and(eq(formSubmission.accountId, accountId), eq(formSubmission.form, submission.form), eq(formSubmission.key, submission.key));
  try {
    return await db.transaction(async (tx) => {
      const [claimed] = await tx
        .insert(formSubmission)
        .values({ accountId, form: submission.form, key: submission.key, location: "" })
        .onConflictDoNothing()
        .returning({ key: formSubmission.key });
      if (!claimed) {
        const [first] = await tx.select({ location: formSubmission.location }).from(formSubmission).where(where);
        if (first) return created(first.location);
        // The other submission rolled back between our insert and our read: try again as the first.
        throw new Retry();
      }
      const outcome = await create(tx);
      if (!outcome.created) throw new Refusal(outcome.refused);
      await tx.update(formSubmission).set({ location: outcome.location }).where(where);
      return outcome;
    });
  } catch (thrown) {
    if (thrown instanceof Refusal) return refused(thrown.value as R);
    if (thrown instanceof Retry) return submitOnce(db, submission, create);
    throw thrown;
  }
}

class Retry {}

/** Keys only matter while someone may press the button again: a week is plenty. */
export async function purgeFormSubmissions(db: Database, now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - 7 * 24 * 3600_000);
  const deleted = await db.delete(formSubmission).where(lt(formSubmission.createdAt, before)).returning({ key: formSubmission.key });
  return deleted.length;
}
