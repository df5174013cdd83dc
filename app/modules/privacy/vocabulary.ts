/**
 * The privacy officer's vocabularies (issue 15 §1, §3): plain lists, safe for the browser.
 */

/** reported → assessed → (notified, when the risk of serious injury is there) → closed. */
export const incidentStatuses = ["reported", "assessed", "notified", "closed"] as const;
export type IncidentStatus = (typeof incidentStatuses)[number];

/** The assessed risk of serious injury (Loi 25, art. 3.7): only "serious" calls for notices. */
export const incidentSeverities = ["minor", "moderate", "serious"] as const;
export type IncidentSeverity = (typeof incidentSeverities)[number];

export const likelihoods = ["low", "medium", "high"] as const;
export type Likelihood = (typeof likelihoods)[number];

/** Where an incident was found (issue 15 §1: a consultation or a post); "other" otherwise. */
export const incidentSources = ["other", "consultation", "announcement", "forum_post"] as const;
export type IncidentSource = (typeof incidentSources)[number];

/** Which status may follow which; closing is final. */
export const incidentTransitions: Record<IncidentStatus, readonly IncidentStatus[]> = {
  reported: ["assessed"],
  assessed: ["notified", "closed"],
  notified: ["closed"],
  closed: [],
};

/** The register is kept at least five years after an incident is closed (retention lock). */
export const INCIDENT_RETENTION_YEARS = 5;

/** The features of Filet that handle personal information and need a privacy impact assessment (EFVP). */
export const assessedFeatures = ["sign_in", "directory", "consultations", "surveys", "single_sign_on", "pivot_activities", "training", "audit_log", "other"] as const;
export type AssessedFeature = (typeof assessedFeatures)[number];

export const assessmentDecisions = ["pending", "approved", "approved_with_conditions", "refused"] as const;
export type AssessmentDecision = (typeof assessmentDecisions)[number];

export const correctionStatuses = ["open", "done", "declined"] as const;
export type CorrectionStatus = (typeof correctionStatuses)[number];

/** The register a privacy officer keeps: their organization's, or the Table's (`null`). */
export const TABLE_REGISTER = "table";

/** A part of a consultation or a post that can be redacted: its name in the form and its length (never its text). */
export interface SourcePart {
  part: string;
  length: number;
  redacted: boolean;
}
