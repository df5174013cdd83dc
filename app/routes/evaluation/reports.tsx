import { Link } from "react-router";
import { EvaluationNav } from "../../components/evaluation/evaluation-nav.tsx";
import type { Route } from "./+types/reports";
import { TableScroll } from "../../components/table-scroll.tsx";
import { RatesRow } from "../../components/evaluation-reports/evaluation-ui.tsx";
import type { MessageKey } from "../../i18n/catalog.ts";
import { pageTitle } from "../../i18n/page-title.ts";
import { useDay, useT } from "../../i18n/use-t.ts";
import { needs } from "../../modules/authz/policy.ts";
import { evaluationGuard } from "../../modules/evaluation-reports/evaluation-route.server.ts";
import { listReports } from "../../modules/evaluation-reports/list-reports.server.ts";
import { recommendationRates } from "../../modules/evaluation-reports/recommendation-rates.server.ts";
import { quebecDay } from "../../modules/time/days.ts";

/** The Table's evaluation reports and how their recommendations are followed. */
export const policy = needs("evaluation.view");

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "evalReports.title");

export async function loader(args: Route.LoaderArgs) {
  const { access, mayReport } = await evaluationGuard(args, policy);
  const today = quebecDay(new Date());
  const [reports, rates] = await Promise.all([listReports(args.context.db, access.partnershipId, today), recommendationRates(args.context.db, access.partnershipId, today)]);
  return { reports, rates, mayReport };
}

export default function EvaluationReports({ loaderData }: Route.ComponentProps) {
  const { t, locale } = useT();
  const day = useDay();
  const { reports, rates, mayReport } = loaderData;
  return (
    <>
      <h1>{t("evalReports.title")}</h1>
      <EvaluationNav />
      <p>{t("evalReports.intro")}</p>
      {mayReport ? (
        <p>
          <Link to="/evaluation/reports/new" className="button">
            {t("evalReports.new")}
          </Link>
        </p>
      ) : null}
      {reports.length === 0 ? (
        <p>{t("evalReports.none")}</p>
      ) : (
        <TableScroll label={t("evalReports.list.caption")}>
          <table>
            <caption>{t("evalReports.list.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("evalReports.report")}</th>
                <th scope="col">{t("evalReports.evaluator")}</th>
                <th scope="col">{t("evalReports.reportOn")}</th>
                <th scope="col">{t("evalReports.kind")}</th>
                <th scope="col">{t("evalReports.recommendations")}</th>
              </tr>
            </thead>
            <tbody>
              {reports.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    <Link to={`/evaluation/reports/${r.id}`}>{r.title}</Link>
                    {r.pdf ? (
                      <>
                        {" "}
                        (<a href={`/evaluation/reports/${r.id}/pdf`}>{t("evalReports.pdf")}</a>)
                      </>
                    ) : null}
                  </th>
                  <td>
                    {r.evaluatorName}
                    {r.institution ? <span className="muted">, {r.institution}</span> : null}
                  </td>
                  <td>{day(r.reportOn)}</td>
                  <td>{t(`evalReports.kind.${r.kind}` as MessageKey)}</td>
                  <td>
                    {t("evalReports.recommendationsCount", { count: r.recommendationCount })}
                    {r.recommendationCount ? (
                      <>
                        {" "}
                        <span className="muted">
                          ({t("evalReports.verifiedCount", { count: r.verifiedCount })}, {t("evalReports.overdueCount", { count: r.overdueCount })})
                        </span>
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <section aria-labelledby="rates-title">
        <h2 id="rates-title">{t("evalReports.rates.title")}</h2>
        <dl className="summary">
          <dt>{t("evalReports.rates.acceptance")}</dt>
          <dd>{t("evalReports.rates.acceptance.hint")}</dd>
          <dt>{t("evalReports.rates.implementation")}</dt>
          <dd>{t("evalReports.rates.implementation.hint")}</dd>
          <dt>{t("evalReports.rates.overdue")}</dt>
          <dd>{t("evalReports.rates.overdue.hint")}</dd>
        </dl>
        <TableScroll label={t("evalReports.rates.caption")}>
          <table>
            <caption>{t("evalReports.rates.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("evalReports.rates.scope")}</th>
                <th scope="col">{t("evalReports.rates.acceptance")}</th>
                <th scope="col">{t("evalReports.rates.implementation")}</th>
                <th scope="col">{t("evalReports.rates.overdue")}</th>
              </tr>
            </thead>
            <tbody>
              <RatesRow label={t("evalReports.rates.overall")} rates={rates.overall} />
              {rates.byOrganization.map((o) => (
                <RatesRow key={o.organizationId} label={locale === "en" ? o.nameEn : o.nameFr} rates={o.rates} />
              ))}
            </tbody>
          </table>
        </TableScroll>
        {rates.byOrganization.length === 0 ? <p className="muted">{t("evalReports.rates.noOrganizations")}</p> : null}
      </section>
    </>
  );
}
