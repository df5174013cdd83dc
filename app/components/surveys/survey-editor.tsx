import { ErrorSummary, Field, type FieldErrors } from "../form.tsx";
import { useT } from "../../i18n/use-t.ts";
import { surveyAudiences } from "../../modules/surveys/vocabulary.ts";

export interface EditorValues {
  titleFr?: string;
  titleEn?: string;
  anonymous?: boolean;
  asksOrganizationType?: boolean;
  audience?: string;
  organizationIds?: string[];
  closesOn?: string;
  definition?: string;
}

/** The survey's fields (titles, anonymity, audience, closing date, definition as text). */
export function SurveyEditorFields({ values, errors, formError, organizations, started }: { values: EditorValues; errors?: FieldErrors | null; formError?: string | null; organizations: { id: string; name: string }[]; started: boolean }) {
  const { t } = useT();
  return (
    <>
      <ErrorSummary errors={errors} formError={formError} />
      <Field name="titleFr" label={t("surveys.field.titleFr")} defaultValue={values.titleFr} errors={errors} required />
      <Field name="titleEn" label={t("surveys.field.titleEn")} defaultValue={values.titleEn} errors={errors} required />
      <fieldset disabled={started}>
        <legend>{t("surveys.field.anonymous")}</legend>
        <label className="checkbox">
          <input type="radio" name="anonymous" value="yes" defaultChecked={values.anonymous !== false} /> {t("surveys.anonymous.yes")}
        </label>
        <label className="checkbox">
          <input type="radio" name="anonymous" value="no" defaultChecked={values.anonymous === false} /> {t("surveys.anonymous.no")}
        </label>
      </fieldset>
      <fieldset disabled={started}>
        <legend>{t("surveys.field.organizationType")}</legend>
        <label className="checkbox">
          <input type="radio" name="organizationType" value="no" defaultChecked={!values.asksOrganizationType} /> {t("surveys.organizationType.no")}
        </label>
        <label className="checkbox">
          <input type="radio" name="organizationType" value="yes" defaultChecked={!!values.asksOrganizationType} /> {t("surveys.organizationType.yes")}
        </label>
      </fieldset>
      <fieldset disabled={started}>
        <legend>{t("surveys.field.audience")}</legend>
        {surveyAudiences.map((a) => (
          <label className="checkbox" key={a}>
            <input type="radio" name="audience" value={a} defaultChecked={(values.audience ?? "delegates") === a} /> {t(`surveys.audience.${a}`)}
          </label>
        ))}
        <details>
          <summary>{t("surveys.field.organizations")}</summary>
          {organizations.map((o) => (
            <label className="checkbox" key={o.id}>
              <input type="checkbox" name="organizationIds" value={o.id} defaultChecked={values.organizationIds?.includes(o.id)} /> {o.name}
            </label>
          ))}
        </details>
      </fieldset>
      {started ? (
        <>
          <input type="hidden" name="anonymous" value={values.anonymous === false ? "no" : "yes"} />
          <input type="hidden" name="organizationType" value={values.asksOrganizationType ? "yes" : "no"} />
          <input type="hidden" name="audience" value={values.audience ?? "delegates"} />
          <p className="hint">{t("surveys.field.fixedOnceOpen")}</p>
        </>
      ) : null}
      <Field name="closesOn" type="date" label={t("surveys.field.closesOn")} defaultValue={values.closesOn} errors={errors} required />
      <Field name="definition" multiline label={t("surveys.field.definition")} hint={t("surveys.field.definitionHint")} defaultValue={values.definition} errors={errors} required />
    </>
  );
}
