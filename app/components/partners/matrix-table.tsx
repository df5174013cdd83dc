import { Link } from "react-router";
import { useT } from "../../i18n/use-t.ts";
import { useOrgName } from "./partners-ui.tsx";
import { contributionDomains, type ContributionDomain } from "../../modules/partners/vocabulary.ts";

export interface MatrixTableRow {
  organizationId: string;
  nameFr: string;
  nameEn: string;
  acronym: string;
  cells: Record<ContributionDomain, string>;
  editable?: boolean;
}

/**
 * The contribution matrix as a readable table: organizations in rows (row headers), domains in
 * columns. The edit control sits in the row header, so it is in view without scrolling.
 */
export function MatrixTable({ rows, withActions }: { rows: readonly MatrixTableRow[]; withActions: boolean }) {
  const { t } = useT();
  const orgName = useOrgName();
  return (
    <div className="matrix-scroll" tabIndex={0} role="region" aria-labelledby="matrix-caption">
      <table className="contribution-matrix">
        <caption id="matrix-caption">{t("partners.matrix.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("partners.list.organization")}</th>
            {contributionDomains.map((d) => (
              <th scope="col" key={d}>
                {t(`partners.domain.${d}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.organizationId}>
              <th scope="row">
                {r.acronym ? <abbr title={orgName(r)}>{r.acronym}</abbr> : orgName(r)}
                {withActions && r.editable ? (
                  <>
                    <br />
                    <Link to={`/partners/matrix/${r.organizationId}`} className="matrix-edit">
                      {t("partners.matrix.edit")}
                      <span className="visually-hidden"> — {t("partners.matrix.editRow", { name: orgName(r) })}</span>
                    </Link>
                  </>
                ) : null}
              </th>
              {contributionDomains.map((d) => (
                <td key={d} lang="fr">
                  {r.cells[d]}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
