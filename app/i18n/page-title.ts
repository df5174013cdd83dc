import { format, type MessageKey } from "./catalog.ts";
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
  vars?: Record<string, string | number>,
  recordName?: string,
): { title: string }[] {
  const messages = mergedMessages(matches as ReadonlyArray<{ data?: unknown }>);
  const text = format(messages[key] ?? key, vars);
  return [{ title: `${recordName ? `${recordName} — ` : ""}${text} — Filet` }];
}
