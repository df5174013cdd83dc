import { NavLink } from "react-router";
import { useT } from "../../i18n/use-t.ts";

/** The evaluation section's two parts: the indicators and the evaluation reports (NavLink marks the current one). */
export function EvaluationNav() {
  const { t } = useT();
  return (
    <nav aria-label={t("evaluation.nav.label")}>
      <ul className="subnav">
        <li>
          <NavLink to="/evaluation" end>
            {t("evaluation.nav.dashboard")}
          </NavLink>
        </li>
        <li>
          <NavLink to="/evaluation/reports">{t("evaluation.nav.reports")}</NavLink>
        </li>
      </ul>
    </nav>
  );
}
