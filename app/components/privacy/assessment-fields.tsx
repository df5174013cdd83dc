import { Field, SelectField, type FieldErrors } from "../form.tsx";
import { useT } from "../../i18n/use-t.ts";
import { assessedFeatures, assessmentDecisions } from "../../modules/privacy/vocabulary.ts";

type Values = Record<string, unknown>;
const text = (v: unknown) => (v === null || v === undefined ? "" : String(v));

/** An EFVP: which feature, its dates, its decision and the reasons. */
export function AssessmentFields({ values, errors }: { values: Values; errors?: FieldErrors | null }) {
  const { t } = useT();
  return (
    <>
      <SelectField name="feature" label={t("privacy.assessment.feature")} required placeholder="—" options={assessedFeatures.map((f) => ({ value: f, label: t(`privacy.feature.${f}`) }))} defaultValue={text(values.feature)} errors={errors} />
      <Field name="title" label={t("privacy.assessment.title")} required defaultValue={text(values.title)} errors={errors} />
      <Field name="summary" label={t("privacy.assessment.summary")} multiline defaultValue={text(values.summary)} errors={errors} />
      <Field name="startedOn" type="date" label={t("privacy.assessment.startedOn")} required defaultValue={text(values.startedOn)} errors={errors} />
      <Field name="completedOn" type="date" label={t("privacy.assessment.completedOn")} defaultValue={text(values.completedOn)} errors={errors} />
      <Field name="reviewOn" type="date" label={t("privacy.assessment.reviewOn")} defaultValue={text(values.reviewOn)} errors={errors} />
      <SelectField name="decision" label={t("privacy.assessment.decision")} required options={assessmentDecisions.map((d) => ({ value: d, label: t(`privacy.decision.${d}`) }))} defaultValue={text(values.decision) || "pending"} errors={errors} />
      <Field name="decisionReason" label={t("privacy.assessment.decisionReason")} multiline defaultValue={text(values.decisionReason)} errors={errors} />
    </>
  );
}
