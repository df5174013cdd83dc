/**
 * The retention schedule's vocabulary (issue 15 §2): plain lists and the bounds the product
 * enforces, safe for the browser. A Table sets each kind's duration and disposition within these
 * bounds; the daily retention job applies them (run-retention.server.ts).
 */

export const retentionKinds = [
  "consultations",
  "activity_notes",
  "thread_posts",
  "survey_answers",
  "documents",
  "inactive_accounts",
  "sessions",
  "audit_events",
] as const;
export type RetentionKind = (typeof retentionKinds)[number];

/** What starts the clock of a rule. */
export const retentionTriggers = ["closed_since", "occurred_since", "last_activity", "created", "owner_gone", "expired_since"] as const;
export type RetentionTrigger = (typeof retentionTriggers)[number];

/**
 * What happens at the end: destroy (rows deleted), anonymize (the free text replaced, the record
 * kept for the counts), deactivate (an account closed, its sessions revoked, nothing deleted),
 * count_only (the run counts what is past the period and keeps it: the audit log, ADR 004).
 */
export const retentionDispositions = ["destroy", "anonymize", "deactivate", "count_only"] as const;
export type RetentionDisposition = (typeof retentionDispositions)[number];

export interface RetentionRule {
  months: number;
  disposition: RetentionDisposition;
}

export interface RetentionKindSpec {
  trigger: RetentionTrigger;
  /** Bounds in months, both included. */
  min: number;
  max: number;
  defaultMonths: number;
  dispositions: readonly RetentionDisposition[];
}

/**
 * Per kind: the trigger (fixed by the product), the bounds and the dispositions a Table may pick.
 * The first disposition listed is the default. Audit events: never below five years, and never
 * deleted by the application (the chain and the append-only triggers, ADR 004): count only.
 */
export const RETENTION_KINDS: Record<RetentionKind, RetentionKindSpec> = {
  consultations: { trigger: "closed_since", min: 1, max: 120, defaultMonths: 12, dispositions: ["destroy"] },
  activity_notes: { trigger: "occurred_since", min: 12, max: 120, defaultMonths: 36, dispositions: ["anonymize", "destroy"] },
  thread_posts: { trigger: "last_activity", min: 12, max: 120, defaultMonths: 60, dispositions: ["anonymize"] },
  survey_answers: { trigger: "created", min: 6, max: 120, defaultMonths: 24, dispositions: ["destroy", "anonymize"] },
  documents: { trigger: "owner_gone", min: 1, max: 120, defaultMonths: 12, dispositions: ["destroy"] },
  inactive_accounts: { trigger: "last_activity", min: 12, max: 120, defaultMonths: 24, dispositions: ["deactivate"] },
  sessions: { trigger: "expired_since", min: 1, max: 12, defaultMonths: 1, dispositions: ["destroy"] },
  audit_events: { trigger: "created", min: 60, max: 240, defaultMonths: 84, dispositions: ["count_only"] },
};

export type RetentionSchedule = Record<RetentionKind, RetentionRule>;

export function defaultRetentionSchedule(): RetentionSchedule {
  return Object.fromEntries(retentionKinds.map((k) => [k, { months: RETENTION_KINDS[k].defaultMonths, disposition: RETENTION_KINDS[k].dispositions[0]! }])) as RetentionSchedule;
}

/** A stored rule, kept only when inside the bounds; anything else falls back to the default. */
export function ruleWithinBounds(kind: RetentionKind, value: unknown): RetentionRule {
  const spec = RETENTION_KINDS[kind];
  const v = (value ?? {}) as { months?: unknown; disposition?: unknown };
  const months = typeof v.months === "number" && Number.isInteger(v.months) && v.months >= spec.min && v.months <= spec.max ? v.months : spec.defaultMonths;
  const disposition = spec.dispositions.includes(v.disposition as RetentionDisposition) ? (v.disposition as RetentionDisposition) : spec.dispositions[0]!;
  return { months, disposition };
}

export function parseRetentionSchedule(value: unknown): RetentionSchedule {
  const stored = (value ?? {}) as Record<string, unknown>;
  return Object.fromEntries(retentionKinds.map((k) => [k, ruleWithinBounds(k, stored[k])])) as RetentionSchedule;
}

/** The field names of the schedule form. */
export const monthsField = (kind: RetentionKind) => `${kind}_months`;
export const dispositionField = (kind: RetentionKind) => `${kind}_disposition`;

/** The mark that replaces redacted or anonymized text. */
export const REDACTION_MARK = "[retiré — redacted]";

/** The retention job's hour (Québec time), shown as the next run. */
export const RETENTION_JOB_HOUR = "04:00";
