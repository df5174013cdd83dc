// Plain data, free of the ORM, so that route components may import it.

export const reportKinds = ["interim", "final"] as const;
export type ReportKind = (typeof reportKinds)[number];

/** Whom a recommendation is addressed to. */
export const addressees = ["table", "partners", "pivots"] as const;
export type Addressee = (typeof addressees)[number];

export const priorities = ["high", "medium", "low"] as const;
export type Priority = (typeof priorities)[number];

/** The Table's management response. */
export const responses = ["agree", "partially_agree", "disagree"] as const;
export type ManagementResponse = (typeof responses)[number];

/** The evaluator's verification, which closes a recommendation. */
export const verifications = ["implemented", "partially_implemented", "not_implemented", "superseded"] as const;
export type Verification = (typeof verifications)[number];

/** Where a recommendation stands: derived from its response and verification, never stored apart. */
export const recommendationStatuses = ["awaiting_response", "open", "verified"] as const;
export type RecommendationStatus = (typeof recommendationStatuses)[number];

export const eventKinds = ["created", "edited", "responded", "linked", "unlinked", "verified", "reopened"] as const;
export type EventKind = (typeof eventKinds)[number];

export const keyActionKinds = ["action", "responsibility"] as const;
export type KeyActionKind = (typeof keyActionKinds)[number];

/** The management response is due this many days after the report's date, unless the report says otherwise. */
export const DEFAULT_RESPONSE_DAYS = 28;
/** The coordinators hear of a response due within this many days. */
export const RESPONSE_DUE_SOON_DAYS = 7;

export function statusOf(r: { response: ManagementResponse | null; verification: Verification | null }): RecommendationStatus {
  if (r.verification) return "verified";
  return r.response ? "open" : "awaiting_response";
}
