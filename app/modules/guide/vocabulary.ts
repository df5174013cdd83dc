/**
 * Shared guide vocabularies, kept free of drizzle so browser code can import them.
 * The three modules of the training: Savoir (knowledge), Savoir-être (attitudes), Savoir-faire (skills).
 */
export const guideModuleKinds = ["knowledge", "attitudes", "skills"] as const;
export type GuideModuleKind = (typeof guideModuleKinds)[number];

/** draft → in_review (Table members comment) → published; the previous published one is archived. */
export const guideVersionStatuses = ["draft", "in_review", "published", "archived"] as const;
export type GuideVersionStatus = (typeof guideVersionStatuses)[number];

/** State of the English text of a version: French is the source language. */
export const translationStatuses = ["to_translate", "translated", "to_review"] as const;
export type TranslationStatus = (typeof translationStatuses)[number];

export const guideLanguages = ["fr", "en"] as const;
export type GuideLanguage = (typeof guideLanguages)[number];

/** An exercise inside a section; `key` stays the same across versions (so sessions can point at it). */
export interface GuideExercise {
  key: string;
  titleFr: string;
  titleEn: string;
  objectivesFr: string;
  objectivesEn: string;
  /** Minutes. */
  durationMinutes: number;
  materialFr: string;
  materialEn: string;
  /** Instructions for the animator (Markdown subset). */
  instructionsFr: string;
  instructionsEn: string;
}

/** The texts of one section version, in both languages. */
export interface GuideSectionContent {
  titleFr: string;
  titleEn: string;
  bodyFr: string;
  bodyEn: string;
  exercises: GuideExercise[];
}

/** One exercise's texts in a reader's language. */
export interface LocalizedExercise {
  key: string;
  title: string;
  objectives: string;
  durationMinutes: number;
  material: string;
  instructions: string;
}

export function localizeExercise(exercise: GuideExercise, language: GuideLanguage): LocalizedExercise {
  const en = language === "en";
  return {
    key: exercise.key,
    title: en ? exercise.titleEn : exercise.titleFr,
    objectives: en ? exercise.objectivesEn : exercise.objectivesFr,
    durationMinutes: exercise.durationMinutes,
    material: en ? exercise.materialEn : exercise.materialFr,
    instructions: en ? exercise.instructionsEn : exercise.instructionsFr,
  };
}

/**
 * The language a reader gets: English only once the translation exists (translated, or
 * to review — shown with a notice); otherwise French, with a notice.
 */
export function readerLanguage(wanted: GuideLanguage, status: TranslationStatus, content: GuideSectionContent): GuideLanguage {
  if (wanted === "fr") return "fr";
  if (status === "to_translate" || content.titleEn.trim() === "" || content.bodyEn.trim() === "") return "fr";
  return "en";
}
