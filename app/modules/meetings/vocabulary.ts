// Plain data, free of the ORM, so that route components may import it.

/** Built-in meeting kinds; a Table may add its own (partnership settings `meetingKinds`). */
export const builtInMeetingKinds = [
  "table", // rencontre de la Table
  "regional_pivots", // rencontre régionale des intervenant·es pivots
  "org_followup", // suivi des pivots au sein d'une organisation (visible de cette organisation seulement)
  "trainers", // coordination des formateurs
] as const;
export type BuiltInMeetingKind = (typeof builtInMeetingKinds)[number];

/** The one kind scoped to an organization. */
export const FOLLOWUP_KIND = "org_followup";

export const meetingStatuses = [
  "planned", // planifiée
  "held", // tenue : présences et compte rendu en cours
  "closed", // close : compte rendu diffusé
  "cancelled", // annulée
] as const;
export type MeetingStatus = (typeof meetingStatuses)[number];

export const rsvpAnswers = ["yes", "no", "maybe"] as const;
export type RsvpAnswer = (typeof rsvpAnswers)[number];

export const attendanceValues = ["present", "excused", "absent"] as const;
export type AttendanceValue = (typeof attendanceValues)[number];

/** Were the meeting's objectives ("une direction", set in advance) met? Recorded once it is held. */
export const objectivesOutcomes = [
  "met", // atteints
  "partly", // en partie
  "not_met", // non atteints
] as const;
export type ObjectivesOutcome = (typeof objectivesOutcomes)[number];

/** A kind a Table added in its settings. */
export interface CustomMeetingKind {
  key: string;
  labelFr: string;
  labelEn: string;
}

/** The invitation shortcut offered for a kind ("invite all delegates", "all pivots"…). */
export const inviteShortcuts = ["delegates", "pivots", "trainers", "organization"] as const;
export type InviteShortcut = (typeof inviteShortcuts)[number];

export function shortcutFor(kind: string): InviteShortcut {
  if (kind === "regional_pivots") return "pivots";
  if (kind === "trainers") return "trainers";
  if (kind === FOLLOWUP_KIND) return "organization";
  return "delegates";
}

/** The pivots' meetings (issue 14 §5): registration, a time poll, the review of shared activities, a thread. */
export const pivotMeetingKinds = ["regional_pivots", FOLLOWUP_KIND] as const;
export const isPivotMeetingKind = (kind: string): boolean => (pivotMeetingKinds as readonly string[]).includes(kind);

/** A meeting-time poll: open while the date is being chosen, closed once a slot is picked. */
export const pollStatuses = ["open", "closed"] as const;
export type PollStatus = (typeof pollStatuses)[number];

/** An invited person's answer to one proposed time slot. */
export const pollAnswers = ["yes", "if_needed", "no"] as const;
export type PollAnswer = (typeof pollAnswers)[number];

/** How many time slots a poll proposes. */
export const POLL_MIN_SLOTS = 2;
export const POLL_MAX_SLOTS = 6;
