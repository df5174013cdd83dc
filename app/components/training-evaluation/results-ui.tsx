import { useT } from "../../i18n/use-t.ts";
import { questionLabel } from "./evaluation-ui.tsx";
import { MIN_ANSWERS_SHOWN, type Question } from "../../modules/training-evaluation/vocabulary.ts";
import { TableScroll } from "../table-scroll.tsx";

/** What the results loaders return (serializable). */
export interface ResultsData {
  responses: number;
  shown: boolean;
  questions: {
    question: Question;
    answered: number;
    mean: number | null;
    distribution: number[];
    percentCorrect: number | null;
    texts: string[];
  }[];
}

/** Aggregated answers: satisfaction (mean and distribution), knowledge check (% correct), comments. */
export function ResultsView({ results, caption }: { results: ResultsData; caption: string }) {
  const { t, locale } = useT();
  const { number } = { number: (n: number) => n.toLocaleString(locale === "en" ? "en-CA" : "fr-CA") };
  if (!results.shown) {
    return (
      <p className="alert warning" role="status">
        {t("trainingEval.results.tooFew", { count: results.responses, min: MIN_ANSWERS_SHOWN })}
      </p>
    );
  }
  const satisfaction = results.questions.filter((r) => r.question.section === "satisfaction" && r.question.kind !== "text");
  const knowledge = results.questions.filter((r) => r.question.section === "knowledge");
  const texts = results.questions.filter((r) => r.question.kind === "text");
  return (
    <>
      <p>{t("trainingEval.results.count", { count: results.responses })}</p>
      {satisfaction.length ? (
        <TableScroll label={caption}>
          <table>
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t("trainingEval.results.question")}</th>
                <th scope="col">{t("trainingEval.results.answered")}</th>
                <th scope="col">{t("trainingEval.results.mean")}</th>
                <th scope="col">{t("trainingEval.results.distribution")}</th>
              </tr>
            </thead>
            <tbody>
              {satisfaction.map((r) => (
                <tr key={r.question.key}>
                  <th scope="row">{questionLabel(r.question, locale)}</th>
                  <td>{r.answered}</td>
                  <td>{r.mean === null ? "—" : `${number(r.mean)} / 5`}</td>
                  <td>
                    {r.question.kind === "scale"
                      ? r.distribution.map((n, i) => `${i + 1} : ${n}`).join(" · ")
                      : `${t("trainingEval.yes")} : ${r.distribution[0] ?? 0} · ${t("trainingEval.no")} : ${r.distribution[1] ?? 0}`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
      {knowledge.length ? (
        <TableScroll label={t("trainingEval.results.knowledgeCaption")}>
          <table>
            <caption>{t("trainingEval.results.knowledgeCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("trainingEval.results.statement")}</th>
                <th scope="col">{t("trainingEval.results.expected")}</th>
                <th scope="col">{t("trainingEval.results.correct")}</th>
              </tr>
            </thead>
            <tbody>
              {knowledge.map((r) => (
                <tr key={r.question.key}>
                  <th scope="row">{questionLabel(r.question, locale)}</th>
                  <td>{r.question.correct === "yes" ? t("trainingEval.true") : t("trainingEval.false")}</td>
                  <td>{r.percentCorrect === null ? "—" : `${r.percentCorrect} %`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
      {texts.map((r) => (
        <section key={r.question.key}>
          <h3>{questionLabel(r.question, locale)}</h3>
          {r.texts.length === 0 && r.answered > 0 ? (
            <p className="muted">{t("trainingEval.results.commentsPerSession", { count: r.answered })}</p>
          ) : r.texts.length ? (
            <ul>
              {r.texts.map((text, i) => (
                <li key={i} className="pre-line">
                  {text}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t("trainingEval.noAnswer")}</p>
          )}
        </section>
      ))}
    </>
  );
}
