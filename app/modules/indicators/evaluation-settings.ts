/**
 * The Table's evaluation settings, stored in partnership.settings (plain: the settings page's
 * form reads the bounds). A stored value outside its bounds is not trusted: the default applies.
 */
export interface EvaluationSettings {
  /** Counts from 1 up to this value minus one are hidden from evaluators and in every export (seuil de diffusion). */
  suppressionThreshold: number;
  /** The month the Table's fiscal year begins (1–12; April in Québec's public bodies). */
  fiscalYearStartMonth: number;
}

export const EVALUATION_SETTING_DEFAULTS: EvaluationSettings = { suppressionThreshold: 5, fiscalYearStartMonth: 4 };

/** The product's bounds: a threshold under 3 would publish counts of 1 and 2. */
export const EVALUATION_SETTING_BOUNDS: Record<keyof EvaluationSettings, readonly [number, number]> = {
  suppressionThreshold: [3, 20],
  fiscalYearStartMonth: [1, 12],
};

export function parseEvaluationSettings(settings: Record<string, unknown>): EvaluationSettings {
  const read = (key: keyof EvaluationSettings) => {
    const v = settings[key];
    const [min, max] = EVALUATION_SETTING_BOUNDS[key];
    return typeof v === "number" && Number.isInteger(v) && v >= min && v <= max ? v : EVALUATION_SETTING_DEFAULTS[key];
  };
  return { suppressionThreshold: read("suppressionThreshold"), fiscalYearStartMonth: read("fiscalYearStartMonth") };
}
