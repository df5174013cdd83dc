/** English must carry exactly the French keys: a missing or extra key fails typecheck. */
export type Translation<T extends Record<string, string>> = { readonly [K in keyof T]: string };
export const locales = ["fr", "en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "fr";
export function isLocale(value: unknown): value is Locale {
  return value === "fr" || value === "en";
}
