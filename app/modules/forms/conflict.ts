import type { ShouldRevalidateFunctionArgs } from "react-router";

/**
 * Edit forms: a save from a stale version answers 409 and keeps the other person's edit. The
 * page must then show the current values and version, so a route with an edit form exports
 * this as `shouldRevalidate` (React Router skips reloading after a 4xx by default).
 */
export function revalidateAfterConflict({ actionStatus, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs): boolean {
  return actionStatus === 409 || defaultShouldRevalidate;
}
