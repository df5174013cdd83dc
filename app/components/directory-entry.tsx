import type { ReactNode } from "react";
import { Link } from "react-router";
import { useFormatters, useT } from "../i18n/use-t.ts";
import { localName } from "../i18n/names.ts";
import type { Locale } from "../i18n/types.ts";
import { useDirectoryLabels } from "./directory-ui.tsx";

/**
 * What a card shows of a directory entry, the organization named in the reader's language: the
 * loader sends this, not the whole entry (its ids, dates and the other language's name).
 */
export function directoryEntryView(
  locale: Locale,
  e: Omit<DirectoryEntryView, "organizationName"> & { organizationNameFr: string; organizationNameEn: string },
): DirectoryEntryView {
  return {
    designationId: e.designationId,
    personId: e.personId,
    givenName: e.givenName,
    familyName: e.familyName,
    title: e.title,
    organizationName: localName(locale, { nameFr: e.organizationNameFr, nameEn: e.organizationNameEn }),
    organizationAcronym: e.organizationAcronym,
    siteName: e.siteName,
    territory: e.territory,
    rank: e.rank,
    languages: e.languages,
    clienteles: e.clienteles,
    expertise: e.expertise,
    availability: e.availability,
    phone: e.phone,
    email: e.email,
    confirmedAt: e.confirmedAt,
    stale: e.stale,
  };
}

export interface DirectoryEntryView {
  designationId: string;
  personId: string;
  givenName: string;
  familyName: string;
  title: string;
  /** In the reader's language: the page sends one name, not both. */
  organizationName: string;
  organizationAcronym: string;
  siteName: string | null;
  territory: string;
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

/** "Langues : Français" — one labelled line, compact on a phone (French puts a space before the colon). */
function Fact({ label, children }: { label: string; children: ReactNode }) {
  const { locale } = useT();
  return (
    <>
      <span className="muted">
        {label}
        {locale === "fr" ? "\u00a0:" : ":"}
      </span>{" "}
      {children}
      <br />
    </>
  );
}

/**
 * One pivot of the directory: who, where, for whom, how to reach them, and how fresh that is.
 * `canAsk`: the pivot can receive a consultation on Filet and the reader may ask one; otherwise
 * the card offers only the phone and email, never a form that would refuse.
 */
export function DirectoryEntryCard({ entry, freshnessMonths, canAsk }: { entry: DirectoryEntryView; freshnessMonths: number; canAsk: boolean }) {
  const { t } = useT();
  const { date } = useFormatters();
  const labels = useDirectoryLabels();
  const name = `${entry.givenName} ${entry.familyName}`;
  const org = entry.organizationName;
  const telHref = `tel:${entry.phone.replace(/[^0-9+]/g, "")}`;
  return (
    <article className="card" aria-labelledby={`pivot-${entry.designationId}`}>
      <h3 id={`pivot-${entry.designationId}`}>{name}</h3>
      {entry.title ? <p className="muted">{entry.title}</p> : null}
      <p>
        <strong>{org}</strong>
        {entry.organizationAcronym ? ` (${entry.organizationAcronym})` : null}
        <br />
        {t("directory.entry.siteLine", { site: entry.siteName ?? t("directory.entry.orgWide") })}
        {entry.territory ? (
          <>
            <br />
            <Fact label={t("directory.entry.territory")}>{entry.territory}</Fact>
          </>
        ) : null}
      </p>
      <p>
        <span className="badge">{labels.rank(entry.rank)}</span>{" "}
        {entry.stale ? (
          <span className="badge stale" title={t("directory.entry.staleHint", { months: freshnessMonths })}>
            {t("directory.entry.stale")}
          </span>
        ) : null}
      </p>
      <p>
        <Fact label={t("directory.entry.languages")}>{entry.languages.map(labels.language).join(", ")}</Fact>
        {entry.clienteles.length ? <Fact label={t("directory.entry.clienteles")}>{entry.clienteles.map(labels.clientele).join(", ")}</Fact> : null}
        {entry.expertise.length ? <Fact label={t("directory.entry.expertise")}>{entry.expertise.join(", ")}</Fact> : null}
        {entry.availability ? <Fact label={t("directory.entry.availability")}>{entry.availability}</Fact> : null}
        {entry.phone ? (
          <Fact label={t("directory.entry.phone")}>
            <a href={telHref} aria-label={t("directory.entry.call", { name, phone: entry.phone })}>
              {entry.phone}
            </a>
          </Fact>
        ) : null}
        {entry.email ? (
          <Fact label={t("directory.entry.email")}>
            {/* A break opportunity after "@": long addresses wrap inside the card. */}
            <a href={`mailto:${entry.email}`}>
              {entry.email.split("@")[0]}@<wbr />
              {entry.email.split("@").slice(1).join("@")}
            </a>
          </Fact>
        ) : null}
      </p>
      <p className="muted">{t("directory.entry.confirmed", { date: date(entry.confirmedAt) })}</p>
      {entry.stale ? <p className="alert warning">{t("directory.entry.staleHint", { months: freshnessMonths })}</p> : null}
      {canAsk ? (
        <p>
          <Link className="button secondary" to={`/consultations/new?pivot=${encodeURIComponent(entry.personId)}`} aria-label={t("directory.entry.askLabel", { name })}>
            {t("directory.entry.ask")}
          </Link>
        </p>
      ) : null}
    </article>
  );
}
