import { useRouteLoaderData } from "react-router";
import { SUBMISSION_KEY_FIELD } from "../modules/forms/submission-field.ts";

/**
 * The hidden idempotency key every create form carries: pressing the button twice, or the
 * browser retrying, sends the same key and the server answers with the first record.
 */
export function SubmissionKey() {
  const root = useRouteLoaderData("root") as { submissionKey?: string } | undefined;
  return <input type="hidden" name={SUBMISSION_KEY_FIELD} value={root?.submissionKey ?? ""} />;
}
