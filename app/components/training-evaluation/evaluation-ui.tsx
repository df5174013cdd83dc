import { translateMessage, type FieldErrors } from "../form.tsx";
import { useT } from "../../i18n/use-t.ts";
import { answerField, type Answers, type Question } from "../../modules/training-evaluation/vocabulary.ts";

export const questionLabel = (q: Question, locale: string) => (locale === "en" ? q.labelEn : q.labelFr);

function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  const { t } = useT();
  if (!errors?.length) return null;
  return (
    <p className="error" id={id}>
      {errors.map((e) => translateMessage(t, e)).join(" ")}
    </p>
  );
}

/**
 * The questions as native controls: a radio group per scale (1–5) or yes/no question, in a
 * fieldset whose legend is the question; a textarea for text questions.
 */
export function AnswerFields({ questions, values, errors }: { questions: readonly Question[]; values: Answers; errors?: FieldErrors | null }) {
  const { t, locale } = useT();
  return (
    <>
      {questions.map((q, i) => {
        const name = answerField(q.key);
        const errorId = `${name}-error`;
        const fieldErrors = errors?.[name] ?? undefined;
        const current = values[q.key] === undefined ? "" : String(values[q.key]);
        if (q.kind === "text") {
          return (
            <div className="field" key={q.key}>
              <label htmlFor={`field-${name}`}>
                {i + 1}. {questionLabel(q, locale)} <span className="muted">({t("form.optional")})</span>
              </label>
              <textarea id={`field-${name}`} name={name} defaultValue={current} maxLength={2000} aria-invalid={fieldErrors ? true : undefined} aria-describedby={fieldErrors ? errorId : undefined} />
              <FieldError id={errorId} errors={fieldErrors} />
            </div>
          );
        }
        const options =
          q.kind === "scale"
            ? [1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: t(`trainingEval.scale.${n as 1 | 2 | 3 | 4 | 5}`) }))
            : [
                { value: "yes", label: q.section === "knowledge" ? t("trainingEval.true") : t("trainingEval.yes") },
                { value: "no", label: q.section === "knowledge" ? t("trainingEval.false") : t("trainingEval.no") },
              ];
        return (
          <fieldset key={q.key} className="question" aria-describedby={fieldErrors ? errorId : undefined} aria-invalid={fieldErrors ? true : undefined}>
            <legend>
              {i + 1}. {questionLabel(q, locale)}
            </legend>
            <div className="choices">
              {options.map((o) => (
                <label key={o.value} className="checkbox">
                  <input type="radio" name={name} value={o.value} defaultChecked={current === o.value} />
                  {o.label}
                </label>
              ))}
            </div>
            <FieldError id={errorId} errors={fieldErrors} />
          </fieldset>
        );
      })}
    </>
  );
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
