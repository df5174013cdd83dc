// Plain data, free of the ORM, so that route components may import it.
export const sessionStatuses = [
  "planned", // planifiée
  "open", // inscriptions ouvertes
  "full", // complète
  "given", // donnée
  "cancelled", // annulée
] as const;
export type SessionStatus = (typeof sessionStatuses)[number];

export const sessionLanguages = ["fr", "en"] as const;
export type SessionLanguage = (typeof sessionLanguages)[number];

/**
 * A proposal is solved in the background: queued → solving → proposed (pairs to review) or
 * infeasible (with the reasons) or failed (the solver crashed); a reviewed proposal is applied.
 */
export const proposalStatuses = ["queued", "solving", "proposed", "infeasible", "failed", "applied"] as const;
export type ProposalStatus = (typeof proposalStatuses)[number];

/** Live progress of a background solve (what the pairs page shows while it refreshes). */
export interface ProposalProgress {
  phase: "queued" | "building" | "precheck" | "solving" | "saving" | "done";
  elapsedMs: number;
  /** Relative MIP gap (0 = proven optimal) once HiGHS has an incumbent; null before. */
  gap: number | null;
  incumbent: number | null;
  bound: number | null;
}

/** One day of a program (jour 1, jour 2) with what it teaches. */
export interface ProgramDay {
  titleFr: string;
  titleEn: string;
  objectivesFr: string[];
  objectivesEn: string[];
}

export interface PairAssignment {
  sessionId: string;
  trainerIds: [string, string];
}

export const registrationStatuses = ["registered", "waitlisted", "cancelled"] as const;
export type RegistrationStatus = (typeof registrationStatuses)[number];

/** Why a registration waits: the session is full, or the person's organization holds its maximum share. */
export const waitReasons = ["capacity", "organization_cap"] as const;
export type WaitReason = (typeof waitReasons)[number];

/** Attendance per day on the sign-in sheet. */
export const attendanceStatuses = ["present", "absent", "partial"] as const;
export type AttendanceStatus = (typeof attendanceStatuses)[number];
