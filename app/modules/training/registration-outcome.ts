import { waitReasons, type WaitReason } from "./vocabulary.ts";

/**
 * What a registration or a cancellation did, carried by the redirect that follows it (PRG):
 * the page after the POST shows it, a reload does not post again, and a replayed registration
 * (same submission key) lands on the same message as the first.
 */
export type RegistrationOutcome = { outcome: "registered" | "waitlisted" | "cancelled"; reason: WaitReason | null };

const outcomes = ["registered", "waitlisted", "cancelled"] as const;

export function outcomeLocation(path: string, result: RegistrationOutcome): string {
  const query = new URLSearchParams({ outcome: result.outcome });
  if (result.outcome === "waitlisted" && result.reason) query.set("reason", result.reason);
  return `${path}?${query.toString()}`;
}

/** The outcome named by the page's query, or null for anything else (a hand-typed query). */
export function outcomeFrom(query: URLSearchParams): RegistrationOutcome | null {
  const outcome = outcomes.find((o) => o === query.get("outcome"));
  if (!outcome) return null;
  const reason = waitReasons.find((r) => r === query.get("reason")) ?? null;
  return { outcome, reason: outcome === "waitlisted" ? reason : null };
}
