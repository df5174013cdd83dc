import { Link } from "react-router";
import type { Route } from "./+types/results";
import { useT, useDay } from "../../i18n/use-t.ts";
import { guard, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { pageTitle } from "../../i18n/page-title.ts";
import { programResults, programsOf, responseCounts } from "../../modules/training-evaluation/evaluation-results.server.ts";
import { ResultsView } from "../../components/training-evaluation/results-ui.tsx";
import { MIN_ANSWERS_SHOWN } from "../../modules/training-evaluation/vocabulary.ts";
import { TableScroll } from "../../components/table-scroll.tsx";

/** Evaluation results aggregated per program, and the sessions with their number of answers. */
export const policy = needs("training.results");

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "trainingEval.results.title");

export async function loader(args: Route.LoaderArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId) notFound();
  const partnershipId = user.partnershipId;
  const programs = await programsOf(args.context.db, partnershipId);
  const perProgram = await Promise.all(programs.map(async (p) => ({ program: p, results: await programResults(args.context.db, partnershipId, p.id) })));
  return { perProgram, sessions: await responseCounts(args.context.db, partnershipId) };
}

export default function TrainingResults({ loaderData }: Route.ComponentProps) {
  const { t, locale } = useT();
  const day = useDay();
  return (
    <>
      <h1>{t("trainingEval.results.title")}</h1>
      <p>{t("trainingEval.results.intro", { min: MIN_ANSWERS_SHOWN })}</p>
      <nav className="subnav" aria-label={t("trainingEval.results.title")}>
        <Link to="/training/stats">{t("trainingEval.stats.title")}</Link>
      </nav>
      {loaderData.perProgram.map(({ program, results }) => {
        const name = locale === "en" ? program.nameEn : program.nameFr;
        return (
          <section key={program.id}>
            <h2>{name}</h2>
            <ResultsView results={results} caption={t("trainingEval.results.programCaption", { name })} />
          </section>
        );
      })}
      <h2>{t("trainingEval.results.bySession")}</h2>
      {loaderData.sessions.length === 0 ? (
        <p>{t("trainingEval.results.noneYet")}</p>
      ) : (
        <TableScroll label={t("trainingEval.results.sessionsCaption")}>
          <table>
            <caption>{t("trainingEval.results.sessionsCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("training.sessions.dates")}</th>
                <th scope="col">{t("trainingEval.results.responses")}</th>
              </tr>
            </thead>
            <tbody>
              {loaderData.sessions.map((s) => (
                <tr key={s.sessionId}>
                  <th scope="row">
                    <Link to={`/training/sessions/${s.sessionId}/results`}>{s.dates.map((d) => day(d)).join(" · ")}</Link>
                  </th>
                  <td>{s.responses}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
