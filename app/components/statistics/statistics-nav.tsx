import { NavLink } from "react-router";
import { useT } from "../../i18n/use-t.ts";

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
