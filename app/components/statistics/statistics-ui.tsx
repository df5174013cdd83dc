import { NavLink } from "react-router";
import type { MessageKey } from "../../i18n/catalog.ts";
import { useT } from "../../i18n/use-t.ts";
import { TableScroll } from "../table-scroll.tsx";

/**
 * The statistics section's parts; the definitions and completeness only for the coordinator.
 * Every reader of the section may read the results; a reader of the results only (the evaluator)
 * has no reports page (`mayView` false).
 */
export function StatisticsNav({ mayDefine, mayReview, mayView = true }: { mayDefine: boolean; mayReview: boolean; mayView?: boolean }) {
  const { t } = useT();
  return (
    <nav aria-label={t("statistics.nav.label")}>
      <ul className="subnav">
        {mayView ? (
          <li>
            <NavLink to="/statistics" end>
              {t("statistics.nav.overview")}
            </NavLink>
          </li>
        ) : null}
        <li>
          <NavLink to="/statistics/results">{t("statistics.nav.results")}</NavLink>
        </li>
        {mayReview ? (
          <li>
            <NavLink to="/statistics/completeness">{t("statistics.nav.completeness")}</NavLink>
          </li>
        ) : null}
        {mayDefine ? (
          <>
            <li>
              <NavLink to="/statistics/data-sets">{t("statistics.nav.dataSets")}</NavLink>
            </li>
            <li>
              <NavLink to="/statistics/categories">{t("statistics.nav.categories")}</NavLink>
            </li>
          </>
        ) : null}
      </ul>
    </nav>
  );
}

/** "T3 2026", "juillet 2026", "Année 2026" from a period key. */
export function usePeriodLabel() {
  const { t, locale } = useT();
  const month = new Intl.DateTimeFormat(locale === "fr" ? "fr-CA" : "en-CA", { month: "long", timeZone: "UTC" });
  return (key: string) => {
    const q = /^(\d{4})Q([1-4])$/.exec(key);
    if (q) return t("statistics.period.quarter", { part: q[2]!, year: q[1]! });
    const m = /^(\d{4})-(\d{2})$/.exec(key);
    if (m) return t("statistics.period.month", { month: month.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1))), year: m[1]! });
    return t("statistics.period.year", { year: key });
  };
}

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
