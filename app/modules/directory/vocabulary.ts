/**
 * Fixed vocabularies of a pivot designation (shared by the server and the forms). Labels live
 * in app/i18n/messages/directory.ts under "directory.clientele.<code>" and "directory.language.<code>".
 */
export const clienteleCodes = [
  "12-17",
  "under_12",
  "18-21",
  "girls",
  "boys",
  "lgbtq",
  "first_nations_inuit",
  "newcomers",
  "sexual_minorities",
  "disability",
  "families",
] as const;
export type ClienteleCode = (typeof clienteleCodes)[number];

export function isClienteleCode(value: unknown): value is ClienteleCode {
  return typeof value === "string" && (clienteleCodes as readonly string[]).includes(value);
}

/** Languages a pivot may offer; ISO 639-1 codes (the HSDS export uses them as-is). */
export const languageCodes = ["fr", "en", "es", "ar", "iu", "cr", "other"] as const;
export type LanguageCode = (typeof languageCodes)[number];

export function isLanguageCode(value: unknown): value is LanguageCode {
  return typeof value === "string" && (languageCodes as readonly string[]).includes(value);
}

export const ranks = ["primary", "backup"] as const;
export type Rank = (typeof ranks)[number];
