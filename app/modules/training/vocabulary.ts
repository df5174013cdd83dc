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

export const proposalStatuses = ["proposed", "infeasible", "applied"] as const;
export type ProposalStatus = (typeof proposalStatuses)[number];

/** One day of a program (jour 1, jour 2) with what it teaches. */
export interface ProgramDay {
  titleFr: string;
  titleEn: string;
  objectivesFr: string[];
  objectivesEn: string[];
}

/** A reason the solver cannot find pairs, as an i18n key and its variables. */
export interface Infeasibility {
  key:
    | "training.pairs.why.tooFew"
    | "training.pairs.why.oneOrganization"
    | "training.pairs.why.sameDay"
    | "training.pairs.why.capacity"
    | "training.pairs.why.combined"
    | "training.pairs.why.timeout";
  vars: Record<string, string | number>;
}

export interface PairAssignment {
  sessionId: string;
  trainerIds: [string, string];
}

export const registrationStatuses = ["registered", "waitlisted", "cancelled"] as const;
export type RegistrationStatus = (typeof registrationStatuses)[number];
