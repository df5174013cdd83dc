import { useFormatters, useT } from "../i18n/use-t.ts";
import { localName } from "./admin-common.tsx";
import { useDirectoryLabels } from "./directory-ui.tsx";

export interface DirectoryEntryView {
  designationId: string;
  givenName: string;
  familyName: string;
  title: string;
  organizationNameFr: string;
  organizationNameEn: string;
  organizationAcronym: string;
  siteName: string | null;
  rank: "primary" | "backup";
  languages: string[];
  clienteles: string[];
  expertise: string[];
  availability: string;
  phone: string;
  email: string;
  confirmedAt: Date | string;
  stale: boolean;
}

/** One pivot of the directory: who, where, for whom, how to reach them, and how fresh that is. */
export function DirectoryEntryCard({ entry, freshnessMonths }: { entry: DirectoryEntryView; freshnessMonths: number }) {
  const { t, locale } = useT();
  const { date } = useFormatters();
  const labels = useDirectoryLabels();
  const name = `${entry.givenName} ${entry.familyName}`;
  const org = localName(locale, { nameFr: entry.organizationNameFr, nameEn: entry.organizationNameEn });
  const telHref = `tel:${entry.phone.replace(/[^0-9+]/g, "")}`;
  return (
    <article className="card" aria-labelledby={`pivot-${entry.designationId}`}>
      <h3 id={`pivot-${entry.designationId}`}>{name}</h3>
      {entry.title ? <p className="muted">{entry.title}</p> : null}
      <p>
        <strong>{org}</strong>
        {entry.organizationAcronym ? ` (${entry.organizationAcronym})` : null}
        <br />
        {t("directory.entry.site")} : {entry.siteName ?? t("directory.entry.orgWide")}
      </p>
      <p>
        <span className="badge">{labels.rank(entry.rank)}</span>{" "}
        {entry.stale ? (
          <span className="badge stale" title={t("directory.entry.staleHint", { months: freshnessMonths })}>
            {t("directory.entry.stale")}
          </span>
        ) : null}
      </p>
      <dl>
        <dt>{t("directory.entry.languages")}</dt>
        <dd>{entry.languages.map(labels.language).join(", ")}</dd>
        {entry.clienteles.length ? (
          <>
            <dt>{t("directory.entry.clienteles")}</dt>
            <dd>{entry.clienteles.map(labels.clientele).join(", ")}</dd>
          </>
        ) : null}
        {entry.expertise.length ? (
          <>
            <dt>{t("directory.entry.expertise")}</dt>
            <dd>{entry.expertise.join(", ")}</dd>
          </>
        ) : null}
        {entry.availability ? (
          <>
            <dt>{t("directory.entry.availability")}</dt>
            <dd>{entry.availability}</dd>
          </>
        ) : null}
        {entry.phone ? (
          <>
            <dt>{t("directory.entry.phone")}</dt>
            <dd>
              <a href={telHref} aria-label={t("directory.entry.call", { name, phone: entry.phone })}>
                {entry.phone}
              </a>
            </dd>
          </>
        ) : null}
        {entry.email ? (
          <>
            <dt>{t("directory.entry.email")}</dt>
            <dd>
              <a href={`mailto:${entry.email}`}>
                {entry.email}
              </a>
            </dd>
          </>
        ) : null}
      </dl>
      <p className="muted">{t("directory.entry.confirmed", { date: date(entry.confirmedAt) })}</p>
      {entry.stale ? <p className="alert warning">{t("directory.entry.staleHint", { months: freshnessMonths })}</p> : null}
    </article>
  );
}
