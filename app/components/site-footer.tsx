import { Link } from "react-router";
import { useT } from "../i18n/use-t.ts";
import { localName } from "../i18n/names.ts";
import type { TableFooter } from "../modules/governance/table-contact.ts";

/** Every page's footer: who to reach at the Table, the privacy notice, accessibility, the version. */
export function SiteFooter({ table, version }: { table: TableFooter | null; version: string }) {
  const { t, locale } = useT();
  return (
    <footer className="site-footer">
      {table ? (
        <section aria-labelledby="footer-table">
          <h2 id="footer-table" className="footer-heading">
            {localName(locale, table)}
          </h2>
          {table.email || table.phone ? (
            <ul className="footer-contact">
              {table.email ? (
                <li>
                  {t("footer.email")} <a href={`mailto:${table.email}`}>{table.email}</a>
                </li>
              ) : null}
              {table.phone ? (
                <li>
                  {t("footer.phone")} <a href={`tel:${table.phone.replace(/[^\d+]/g, "")}`}>{table.phone}</a>
                </li>
              ) : null}
            </ul>
          ) : (
            <p>{t("footer.noContact")}</p>
          )}
        </section>
      ) : null}
      <nav aria-label={t("footer.label")}>
        <ul className="footer-links">
          <li>
            <Link to="/privacy">{t("footer.privacy")}</Link>
          </li>
          <li>
            <Link to="/accessibility">{t("footer.accessibility")}</Link>
          </li>
        </ul>
      </nav>
      <p className="footer-version">{t("footer.version", { version })}</p>
    </footer>
  );
}
