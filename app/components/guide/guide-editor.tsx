import { Form } from "react-router";
import { ErrorSummary, Field, SelectField, type FieldErrors } from "../form.tsx";
import { SubmissionKey } from "../submission-key.tsx";
import type { MessageKey } from "../../i18n/catalog.ts";
import { useT } from "../../i18n/use-t.ts";
import { exerciseField, MAX_EXERCISES } from "../../modules/guide/exercise-fields.ts";
import { guideLanguages, translationStatuses } from "../../modules/guide/vocabulary.ts";

type Values = Record<string, string | string[] | undefined>;

const cap = (language: string) => (language === "fr" ? "Fr" : "En");

/** How many exercise slots the form shows: the filled ones plus one spare. */
function slotCount(values: Values): number {
  let n = 0;
  for (let i = 0; i < MAX_EXERCISES; i++) if (values[exerciseField(i, "titleFr")] || values[exerciseField(i, "key")]) n = i + 1;
  return Math.min(MAX_EXERCISES, n + 1);
}

/**
 * The section editor: French and English side by side for the title, the text and each
 * exercise, so translators see the source next to their text. Plain form (works without JS).
 */
export function SectionEditorForm({
  values,
  errors,
  formError,
  hidden,
  submissionKey = false,
  submitLabel,
}: {
  values: Values;
  errors?: FieldErrors | null;
  formError?: string | null;
  hidden: Record<string, string | number>;
  /** A create form (a new section): it carries the idempotency key. */
  submissionKey?: boolean;
  submitLabel: string;
}) {
  const { t } = useT();
  const v = (name: string) => {
    const x = values[name];
    return typeof x === "string" ? x : "";
  };
  const languageName = (language: string) => t(`guide.language.${language}` as MessageKey);
  const slots = slotCount(values);
  return (
    <Form method="post" className="stack guide-editor">
      <ErrorSummary errors={errors} formError={formError} />
      {submissionKey ? <SubmissionKey /> : null}
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <p className="hint">{t("guide.edit.syntax")}</p>
      <div className="guide-columns">
        {guideLanguages.map((language) => (
          <fieldset key={language} lang={language} className="stack">
            <legend>{t("guide.edit.texts", { language: languageName(language) })}</legend>
            <Field
              name={`title${cap(language)}`}
              label={t("guide.edit.sectionTitle", { language: languageName(language) })}
              required={language === "fr"}
              defaultValue={v(`title${cap(language)}`)}
              errors={errors}
            />
            <Field
              name={`body${cap(language)}`}
              label={t("guide.edit.body", { language: languageName(language) })}
              required={language === "fr"}
              multiline
              defaultValue={v(`body${cap(language)}`)}
              errors={errors}
            />
          </fieldset>
        ))}
      </div>
      <SelectField
        name="translationStatus"
        label={t("guide.translation.label")}
        required
        options={translationStatuses.map((s) => ({ value: s, label: t(`guide.translation.${s}` as MessageKey) }))}
        defaultValue={v("translationStatus") || "to_translate"}
        errors={errors}
      />
      <h2>{t("guide.exercises")}</h2>
      <p className="hint">{t("guide.edit.removeHint")}</p>
      {Array.from({ length: slots }, (_, i) => {
        const isNew = !v(exerciseField(i, "key")) && !v(exerciseField(i, "titleFr"));
        return (
          <fieldset key={i} className="stack">
            <legend>{isNew ? t("guide.edit.newExercise") : t("guide.edit.exercise", { n: i + 1 })}</legend>
            <input type="hidden" name={exerciseField(i, "key")} value={v(exerciseField(i, "key"))} />
            <Field
              name={exerciseField(i, "durationMinutes")}
              label={t("guide.edit.duration")}
              type="number"
              inputMode="numeric"
              defaultValue={v(exerciseField(i, "durationMinutes")) || "30"}
              errors={errors}
            />
            <div className="guide-columns">
              {guideLanguages.map((language) => (
                <div key={language} lang={language} className="stack">
                  <Field
                    name={exerciseField(i, `title${cap(language)}`)}
                    label={t("guide.edit.exerciseTitle", { language: languageName(language) })}
                    defaultValue={v(exerciseField(i, `title${cap(language)}`))}
                    errors={errors}
                  />
                  {(["objectives", "material", "instructions"] as const).map((part) => (
                    <Field
                      key={part}
                      name={exerciseField(i, `${part}${cap(language)}`)}
                      label={t(`guide.edit.${part}` as MessageKey, { language: languageName(language) })}
                      multiline
                      defaultValue={v(exerciseField(i, `${part}${cap(language)}`))}
                      errors={errors}
                    />
                  ))}
                </div>
              ))}
            </div>
          </fieldset>
        );
      })}
      <Field name="changeNote" label={t("guide.edit.changeNote")} hint={t("guide.edit.changeNoteHint")} defaultValue={v("changeNote")} errors={errors} />
      <p className="actions">
        <button type="submit">{submitLabel}</button>
      </p>
    </Form>
  );
}
