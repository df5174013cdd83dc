import { Form } from "react-router";
import { ErrorSummary, Field, type FieldErrors } from "../form.tsx";
import { SubmissionKey } from "../submission-key.tsx";
import { useT } from "../../i18n/use-t.ts";
import { guideModuleKinds } from "../../modules/guide/vocabulary.ts";
import type { ProgramDay } from "../../modules/training/vocabulary.ts";
import type { ProgramFormValues } from "../../modules/training/program-form-values.ts";

/** Days shown in the form: the program's days plus one blank to add a day (MAX_PROGRAM_DAYS in all). */
const shownDays = (days: ProgramDay[]) => [...days, { titleFr: "", titleEn: "", objectivesFr: [], objectivesEn: [] }].slice(0, 5);

/**
 * The program editor: names, summaries, days with objectives (one per line), guide modules covered.
 * A new program's form carries its submission key (`create`); an existing one's, its version.
 */
export function ProgramForm({
  values,
  errors,
  formError,
  version,
  create,
  submitLabel,
}: {
  values: ProgramFormValues;
  errors?: FieldErrors;
  formError?: string;
  version?: number;
  create?: boolean;
  submitLabel: string;
}) {
  const { t } = useT();
  return (
    <Form method="post" className="stack">
      <ErrorSummary errors={errors} formError={formError} />
      {create ? <SubmissionKey /> : null}
      {version ? <input type="hidden" name="version" value={version} /> : null}
      <Field name="nameFr" label={t("trainingEval.program.nameFr")} defaultValue={values.nameFr} errors={errors} required />
      <Field name="nameEn" label={t("trainingEval.program.nameEn")} defaultValue={values.nameEn} errors={errors} required />
      <Field name="summaryFr" label={t("trainingEval.program.summaryFr")} defaultValue={values.summaryFr} errors={errors} multiline />
      <Field name="summaryEn" label={t("trainingEval.program.summaryEn")} defaultValue={values.summaryEn} errors={errors} multiline />
      <fieldset>
        <legend>{t("trainingEval.program.modulesLegend")}</legend>
        {guideModuleKinds.map((k) => (
          <label key={k} className="checkbox">
            <input type="checkbox" name="guideModules" value={k} defaultChecked={values.guideModules.includes(k)} />
            {t(`trainingEval.program.module.${k}`)}
          </label>
        ))}
      </fieldset>
      {shownDays(values.days).map((d, i) => (
        <fieldset key={i}>
          <legend>{t("trainingEval.program.dayLegend", { n: i + 1 })}</legend>
          <p className="hint">{i === values.days.length ? t("trainingEval.program.newDayHint") : t("trainingEval.program.dayHint")}</p>
          <Field name={`day${i}.titleFr`} label={t("trainingEval.program.dayTitleFr")} defaultValue={d.titleFr} errors={errors} required={i < values.days.length} />
          <Field name={`day${i}.titleEn`} label={t("trainingEval.program.dayTitleEn")} defaultValue={d.titleEn} errors={errors} required={i < values.days.length} />
          <Field name={`day${i}.objectivesFr`} label={t("trainingEval.program.objectivesFr")} defaultValue={d.objectivesFr.join("\n")} errors={errors} multiline hint={t("trainingEval.program.objectivesHint")} />
          <Field name={`day${i}.objectivesEn`} label={t("trainingEval.program.objectivesEn")} defaultValue={d.objectivesEn.join("\n")} errors={errors} multiline hint={t("trainingEval.program.objectivesHint")} />
        </fieldset>
      ))}
      <div className="actions">
        <button type="submit">{submitLabel}</button>
      </div>
    </Form>
  );
}
