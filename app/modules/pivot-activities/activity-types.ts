// Plain data, free of the ORM, so that route components may import it.
export const pivotActivityTypes = [
  "awareness_session", // séance de sensibilisation ou d'information donnée
  "consultation_given",
  "case_discussion", // discussion de cas, sans identité
  "management_briefing", // information transmise à la direction
  "meeting_attended",
  "training_received",
] as const;
