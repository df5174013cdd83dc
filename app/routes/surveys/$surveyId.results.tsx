import { Link } from "react-router";
import type { Route } from "./+types/$surveyId.results";
import { ChartFigure } from "../../components/chart-figure.tsx";
import { pageTitle } from "../../i18n/page-title.ts";
import { useT } from "../../i18n/use-t.ts";
import { guard, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import type { Protected } from "../../modules/disclosure/protected.ts";
import { isUuid } from "../../modules/forms/fields.ts";
import { getSurveyResults } from "../../modules/surveys/get-results.server.ts";
import { getSurvey } from "../../modules/surveys/list-surveys.server.ts";

/** A survey's results for the coordinator and the evaluator, every figure through the disclosure control. */
export const policy = needs("survey.results");

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "surveys.results.title");

export async function loader(args: Route.LoaderArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId || !isUuid(args.params.surveyId)) notFound();
  const found = await getSurvey(args.context.db, user.partnershipId, args.params.surveyId.toLowerCase());
  if (!found) notFound();
  const locale = user.locale;
  const results = await getSurveyResults(args.context.db, found.survey, locale);
  return { survey: { id: found.survey.id, titleFr: found.survey.titleFr, titleEn: found.survey.titleEn }, results };
}

export default function SurveyResults({ loaderData }: Route.ComponentProps) {
  const { t, locale } = useT();
  const { survey, results } = loaderData;
  const title = locale === "en" ? survey.titleEn : survey.titleFr;
  const count = (p: Protected) => (p.kind === "value" ? p.value : <abbr title={t("surveys.results.suppressed")}>x</abbr>);
  const pct = (n: number | null) => (n === null ? "x" : new Intl.NumberFormat(locale === "en" ? "en-CA" : "fr-CA", { maximumFractionDigits: 1 }).format(n) + (locale === "en" ? "%" : "\u00a0%"));
  return (
    <>
      <p>
        <Link to="/surveys">{t("surveys.title")}</Link>
      </p>
      <h1>{t("surveys.results.heading", { title })}</h1>
      {!results.shown ? (
        <p className="alert">{t("surveys.results.belowThreshold", { threshold: results.threshold })}</p>
      ) : (
        <>
          <p>
            {t("surveys.results.responses", { count: results.responses })} · <a href={`/surveys/${survey.id}/results.csv`}>{t("surveys.results.csv")}</a> · <a href={`/surveys/${survey.id}/results.xlsx`}>{t("surveys.results.xlsx")}</a>
          </p>
          <p className="hint">{t("surveys.results.footnote", { threshold: results.threshold })}</p>
          {results.questions.map((q, i) => (
            <section key={q.key} aria-labelledby={`q-${q.key}`}>
              <h2 id={`q-${q.key}`}>
                {i + 1}. {q.label}
              </h2>
              {q.figures.length ? (
                <ChartFigure src={q.kind !== "matrix" ? `/surveys/${survey.id}/chart.svg?question=${encodeURIComponent(q.key)}` : undefined} title={q.label}>
                  <div className="table-scroll">
                    <table>
                      <thead>
                        <tr>
                          <th scope="col">{t("surveys.results.choice")}</th>
                          <th scope="col">{t("surveys.results.count")}</th>
                          <th scope="col">{t("surveys.results.percent")}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {q.figures.map((f) => (
                          <tr key={f.label}>
                            <th scope="row">{f.label}</th>
                            <td>{count(f.count)}</td>
                            <td>{pct(f.percent)}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                </ChartFigure>
              ) : null}
              {q.crossTab ? (
                <div className="table-scroll">
                  <table>
                    <caption>{t("surveys.results.byType", { question: q.label })}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t("surveys.results.choice")}</th>
                        {q.crossTab.types.map((type) => (
                          <th scope="col" key={type}>
                            {type}
                          </th>
                        ))}
                        <th scope="col">{t("surveys.results.total")}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {q.figures.map((f, r) => (
                        <tr key={f.label}>
                          <th scope="row">{f.label}</th>
                          {q.crossTab!.cells[r]!.map((c, k) => (
                            <td key={k}>{count(c)}</td>
                          ))}
                          <td>{count(f.count)}</td>
                        </tr>
                      ))}
                      <tr>
                        <th scope="row">{t("surveys.results.total")}</th>
                        {q.crossTab.typeTotals.map((c, k) => (
                          <td key={k}>{count(c)}</td>
                        ))}
                        <td>{count(q.crossTab.total)}</td>
                      </tr>
                    </tbody>
                  </table>
                  {q.crossTab.suppressed ? <p className="hint">{t("surveys.results.crossFootnote", { threshold: results.threshold })}</p> : null}
                </div>
              ) : null}
              {q.crossTabWithheld ? <p className="hint">{t("surveys.results.crossWithheld")}</p> : null}
              {q.figures.length ? null : q.texts.length ? (
                <ul>
                  {q.texts.map((text, k) => (
                    <li key={k} className="pre-line">
                      {text}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="muted">{t("surveys.results.noAnswer")}</p>
              )}
            </section>
          ))}
        </>
      )}
    </>
  );
}
