// Plain data, free of the ORM, so that route components may import it.

/** Status of an action of the annual action plan. */
export const actionStatuses = [
  "planned", // prévue
  "in_progress", // en cours
  "done", // réalisée
  "dropped", // abandonnée
] as const;
export type ActionStatus = (typeof actionStatuses)[number];
