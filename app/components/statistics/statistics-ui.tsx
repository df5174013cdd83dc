import type { MessageKey } from "../../i18n/catalog.ts";
import { useT } from "../../i18n/use-t.ts";
import { TableScroll } from "../table-scroll.tsx";

export { StatisticsNav, usePeriodLabel } from "./statistics-nav.tsx";

/** A report's status in words (no report yet: "to enter"). */
export function useStatusLabel() {
  const { t } = useT();
  return (status: string | null) => t(`statistics.status.${status ?? "none"}` as MessageKey);
}

export const named = (locale: string, o: { nameFr: string; nameEn: string }) => (locale === "en" ? o.nameEn : o.nameFr);

interface HistoryLine {
  kind: string;
  comment: string;
  details: Record<string, string | number | boolean | null>;
  at: string;
  who: string | null;
}

/** A report's history: who did what, when, with the comment or reason given. */
export function ReportHistory({ history }: { history: readonly HistoryLine[] }) {
  const { t, locale } = useT();
  const when = new Intl.DateTimeFormat(locale === "fr" ? "fr-CA" : "en-CA", { dateStyle: "medium", timeStyle: "short", timeZone: "America/Toronto" });
  if (!history.length) return null;
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">{t("statistics.history.title")}</h2>
      <TableScroll label={t("statistics.history.caption")}>
        <table>
          <caption>{t("statistics.history.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("statistics.history.when")}</th>
              <th scope="col">{t("statistics.history.who")}</th>
              <th scope="col">{t("statistics.history.what")}</th>
            </tr>
          </thead>
          <tbody>
            {history.map((h, i) => (
              <tr key={i}>
                <td>{when.format(new Date(h.at))}</td>
                <td>{h.who ?? t("statistics.history.system")}</td>
                <td>
                  {h.kind === "saved"
                    ? t(h.details.jumpConfirmed ? "statistics.event.savedConfirmed" : "statistics.event.saved", { element: String(h.details.element ?? "") })
                    : t(`statistics.event.${h.kind}` as MessageKey)}
                  {h.comment ? (
                    <>
                      {" — "}
                      <q>{h.comment}</q>
                    </>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
