import { Link, NavLink } from "react-router";
import { useT } from "../../i18n/use-t.ts";
import type { MessageKey } from "../../i18n/catalog.ts";

/** The editors' sub-navigation (page, edit, versions), above the single h1 of each page. */
export function PathwayAdminNav() {
  const { t } = useT();
  return (
    <nav aria-label={t("pathway.nav.label")}>
      <ul className="subnav">
        <li>
          <NavLink to="/pathway" end>
            {t("pathway.nav.page")}
          </NavLink>
        </li>
        <li>
          <NavLink to="/pathway/edit">{t("pathway.nav.edit")}</NavLink>
        </li>
        <li>
          <NavLink to="/pathway/versions">{t("pathway.nav.versions")}</NavLink>
        </li>
      </ul>
    </nav>
  );
}

export function StatusBadge({ status }: { status: "draft" | "published" | "archived" }) {
  const { t } = useT();
  return <span className="badge">{t(`pathway.status.${status}` as MessageKey)}</span>;
}

export function ValidationBadge({ validated }: { validated: boolean }) {
  const { t } = useT();
  return <span className="badge">{validated ? t("pathway.validated") : t("pathway.notValidatedShort")}</span>;
}

export function VersionLink({ id, number }: { id: string; number: number }) {
  const { t } = useT();
  return (
    <Link to={`/pathway/versions/${id}`} aria-label={t("pathway.versions.open", { number })}>
      {number}
    </Link>
  );
}

/**
 * A document title in the reader's language from the root loader's messages: meta functions
 * run outside React, so they cannot call useT().
 */
// Kept under this name for the routes that import it from here.
