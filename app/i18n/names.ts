import type { Locale } from "./types.ts";

/** The organization or Table name in the reader's language, falling back to French. */
export function localName(locale: Locale, record: { nameFr?: string | null; nameEn?: string | null }): string {
  return (locale === "en" ? record.nameEn || record.nameFr : record.nameFr || record.nameEn) ?? "";
}

/** "es" → "espagnol" / "Spanish", through Intl: no list to keep up to date. */
export function languageName(locale: Locale, code: string): string {
  try {
    return new Intl.DisplayNames([locale === "fr" ? "fr-CA" : "en-CA"], { type: "language" }).of(code) ?? code;
  } catch {
    return code;
  }
}
