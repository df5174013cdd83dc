import { Link } from "react-router";
import { useT } from "../i18n/use-t.ts";

/** The way back up, above a page's single h1: each step a link, separated by "›". */
export function Breadcrumbs({ trail }: { trail: readonly { to: string; label: string }[] }) {
  const { t } = useT();
  return (
    <nav aria-label={t("common.breadcrumb")}>
      <p className="muted">
        {trail.map((item, i) => (
          <span key={item.to}>
            {i > 0 ? " › " : null}
            <Link to={item.to}>{item.label}</Link>
          </span>
        ))}
      </p>
    </nav>
  );
}
