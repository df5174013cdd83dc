import { Form, Link } from "react-router";
import type { Route } from "./+types/completeness";
import { SelectField } from "../../components/form.tsx";
import { named, StatisticsNav, usePeriodLabel, useStatusLabel } from "../../components/statistics/statistics-ui.tsx";
import { TableScroll } from "../../components/table-scroll.tsx";
import type { MessageKey } from "../../i18n/catalog.ts";
import { pageTitle } from "../../i18n/page-title.ts";
import { useDay, useT } from "../../i18n/use-t.ts";
import { needs } from "../../modules/authz/policy.ts";
import { isUuid } from "../../modules/forms/fields.ts";
import { requestUrl } from "../../modules/forms/request-url.ts";
import { getCompleteness } from "../../modules/statistics/get-completeness.server.ts";
import { listDataSets } from "../../modules/statistics/list-definitions.server.ts";
import { statisticsGuard } from "../../modules/statistics/statistics-route.server.ts";
import { quebecDay } from "../../modules/time/days.ts";

/** Completeness and timeliness of the reports, per period and per organization: the Table coordinator's table. */
export const policy = needs("statistics.review");

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "statistics.completeness.title");

export async function loader(args: Route.LoaderArgs) {
  const g = await statisticsGuard(args, policy);
  const url = requestUrl(args.request);
  const sets = await listDataSets(args.context.db, g.partnershipId);
  const asked = url.searchParams.get("dataSet");
  const setId = isUuid(asked) && sets.some((s) => s.id === asked.toLowerCase()) ? asked.toLowerCase() : (sets[0]?.id ?? null);
  const period = url.searchParams.get("period");
  const view = setId ? await getCompleteness(args.context.db, g.partnershipId, setId, period && period.length <= 10 ? period : null, quebecDay(new Date())) : null;
  return { sets: sets.map((s) => ({ id: s.id, nameFr: s.nameFr, nameEn: s.nameEn })), view, mayDefine: g.mayDefine, mayReview: g.mayReview };
}

export default function StatisticsCompleteness({ loaderData }: Route.ComponentProps) {
  const { t, locale } = useT();
  const day = useDay();
  const periodLabel = usePeriodLabel();
  const statusLabel = useStatusLabel();
  const { sets, view, mayDefine, mayReview } = loaderData;
  const percent = (n: number, d: number) => (d ? t("statistics.completeness.rateValue", { percent: Math.round((100 * n) / d) }) : "—");
  return (
    <>
      <h1>{t("statistics.completeness.title")}</h1>
      <StatisticsNav mayDefine={mayDefine} mayReview={mayReview} />
      <p>{t("statistics.completeness.intro")}</p>
      {!view ? (
        <p>{t("statistics.completeness.none")}</p>
      ) : (
        <>
          <Form method="get" className="stack">
            <SelectField name="dataSet" label={t("statistics.completeness.dataSet")} required options={sets.map((s) => ({ value: s.id, label: named(locale, s) }))} defaultValue={view.set.id} />
            <div className="actions">
              <button type="submit" className="secondary">
                {t("statistics.completeness.show")}
              </button>
            </div>
          </Form>
          <TableScroll label={t("statistics.completeness.caption")}>
            <table>
              <caption>{t("statistics.completeness.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("statistics.period")}</th>
                  <th scope="col">{t("statistics.dueOn")}</th>
                  <th scope="col">{t("statistics.completeness.expected")}</th>
                  <th scope="col">{t("statistics.completeness.submitted")}</th>
                  <th scope="col">{t("statistics.completeness.onTime")}</th>
                  <th scope="col">{t("statistics.completeness.late")}</th>
                  <th scope="col">{t("statistics.completeness.missing")}</th>
                  <th scope="col">{t("statistics.completeness.awaiting")}</th>
                  <th scope="col">{t("statistics.completeness.rate")}</th>
                </tr>
              </thead>
              <tbody>
                {view.rows.map((r) => (
                  <tr key={r.period.key}>
                    <th scope="row">
                      <Link to={`/statistics/completeness?dataSet=${view.set.id}&period=${r.period.key}`} aria-label={t("statistics.completeness.details", { period: periodLabel(r.period.key) })}>
                        {periodLabel(r.period.key)}
                      </Link>
                    </th>
                    <td>{day(r.dueOn)}</td>
                    <td>{r.expected}</td>
                    <td>{r.submitted}</td>
                    <td>{r.onTime}</td>
                    <td>{r.late}</td>
                    <td>{r.missing}</td>
                    <td>{r.awaiting}</td>
                    <td>{percent(r.submitted, r.expected)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          {view.selected ? (
            <section aria-labelledby="by-organization">
              <h2 id="by-organization">{t("statistics.completeness.byOrganization", { period: periodLabel(view.selected.key) })}</h2>
              <TableScroll label={t("statistics.completeness.byOrganization", { period: periodLabel(view.selected.key) })}>
                <table>
                  <caption>{t("statistics.completeness.byOrganization", { period: periodLabel(view.selected.key) })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("statistics.organization")}</th>
                      <th scope="col">{t("statistics.status")}</th>
                      <th scope="col">{t("statistics.completeness.firstSubmitted")}</th>
                      <th scope="col">{t("statistics.completeness.onTime")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {view.organizations.map((o) => (
                      <tr key={o.organization.id}>
                        <th scope="row">{o.submissionId ? <Link to={`/statistics/reports/${o.submissionId}`}>{named(locale, o.organization)}</Link> : named(locale, o.organization)}</th>
                        <td>{statusLabel(o.status)}</td>
                        <td>{o.firstSubmittedOn ? day(o.firstSubmittedOn) : "—"}</td>
                        <td>{t(`statistics.timeliness.${o.timeliness}` as MessageKey)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            </section>
          ) : null}
        </>
      )}
    </>
  );
}
