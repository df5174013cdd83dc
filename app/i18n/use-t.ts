import { useRouteLoaderData } from "react-router";
import { format, type MessageKey, type Messages } from "./catalog.ts";
import type { Locale } from "./types.ts";

interface RootI18n {
  locale: Locale;
  messages: Messages;
}

/** The current language's translator, from the root loader (works on server and client). */
export function useT() {
  const root = useRouteLoaderData("root") as RootI18n | undefined;
  const messages = root?.messages;
  const locale = root?.locale ?? "fr";
  const t = (key: MessageKey, vars?: Record<string, string | number>) => format(messages?.[key] ?? key, vars);
  return { t, locale };
}

export function useFormatters() {
  const { locale } = useT();
  const tag = locale === "fr" ? "fr-CA" : "en-CA";
  return {
    date: (d: Date | string) =>
      new Intl.DateTimeFormat(tag, { dateStyle: "medium", timeZone: "America/Toronto" }).format(new Date(d)),
    dateTime: (d: Date | string) =>
      new Intl.DateTimeFormat(tag, { dateStyle: "medium", timeStyle: "short", timeZone: "America/Toronto" }).format(
        new Date(d),
      ),
    number: (n: number) => new Intl.NumberFormat(tag).format(n),
  };
}
