import { Link } from "react-router";
import type { Route } from "./+types/results";
import { StatisticsNav, usePeriodLabel } from "../../components/statistics/statistics-nav.tsx";
import { pageTitle } from "../../i18n/page-title.ts";
import { useT } from "../../i18n/use-t.ts";
import { needs } from "../../modules/authz/policy.ts";
import { listDataSets } from "../../modules/statistics/list-definitions.server.ts";
import { statisticsGuard } from "../../modules/statistics/statistics-route.server.ts";

/** The data sets whose results one may read, a link each. */
export const policy = needs("statistics.results");

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "statistics.results.title");

export async function loader(args: Route.LoaderArgs) {
  const g = await statisticsGuard(args, policy);
  const sets = await listDataSets(args.context.db, g.partnershipId);
  return {
    sets: sets.map((s) => ({ id: s.id, nameFr: s.nameFr, nameEn: s.nameEn, firstPeriod: s.firstPeriod, lastPeriod: s.lastPeriod })),
    mayDefine: g.mayDefine,
    mayReview: g.mayReview,
    mayView: g.mayView,
  };
}

export default function StatisticsResultsIndex({ loaderData }: Route.ComponentProps) {
  const { t, locale } = useT();
  const periodLabel = usePeriodLabel();
  const { sets, mayDefine, mayReview, mayView } = loaderData;
  return (
    <>
      <h1>{t("statistics.results.title")}</h1>
      <StatisticsNav mayDefine={mayDefine} mayReview={mayReview} mayView={mayView} />
      <p>{t("statistics.results.indexIntro")}</p>
      {sets.length === 0 ? (
        <p>{t("statistics.results.none")}</p>
      ) : (
        <ul>
          {sets.map((s) => (
            <li key={s.id}>
              <Link to={`/statistics/data-sets/${s.id}/results`}>{locale === "en" ? s.nameEn : s.nameFr}</Link>{" "}
              <span className="hint">
                {s.lastPeriod ? t("statistics.results.periodRange", { first: periodLabel(s.firstPeriod), last: periodLabel(s.lastPeriod) }) : t("statistics.results.ongoing", { first: periodLabel(s.firstPeriod) })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
