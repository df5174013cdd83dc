// The exercise form's field names, apart from the Zod schema: the editor (browser) needs the
// names, only the server needs the schema (keeps Zod out of the browser bundle).

/** Exercise slots a form may send: the existing ones plus one empty slot to add a new one. */
export const MAX_EXERCISES = 20;

export const exerciseFieldNames = [
  "titleFr",
  "titleEn",
  "objectivesFr",
  "objectivesEn",
  "durationMinutes",
  "materialFr",
  "materialEn",
  "instructionsFr",
  "instructionsEn",
] as const;

export const exerciseField = (index: number, name: string) => `exercise${index}_${name}`;
