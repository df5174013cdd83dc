// The Table's training settings (stored in partnership.settings.training, jsonb). Plain data, no ORM.

export interface TrainingSettings {
  /** Participants may register or cancel until the day before firstDay − N days (0–90). */
  registrationClosesDays: number;
  /** The reminder email leaves this many days before the first day (1–60). */
  reminderDays: number;
  /** Max share of one organization in a session, in %: it holds at most max(1, floor(% × capacity / 100)) seats. */
  maxOrganizationSharePercent: number;
  /** The session page warns below this many organizations / milieux (organization types). */
  minOrganizations: number;
  minMilieux: number;
}

export const DEFAULT_TRAINING_SETTINGS: TrainingSettings = {
  registrationClosesDays: 7,
  reminderDays: 3,
  maxOrganizationSharePercent: 40,
  minOrganizations: 3,
  minMilieux: 3,
};

/** Bounds of each training setting (the settings form validates with them). */
export const TRAINING_SETTING_BOUNDS: Record<keyof TrainingSettings, readonly [number, number]> = {
  registrationClosesDays: [0, 90],
  reminderDays: [1, 60],
  maxOrganizationSharePercent: [1, 100],
  minOrganizations: [1, 20],
  minMilieux: [1, 8],
};

function wholeIn(value: unknown, [min, max]: readonly [number, number], fallback: number): number {
  const n = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  return typeof n === "number" && Number.isInteger(n) && n >= min && n <= max ? n : fallback;
}

/** A jsonb value is whatever someone stored: out-of-range values fall back to the defaults. */
export function parseTrainingSettings(value: unknown): TrainingSettings {
  const s = (value && typeof value === "object" ? value : {}) as Record<string, unknown>;
  const out = { ...DEFAULT_TRAINING_SETTINGS };
  for (const key of Object.keys(TRAINING_SETTING_BOUNDS) as (keyof TrainingSettings)[]) {
    out[key] = wholeIn(s[key], TRAINING_SETTING_BOUNDS[key], DEFAULT_TRAINING_SETTINGS[key]);
  }
  return out;
}
