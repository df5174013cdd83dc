import { useT } from "../../i18n/use-t.ts";

/** Formats a calendar day ("2026-12-12") in the reader's language, without a time-zone shift. */
export function useDay() {
  const { locale } = useT();
  const format = new Intl.DateTimeFormat(locale === "fr" ? "fr-CA" : "en-CA", { dateStyle: "medium", timeZone: "UTC" });
  return (day: string) => format.format(new Date(`${day}T00:00:00Z`));
}
