import { useMatches, useRouteLoaderData } from "react-router";
import type { MessageKey, Messages } from "./catalog.ts";
import { format, formatDay, localeTag, type MessageVars } from "./format.ts";
import type { Locale } from "./types.ts";
import { QUEBEC_TIME_ZONE } from "../modules/time/wall-clock.ts";

interface RootI18n {
  locale: Locale;
  messages: Partial<Messages>;
}

/**
 * The messages of the page: the root sends the chrome's namespace, each section layout (and a
 * page, if it needs more) adds its own under `messages` in its loader data.
 */
export function mergedMessages(matches: ReadonlyArray<{ data?: unknown; loaderData?: unknown }>): Partial<Messages> {
  let merged: Partial<Messages> | null = null;
  for (const m of matches) {
    const data = (m.loaderData ?? m.data) as { messages?: Partial<Messages> } | undefined;
    if (data?.messages) merged = merged ? Object.assign({}, merged, data.messages) : data.messages;
  }
  return merged ?? {};
}

/** The current language's translator (works on server and client). */
export function useT() {
  const root = useRouteLoaderData("root") as RootI18n | undefined;
  const matches = useMatches();
  const messages = mergedMessages(matches);
  const locale = root?.locale ?? "fr";
  const t = (key: MessageKey, vars?: MessageVars) => format(messages[key] ?? missing(key), vars, locale);
  return { t, locale };
}

/**
 * A key no loader of the page sent: the key itself for a person (never blank), and under
 * Vitest it is recorded, so the page-render test can fail on it (see tests/support/render-page.tsx).
 */
function missing(key: string): string {
  if (typeof process !== "undefined" && process.env?.VITEST) {
    const seen = ((globalThis as { __filetMissingMessages?: string[] }).__filetMissingMessages ??= []);
    seen.push(key);
  }
  return key;
}
export function useFormatters() {
  const { locale } = useT();
  const tag = localeTag(locale);
  return {
    date: (d: Date | string) =>
      new Intl.DateTimeFormat(tag, { dateStyle: "medium", timeZone: QUEBEC_TIME_ZONE }).format(new Date(d)),
    dateTime: (d: Date | string) =>
      new Intl.DateTimeFormat(tag, { dateStyle: "medium", timeStyle: "short", timeZone: QUEBEC_TIME_ZONE }).format(
        new Date(d),
      ),
    time: (d: Date | string) => new Intl.DateTimeFormat(tag, { timeStyle: "short", timeZone: QUEBEC_TIME_ZONE }).format(new Date(d)),
    number: (n: number) => new Intl.NumberFormat(tag).format(n),
  };
}

/** Formats a calendar day ("2026-12-23") like `useFormatters().date` ("23 déc. 2026"); no day gives "". */
export function useDay() {
  const { locale } = useT();
  return (day: string | null | undefined) => formatDay(locale, day);
}
