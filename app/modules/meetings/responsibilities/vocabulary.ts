// Plain data, free of the ORM, so that route components may import it.

export const responsibilityStatuses = [
  "todo", // à faire
  "in_progress", // en cours
  "done", // faite
  "dropped", // abandonnée (avec une raison)
] as const;
export type ResponsibilityStatus = (typeof responsibilityStatuses)[number];

export const openStatuses: readonly ResponsibilityStatus[] = ["todo", "in_progress"];

export const responsibilityFilters = ["all", "open", "overdue", "done", "dropped"] as const;
export type ResponsibilityFilter = (typeof responsibilityFilters)[number];

/** Days before the due date when the owner gets a first reminder. */
export const DUE_SOON_DAYS = 3;
/** An overdue item is reminded at most once per this many days. */
export const OVERDUE_REPEAT_DAYS = 7;
