import { Link } from "react-router";
import { useT } from "../i18n/use-t.ts";
import { localName } from "../i18n/names.ts";
import type { Locale } from "../i18n/types.ts";
import type { TableContact, TableFooter } from "../modules/governance/table-contact.ts";

export interface FooterTable extends TableContact {
  name: string;
}

export function footerOf(locale: Locale, table: TableFooter | null): FooterTable | null {
  return table ? { name: localName(locale, table), email: table.email, phone: table.phone } : null;
}

/** Every page's footer: who to reach at the Table, the privacy notice, accessibility, the version. */
export function SiteFooter({ table, version }: { table: FooterTable | null; version: string }) {
  const { t } = useT();
  return (
    <footer className="site-footer">
      {table ? (
        <section aria-labelledby="footer-table">
          <h2 id="footer-table" className="footer-heading">
            {table.name}
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
