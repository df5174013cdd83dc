import type { PathwayContent } from "./tables.ts";

/**
 * The editable texts of the pathway, in page order. "contacts" is the short text above the
 * pivot list of step 4 (the list itself comes from the directory). 911 and the DPJ number are
 * rendered by the page around these texts, so no edit can remove them.
 */
export const pathwayTextKeys = ["intro", "danger", "signs", "duty", "contacts", "sharing"] as const;
export type PathwayTextKey = (typeof pathwayTextKeys)[number];

export const pathwayLanguages = ["fr", "en"] as const;
export type PathwayLanguage = (typeof pathwayLanguages)[number];

/** Long enough for a step, short enough that the page stays readable in a minute. */
export const PATHWAY_TEXT_MAX = 4000;

/** Texts of one language, every key present (older or partial rows are read as empty). */
export function textsOf(content: PathwayContent, language: PathwayLanguage): Record<PathwayTextKey, string> {
  const source = content[language] ?? {};
  return Object.fromEntries(
    pathwayTextKeys.map((key) => [key, typeof source[key] === "string" ? source[key] : ""]),
  ) as Record<PathwayTextKey, string>;
}

/** A content object with exactly the known keys, so stray form fields never reach the database. */
export function normalizeContent(content: PathwayContent): PathwayContent {
  return { fr: textsOf(content, "fr"), en: textsOf(content, "en") };
}

/** The form field of one text: "fr.signs". */
export function fieldName(language: PathwayLanguage, key: PathwayTextKey): string {
  return `${language}.${key}`;
}
