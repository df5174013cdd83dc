import { useT } from "../../i18n/use-t.ts";

// Browser-safe helpers of the funding pages.

/** Dollars, in the reader's language (fr-CA: "12 500,00 $"). */
export function useMoney() {
  const { locale } = useT();
  const format = new Intl.NumberFormat(locale === "fr" ? "fr-CA" : "en-CA", { style: "currency", currency: "CAD" });
  return (n: number) => format.format(n);
}
