import type { MessageKey } from "./catalog.ts";
import { format, type MessageVars } from "./format.ts";
import { defaultLocale, isLocale } from "./types.ts";
import { mergedMessages } from "./use-t.ts";

interface RootMatch {
  id?: string;
  data?: { messages?: Record<string, string>; locale?: string };
}

/** The root loader's data, as route `meta` functions see it in `matches`. */
export function rootMatchData(matches: ReadonlyArray<unknown>): RootMatch["data"] {
  return (matches.find((m) => (m as RootMatch | undefined)?.id === "root") as RootMatch | undefined)?.data;
}

/** A translated `<title>`: "<page> — Filet", optionally preceded by a record's name. */
export function pageTitle(
  matches: ReadonlyArray<unknown>,
  key: MessageKey,
  vars?: MessageVars,
  recordName?: string,
): { title: string }[] {
  const messages = mergedMessages(matches as ReadonlyArray<{ data?: unknown }>);
  const locale = rootMatchData(matches)?.locale;
  const text = format(messages[key] ?? key, vars, isLocale(locale) ? locale : defaultLocale);
  return [{ title: `${recordName ? `${recordName} — ` : ""}${text} — Filet` }];
}
