import { Link } from "react-router";
import type { Route } from "./+types/_index";
import { named, StatisticsNav, usePeriodLabel, useStatusLabel } from "../../components/statistics/statistics-ui.tsx";
import { TableScroll } from "../../components/table-scroll.tsx";
import { pageTitle } from "../../i18n/page-title.ts";
import { useDay, useT } from "../../i18n/use-t.ts";
import { needs } from "../../modules/authz/policy.ts";
import { reopenedReports, reporterOverview, reviewQueue } from "../../modules/statistics/get-overview.server.ts";
import { statisticsGuard } from "../../modules/statistics/statistics-route.server.ts";
import { quebecDay } from "../../modules/time/days.ts";

/** The statistics home: a reporter's periods to enter, the coordinator's reports to approve. */
export const policy = needs("statistics.view");

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "statistics.title");

export async function loader(args: Route.LoaderArgs) {
  const g = await statisticsGuard(args, policy);
  const today = quebecDay(new Date());
  const db = args.context.db;
  const [reports, queue, reopened] = await Promise.all([
    reporterOverview(db, g.partnershipId, g.enterOrganizations, today),
    g.mayReview ? reviewQueue(db, g.partnershipId) : Promise.resolve([]),
    g.mayReview ? reopenedReports(db, g.partnershipId) : Promise.resolve([]),
  ]);
  return { reports, queue, reopened, mayDefine: g.mayDefine, mayReview: g.mayReview, reporter: g.enterOrganizations.length > 0 };
}

export default function StatisticsHome({ loaderData }: Route.ComponentProps) {
  const { t, locale } = useT();
  const day = useDay();
  const periodLabel = usePeriodLabel();
  const statusLabel = useStatusLabel();
  const { reports, queue, reopened, mayDefine, mayReview, reporter } = loaderData;
  return (
    <>
      <h1>{t("statistics.title")}</h1>
      <StatisticsNav mayDefine={mayDefine} mayReview={mayReview} />
      <p>{t("statistics.intro")}</p>
      {mayReview ? (
        <section aria-labelledby="queue-title">
          <h2 id="queue-title">{t("statistics.queue.title")}</h2>
          {queue.length === 0 ? (
            <p>{t("statistics.queue.none")}</p>
          ) : (
            <TableScroll label={t("statistics.queue.caption")}>
              <table>
                <caption>{t("statistics.queue.caption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("statistics.organization")}</th>
                    <th scope="col">{t("statistics.period")}</th>
                    <th scope="col">{t("statistics.submittedOn")}</th>
                  </tr>
                </thead>
                <tbody>
                  {queue.map((r) => (
                    <tr key={r.id}>
                      <td>
                        <Link to={`/statistics/reports/${r.id}`} aria-label={t("statistics.review.open", { organization: named(locale, { nameFr: r.orgFr, nameEn: r.orgEn }), period: periodLabel(r.periodKey) })}>
                          {named(locale, { nameFr: r.orgFr, nameEn: r.orgEn })}
                        </Link>
                      </td>
                      <td>{periodLabel(r.periodKey)}</td>
                      <td>{r.submittedAt ? day(r.submittedAt.slice(0, 10)) : "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
          {reopened.length ? (
            <>
              <h2>{t("statistics.reopened.title")}</h2>
              <TableScroll label={t("statistics.reopened.caption")}>
                <table>
                  <caption>{t("statistics.reopened.caption")}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("statistics.organization")}</th>
                      <th scope="col">{t("statistics.period")}</th>
                      <th scope="col">{t("statistics.reopened.reason")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {reopened.map((r) => (
                      <tr key={r.id}>
                        <td>
                          <Link to={`/statistics/reports/${r.id}`}>{named(locale, { nameFr: r.orgFr, nameEn: r.orgEn })}</Link>
                        </td>
                        <td>{periodLabel(r.periodKey)}</td>
                        <td>{r.reason}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            </>
          ) : null}
        </section>
      ) : null}
      {reporter ? (
        <section aria-labelledby="reports-title">
          <h2 id="reports-title">{t("statistics.overview.reporter")}</h2>
          {reports.length === 0 ? <p>{t("statistics.overview.none")}</p> : null}
          {reports.map((r) => {
            const caption = t("statistics.overview.caption", { set: named(locale, r.set), organization: named(locale, r.organization) });
            return (
              <TableScroll key={`${r.set.id}-${r.organization.id}`} label={caption}>
                <table>
                  <caption>{caption}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("statistics.period")}</th>
                      <th scope="col">{t("statistics.dueOn")}</th>
                      <th scope="col">{t("statistics.status")}</th>
                      <th scope="col">{t("statistics.action")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {r.periods.map((p) => {
                      const editable = p.status === "returned" || p.status === "reopened" || (p.open && (p.status === null || p.status === "draft"));
                      return (
                        <tr key={p.key}>
                          <th scope="row">{periodLabel(p.key)}</th>
                          <td>{day(p.dueOn)}</td>
                          <td>{statusLabel(p.status)}</td>
                          <td>
                            <Link to={`/statistics/entry/${r.set.id}/${r.organization.id}/${p.key}`}>
                              {t(editable ? "statistics.enter" : "statistics.consult", { period: periodLabel(p.key) })}
                            </Link>
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </TableScroll>
            );
          })}
        </section>
      ) : null}
    </>
  );
}
