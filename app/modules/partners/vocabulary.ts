// Plain vocabularies of the partners area (no ORM): safe for client components.

/** The delegate holds the table_member role; the substitute stands in when the delegate cannot. */
export const delegateKinds = ["delegate", "substitute"] as const;
export type DelegateKind = (typeof delegateKinds)[number];

/** The domains of the contribution matrix (SPEC §3.1), in the order of the seeds. */
export const contributionDomains = [
  "prevention",
  "detection",
  "reporting_protection",
  "investigation",
  "support_exit",
  "training",
  "research",
  "communication",
] as const;
export type ContributionDomain = (typeof contributionDomains)[number];

export const commitmentTextStatuses = ["draft", "published", "archived"] as const;
export type CommitmentTextStatus = (typeof commitmentTextStatuses)[number];

/** signed: valid and not ending soon; due: ends within the reminder window; late: expired or never signed. */
export const commitmentStatuses = ["signed", "due", "late"] as const;
export type CommitmentStatus = (typeof commitmentStatuses)[number];

/** Days before the end of a commitment when it becomes "due" and the renewal reminder leaves. */
export const COMMITMENT_DUE_DAYS = 60;

/** An organization that never signed is reminded, then again at most every this many days. */
export const UNSIGNED_REMINDER_DAYS = 90;

/** The window of the turnover indicator. */
export const TURNOVER_MONTHS = 24;

/** Longest text of one matrix cell. */
export const CONTRIBUTION_MAX = 600;
