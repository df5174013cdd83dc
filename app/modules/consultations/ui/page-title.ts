import type { MessageKey } from "../../../i18n/catalog.ts";

/**
 * The document title in the reader's language, from the root loader's messages (meta runs
 * outside React). Never a consultation's subject: titles end up in the browser's history.
 */
export function consultationsTitle(matches: ReadonlyArray<unknown>, key: MessageKey): { title: string }[] {
  const root = matches.find((m) => (m as { id?: string } | undefined)?.id === "root") as { data?: { messages?: Record<string, string> } } | undefined;
  return [{ title: `${root?.data?.messages?.[key] ?? key} — Filet` }];
}
