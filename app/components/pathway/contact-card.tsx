import { Link } from "react-router";
import { languageName, localName } from "../../i18n/names.ts";
import { useT } from "../../i18n/use-t.ts";
import { telHref } from "../../modules/pathway/tel-href.ts";
import type { ContactPivot } from "../../modules/directory/list-contact-pivots.server.ts";

/**
 * One pivot with one-tap call and email links, and the way to ask them for advice when Filet
 * can deliver it (`canAsk`): never a link to a form that would refuse.
 */
export function ContactCard({ pivot, canAsk }: { pivot: ContactPivot; canAsk: boolean }) {
  const { t, locale } = useT();
  const name = `${pivot.givenName} ${pivot.familyName}`;
  const org = localName(locale, { nameFr: pivot.organizationNameFr, nameEn: pivot.organizationNameEn });
  const tel = pivot.phone ? telHref(pivot.phone) : null;
  // French typography puts a space before the colon; English does not.
  const sep = locale === "fr" ? "\u00a0: " : ": ";
  return (
    <li className="card">
      <p>
        <strong>{name}</strong>{" "}
        <span className="badge">{pivot.rank === "backup" ? t("pathway.contacts.backup") : t("pathway.contacts.primary")}</span>
      </p>
      {pivot.title ? <p className="muted">{pivot.title}</p> : null}
      <p>
        {org}
        {pivot.organizationAcronym ? ` (${pivot.organizationAcronym})` : ""}
        {pivot.siteName ? ` — ${pivot.siteName}` : ""}
      </p>
      <ul>
        {pivot.phone ? (
          <li>
            {t("pathway.contacts.phone")}{sep}{tel ? <a href={tel}>{pivot.phone}</a> : pivot.phone}
          </li>
        ) : null}
        {pivot.email ? (
          <li>
            {t("pathway.contacts.email")}{sep}<a href={`mailto:${pivot.email}`}>{pivot.email}</a>
          </li>
        ) : null}
        {pivot.languages.length ? (
          <li>
            {t("pathway.contacts.languages")}{sep}{pivot.languages.map((code) => languageName(locale, code)).join(", ")}
          </li>
        ) : null}
        {pivot.availability ? (
          <li>
            {t("pathway.contacts.availability")}{sep}{pivot.availability}
          </li>
        ) : null}
      </ul>
      {canAsk ? (
        <p>
          <Link to={`/consultations/new?pivot=${encodeURIComponent(pivot.personId)}`}>{t("pathway.contacts.ask", { name })}</Link>
        </p>
      ) : null}
    </li>
  );
}
