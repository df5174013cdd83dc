import { NavLink } from "react-router";
import { useDay, useT } from "../../i18n/use-t.ts";
import type { CommitmentStatus, DelegateKind } from "../../modules/partners/vocabulary.ts";
import { TableScroll } from "../table-scroll.tsx";

export interface HistoryTerm {
  id: string;
  givenName: string;
  familyName: string;
  kind: DelegateKind;
  since: string;
  until: string | null;
}

/** The organization's name in the reader's language. */
export function useOrgName() {
  const { locale } = useT();
  return (o: { nameFr: string; nameEn: string }) => (locale === "en" ? o.nameEn || o.nameFr : o.nameFr);
}

export function PartnersNav({ showCommitments }: { showCommitments: boolean }) {
  const { t } = useT();
  return (
    <nav aria-label={t("partners.subnav")}>
      <ul className="subnav">
        <li>
          <NavLink to="/partners" end>
            {t("partners.subnav.profiles")}
          </NavLink>
        </li>
        <li>
          <NavLink to="/partners/matrix">{t("partners.subnav.matrix")}</NavLink>
        </li>
        {showCommitments ? (
          <li>
            <NavLink to="/partners/commitments">{t("partners.subnav.commitments")}</NavLink>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

/** The commitment status as text (never colour alone). */
export function CommitmentBadge({ status }: { status: CommitmentStatus }) {
  const { t } = useT();
  return <span className={`badge commitment-${status}`}>{t(`partners.status.${status}`)}</span>;
}

/** "78,2 mois" / "78.2 months", or "unknown" when there is no term. */
export function useTenure() {
  const { t } = useT();
  // A mandate is counted in years once it passes one ("6,5 ans"), in months before ("8 mois");
  // the message formats the number and picks the plural (French: "1,5 an").
  return (months: number | null) =>
    months === null
      ? t("partners.turnover.unknown")
      : months >= 12
        ? t("partners.turnover.years", { count: Math.round((months / 12) * 10) / 10 })
        : t("partners.turnover.months", { count: months });
}

/** Delegate and substitute terms, latest first. */
export function DelegateHistory({ terms }: { terms: readonly HistoryTerm[] }) {
  const { t } = useT();
  const day = useDay();
  if (terms.length === 0) return <p className="muted">{t("partners.history.empty")}</p>;
  return (
    <TableScroll label={t("partners.history.caption")}>
      <table>
        <caption>{t("partners.history.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("partners.history.person")}</th>
            <th scope="col">{t("partners.history.kind")}</th>
            <th scope="col">{t("partners.history.since")}</th>
            <th scope="col">{t("partners.history.until")}</th>
          </tr>
        </thead>
        <tbody>
          {terms.map((term) => (
            <tr key={term.id}>
              <th scope="row">
                {term.givenName} {term.familyName}
              </th>
              <td>{t(`partners.kind.${term.kind}`)}</td>
              <td>{day(term.since)}</td>
              <td>{term.until ? day(term.until) : t("partners.history.current")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
