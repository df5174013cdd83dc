import { Link } from "react-router";
import type { Route } from "./+types/_index";
import { useT, useDay } from "../../i18n/use-t.ts";
import { needs } from "../../modules/authz/policy.ts";
import { pageTitle } from "../../i18n/page-title.ts";
import { mayOn, partnersUser } from "../../modules/partners/partner-access.server.ts";
import { listPartners } from "../../modules/partners/partner-pages.server.ts";
import { CommitmentBadge, useTenure, useOrgName } from "../../components/partners/partners-ui.tsx";
import { quebecDay } from "../../modules/time/days.ts";
import { TableScroll } from "../../components/table-scroll.tsx";

/** The partners of the Table: who they are, who represents them, their commitment, their stability. */
export const policy = needs("partnership.view");

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "partners.title");

export async function loader(args: Route.LoaderArgs) {
  const { user, partnershipId } = await partnersUser(args, policy);
  const { rows, table } = await listPartners(args.context.db, partnershipId, quebecDay());
  // The list shows names, delegates, the commitment's state and end, and turnover: only those travel.
  const listed = rows.map(({ organization: o, delegates, commitment, turnover }) => ({
    organization: { id: o.id, nameFr: o.nameFr, nameEn: o.nameEn, acronym: o.acronym },
    delegates,
    commitment: { status: commitment.status, latest: commitment.latest ? { endsOn: commitment.latest.endsOn } : null },
    turnover: { changes: turnover.changes, averageTenureMonths: turnover.averageTenureMonths },
  }));
  return { rows: listed, table, showCommitments: mayOn(user, "commitment.read") };
}

export default function Partners({ loaderData }: Route.ComponentProps) {
  const { t } = useT();
  const day = useDay();
  const tenure = useTenure();
  const orgName = useOrgName();
  const { rows, table } = loaderData;
  return (
    <>
      <h1>{t("partners.title")}</h1>
      <p>{t("partners.intro")}</p>
      <section aria-labelledby="turnover-title">
        <h2 id="turnover-title">{t("partners.turnover.title")}</h2>
        <p>{t("partners.turnover.summary", { changes: table.changes, tenure: tenure(table.averageTenureMonths) })}</p>
        <p className="muted">{t("partners.turnover.help")}</p>
      </section>
      <TableScroll label={t("partners.list.caption")}>
        <table>
          <caption>{t("partners.list.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("partners.list.organization")}</th>
              <th scope="col">{t("partners.list.delegates")}</th>
              <th scope="col">{t("partners.list.commitment")}</th>
              <th scope="col">{t("partners.list.changes")}</th>
              <th scope="col">{t("partners.list.tenure")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ organization: o, delegates, commitment, turnover }) => (
              <tr key={o.id}>
                <th scope="row">
                  <Link to={`/partners/${o.id}`}>{orgName(o)}</Link>
                  {o.acronym ? <span className="muted"> ({o.acronym})</span> : null}
                </th>
                <td>{delegates.length ? delegates.join(", ") : t("partners.list.none")}</td>
                <td>
                  <CommitmentBadge status={commitment.status} />{" "}
                  {commitment.latest
                    ? commitment.status === "late"
                      ? t("partners.status.endedOn", { date: day(commitment.latest.endsOn) })
                      : t("partners.status.until", { date: day(commitment.latest.endsOn) })
                    : t("partners.status.never")}
                </td>
                <td>{turnover.changes}</td>
                <td>{tenure(turnover.averageTenureMonths)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
