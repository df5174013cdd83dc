import { Link } from "react-router";
import type { Route } from "./+types/sessions.$sessionId.results";
import { useT, useDay } from "../../i18n/use-t.ts";
import { guard, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { isUuid } from "../../modules/forms/fields.ts";
import { pageTitle } from "../../i18n/page-title.ts";
import { sessionResults } from "../../modules/training-evaluation/evaluation-results.server.ts";
import { ResultsView } from "../../components/training-evaluation/results-ui.tsx";
import { sessionAccess } from "../../modules/training-evaluation/session-access.server.ts";

/**
 * Evaluation results of one session, for the coordinator, the evaluator and the session's
 * trainers; shown only from MIN_ANSWERS_SHOWN answers (small-number protection).
 */
export const policy = needs("partnership.view");

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "trainingEval.results.title");

export async function loader(args: Route.LoaderArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId || !isUuid(args.params.sessionId)) notFound();
  const access = await sessionAccess(args.context.db, user, args.params.sessionId);
  if (!access || !(access.results || access.trainer)) notFound();
  return {
    session: { id: access.session.id, dates: access.session.dates },
    results: await sessionResults(args.context.db, user.partnershipId, access.session.id),
    seesAll: access.results,
  };
}

export default function SessionResults({ loaderData }: Route.ComponentProps) {
  const { t } = useT();
  const day = useDay();
  const { session, results } = loaderData;
  const when = session.dates.map((d) => day(d)).join(" · ");
  return (
    <>
      <p>
        {loaderData.seesAll ? <Link to="/training/results">{t("trainingEval.results.all")}</Link> : <Link to={`/training/sessions/${session.id}/space`}>{t("trainingEval.space.title", { date: when })}</Link>}
      </p>
      <h1>{t("trainingEval.results.sessionHeading", { date: when })}</h1>
      <ResultsView results={results} caption={t("trainingEval.results.satisfactionCaption")} />
    </>
  );
}
