import { catalog, format, type MessageKey } from "../../i18n/catalog.ts";
import type { Locale } from "../../i18n/types.ts";

/** The words of an action; an action no longer written (an old row) shows its raw code. */
export function actionWords(locale: Locale, action: string): string {
  const key = `audit.action.${action}` as MessageKey;
  const template = (catalog[locale] as Record<string, string>)[key];
  return template === undefined ? action : format(template, undefined, locale);
}

export function hasActionWords(action: string): boolean {
  return Object.hasOwn(catalog.fr, `audit.action.${action}`) && Object.hasOwn(catalog.en, `audit.action.${action}`);
}
