import { Form } from "react-router";
import { ErrorSummary, Field, SelectField, type FieldErrors } from "../form.tsx";
import { SubmissionKey } from "../submission-key.tsx";
import { useT } from "../../i18n/use-t.ts";
import type { FormValues } from "../../modules/forms/fields.ts";
import { sessionLanguages, sessionStatuses } from "../../modules/training/vocabulary.ts";
import { trainerLabel, type TrainerOption } from "./training-ui.tsx";

// Apart from training-ui.tsx: the pages that only show sessions (the overview, the session
// page for a reader) are not sent the form's words (issue 10, page weight).
const str = (v: FormValues[string]) => (typeof v === "string" ? v : "");

export function SessionForm({
  programs,
  trainers,
  observers,
  values,
  errors,
  formError,
  version,
}: {
  programs: { id: string; nameFr: string; nameEn: string }[];
  trainers: TrainerOption[];
  observers: { id: string; name: string }[];
  values: FormValues;
  errors?: FieldErrors | null;
  formError?: string | null;
  version?: number;
}) {
  const { t, locale } = useT();
  const trainerOptions = trainers.map((tr) => ({ value: tr.id, label: trainerLabel(tr) }));
  return (
    // Editing: keyed by the version (after a 409 the fields remount with the current values).
    // Creating: the idempotency key instead (one session per submission).
    <Form method="post" className="stack" noValidate key={version ?? "new"}>
      <ErrorSummary errors={errors} formError={formError} />
      {version ? <input type="hidden" name="version" value={version} /> : <SubmissionKey />}
      <SelectField name="programId" label={t("training.form.program")} required options={programs.map((p) => ({ value: p.id, label: locale === "en" ? p.nameEn : p.nameFr }))} defaultValue={str(values.programId)} errors={errors} />
      <Field name="day1" type="date" label={t("training.form.day1")} required defaultValue={str(values.day1)} errors={errors} />
      <Field name="day2" type="date" label={t("training.form.day2")} defaultValue={str(values.day2)} errors={errors} />
      <Field name="place" label={t("training.form.place")} defaultValue={str(values.place)} errors={errors} />
      <div className="field">
        <label>
          <input type="checkbox" name="online" defaultChecked={values.online === "on" || values.online === "true"} /> {t("training.form.online")}
        </label>
      </div>
      <Field name="capacity" type="number" inputMode="numeric" label={t("training.form.capacity")} required defaultValue={str(values.capacity) || "20"} errors={errors} />
      <SelectField name="language" label={t("training.form.language")} required options={sessionLanguages.map((l) => ({ value: l, label: t(`training.language.${l}`) }))} defaultValue={str(values.language) || "fr"} errors={errors} />
      <SelectField name="status" label={t("training.form.status")} required options={sessionStatuses.map((s) => ({ value: s, label: t(`training.status.${s}`) }))} defaultValue={str(values.status) || "planned"} errors={errors} />
      <SelectField name="trainerAId" label={t("training.form.trainerA")} options={trainerOptions} defaultValue={str(values.trainerAId)} errors={errors} hint={t("training.form.trainerHint")} />
      <SelectField name="trainerBId" label={t("training.form.trainerB")} options={trainerOptions} defaultValue={str(values.trainerBId)} errors={errors} />
      <SelectField name="observerPersonId" label={t("training.form.observer")} options={observers.map((o) => ({ value: o.id, label: o.name }))} defaultValue={str(values.observerPersonId)} errors={errors} />
      <Field name="notes" multiline label={t("training.form.notes")} defaultValue={str(values.notes)} errors={errors} />
      <div className="actions">
        <button type="submit">{t("training.form.save")}</button>
      </div>
    </Form>
  );
}
