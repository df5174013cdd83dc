import type { FieldErrors } from "../form.tsx";
import { QuestionFields } from "../questionnaire/question-fields.tsx";
import type { QuestionBase } from "../../modules/questionnaires/questions.ts";
import { useT } from "../../i18n/use-t.ts";
import type { Answers, Question } from "../../modules/training-evaluation/vocabulary.ts";

export const questionLabel = (q: Question, locale: string) => (locale === "en" ? q.labelEn : q.labelFr);

/**
 * The questions as native controls (the shared questionnaire renderer): a radio group per scale
 * (1–5, worded) or yes/no question (true/false in the knowledge check); a textarea for text.
 */
export function AnswerFields({ questions, values, errors }: { questions: readonly Question[]; values: Answers; errors?: FieldErrors | null }) {
  const { t } = useT();
  const choices = (q: QuestionBase) =>
    q.kind === "scale"
      ? [1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: t(`trainingEval.scale.${n as 1 | 2 | 3 | 4 | 5}`) }))
      : q.kind === "yesno"
        ? [
            { value: "yes", label: (q as Question).section === "knowledge" ? t("trainingEval.true") : t("trainingEval.yes") },
            { value: "no", label: (q as Question).section === "knowledge" ? t("trainingEval.false") : t("trainingEval.no") },
          ]
        : undefined;
  return <QuestionFields questions={questions} values={values} errors={errors} choices={choices} />;
}

/** A filled grid, read-only: question and answer pairs. */
export function AnswersView({ questions, answers }: { questions: readonly Question[]; answers: Answers }) {
  const { t, locale } = useT();
  const shown = (q: Question) => {
    const v = answers[q.key];
    if (v === undefined || v === "") return <span className="muted">{t("trainingEval.noAnswer")}</span>;
    if (q.kind === "scale") return t(`trainingEval.scale.${Number(v) as 1 | 2 | 3 | 4 | 5}`);
    if (q.kind === "yesno") return v === "yes" ? t("trainingEval.yes") : t("trainingEval.no");
    return <span className="pre-line">{String(v)}</span>;
  };
  return (
    <dl className="answers">
      {questions.map((q, i) => (
        <div key={q.key}>
          <dt>
            {i + 1}. {questionLabel(q, locale)}
          </dt>
          <dd>{shown(q)}</dd>
        </div>
      ))}
    </dl>
  );
}
