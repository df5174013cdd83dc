import { translateMessage, type FieldErrors } from "../form.tsx";
import { useT } from "../../i18n/use-t.ts";
import {
  answerField,
  choiceLabel,
  isRequired,
  matrixField,
  MAX_TEXT_ANSWER,
  questionText,
  scaleBounds,
  type AnswerMap,
  type QuestionBase,
} from "../../modules/questionnaires/questions.ts";

export interface ShownChoice {
  value: string;
  label: string;
}

function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  const { t } = useT();
  if (!errors?.length) return null;
  return (
    <p className="error" id={id}>
      {errors.map((e) => translateMessage(t, e)).join(" ")}
    </p>
  );
}

const asString = (v: unknown) => (v === undefined || v === null ? "" : String(v));

/**
 * The questions of a questionnaire as native controls, shared by the training questionnaires and
 * the surveys: a radio group in a fieldset (single choice, scale, yes/no), checkboxes (multiple),
 * a table of radio groups (matrix), a text input or textarea, a number or date input. Works
 * without JavaScript. `choices` lets a caller word the options of a kind (the training's 1–5
 * scale, true/false); `note` adds a line under the question (e.g. when it applies).
 */
export function QuestionFields({
  questions,
  values,
  errors,
  first = 1,
  choices,
  note,
}: {
  questions: readonly QuestionBase[];
  values: AnswerMap;
  errors?: FieldErrors | null;
  first?: number;
  choices?: (q: QuestionBase) => ShownChoice[] | undefined;
  note?: (q: QuestionBase) => string | undefined;
}) {
  const { t, locale } = useT();
  return (
    <>
      {questions.map((q, i) => {
        const name = answerField(q.key);
        const errorId = `${name}-error`;
        const noteId = `${name}-note`;
        const fieldErrors = errors?.[name] ?? undefined;
        const shownNote = note?.(q);
        const describedBy = [fieldErrors ? errorId : "", shownNote ? noteId : ""].filter(Boolean).join(" ") || undefined;
        const label = (
          <>
            {first + i}. {questionText(q, locale)}
            {isRequired(q) ? null : <span className="muted"> ({t("form.optional")})</span>}
          </>
        );
        const noteLine = shownNote ? (
          <p className="hint" id={noteId}>
            {shownNote}
          </p>
        ) : null;
        const current = values[q.key];
        if (q.kind === "text" || q.kind === "long" || q.kind === "short" || q.kind === "number" || q.kind === "date") {
          const id = `field-${name}`;
          const common = {
            id,
            name,
            defaultValue: asString(current),
            "aria-invalid": fieldErrors ? true : undefined,
            "aria-describedby": describedBy,
          } as const;
          return (
            <div className="field" key={q.key}>
              <label htmlFor={id}>{label}</label>
              {noteLine}
              {q.kind === "short" ? (
                <input type="text" maxLength={300} {...common} />
              ) : q.kind === "number" ? (
                <input type="number" inputMode="numeric" step={1} min={q.min} max={q.max} {...common} />
              ) : q.kind === "date" ? (
                <input type="date" {...common} />
              ) : (
                <textarea maxLength={MAX_TEXT_ANSWER} {...common} />
              )}
              <FieldError id={errorId} errors={fieldErrors} />
            </div>
          );
        }
        const options: ShownChoice[] =
          choices?.(q) ??
          (q.kind === "scale" && !q.options?.length
            ? (() => {
                const { min, max } = scaleBounds(q);
                return Array.from({ length: max - min + 1 }, (_, k) => ({ value: String(min + k), label: String(min + k) }));
              })()
            : (q.options ?? []).map((o) => ({ value: o.value, label: choiceLabel(o, locale) })));
        if (q.kind === "matrix") {
          const row = (current && typeof current === "object" && !Array.isArray(current) ? current : {}) as Record<string, string>;
          return (
            <fieldset key={q.key} className="question" aria-describedby={describedBy} aria-invalid={fieldErrors ? true : undefined}>
              <legend>{label}</legend>
              {noteLine}
              <div className="table-scroll">
                <table className="matrix">
                  <thead>
                    <tr>
                      <td />
                      {options.map((o) => (
                        <th scope="col" key={o.value}>
                          {o.label}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {(q.rows ?? []).map((r) => {
                      const rowLabel = choiceLabel(r, locale);
                      return (
                        <tr key={r.value}>
                          <th scope="row">{rowLabel}</th>
                          {options.map((o) => (
                            <td key={o.value}>
                              <input
                                type="radio"
                                name={matrixField(q.key, r.value)}
                                value={o.value}
                                defaultChecked={row[r.value] === o.value}
                                aria-label={`${rowLabel} : ${o.label}`.replace(" :", "\u00a0:")}
                              />
                            </td>
                          ))}
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
              <FieldError id={errorId} errors={fieldErrors} />
            </fieldset>
          );
        }
        const multiple = q.kind === "multiple";
        const checked = multiple ? (Array.isArray(current) ? current : []) : [asString(current)];
        return (
          <fieldset key={q.key} className="question" aria-describedby={describedBy} aria-invalid={fieldErrors ? true : undefined}>
            <legend>{label}</legend>
            {noteLine}
            <div className="choices">
              {options.map((o) => (
                <label key={o.value} className="checkbox">
                  <input type={multiple ? "checkbox" : "radio"} name={name} value={o.value} defaultChecked={checked.includes(o.value)} />
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
