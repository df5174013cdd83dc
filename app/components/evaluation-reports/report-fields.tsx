import { Field, SelectField, type FieldErrors } from "../form.tsx";
import type { MessageKey } from "../../i18n/catalog.ts";
import { useT } from "../../i18n/use-t.ts";
import { addressees, priorities, reportKinds } from "../../modules/evaluation-reports/vocabulary.ts";

type Values = Record<string, unknown>;
const one = (v: unknown) => (typeof v === "string" ? v : undefined);

/** The heading of a report, on the filing form and on the edit form. */
export function ReportFields({ values, errors, idPrefix = "report" }: { values: Values; errors?: FieldErrors | null; idPrefix?: string }) {
  const { t } = useT();
  return (
    <>
      <Field idPrefix={idPrefix} name="title" label={t("evalReports.form.title")} required defaultValue={one(values.title)} errors={errors} />
      <Field idPrefix={idPrefix} name="evaluatorName" label={t("evalReports.evaluator")} required defaultValue={one(values.evaluatorName)} errors={errors} />
      <Field idPrefix={idPrefix} name="institution" label={t("evalReports.institution")} defaultValue={one(values.institution)} errors={errors} />
      <Field idPrefix={idPrefix} name="reportOn" type="date" label={t("evalReports.reportOn")} required defaultValue={one(values.reportOn)} errors={errors} />
      <SelectField
        idPrefix={idPrefix}
        name="kind"
        label={t("evalReports.kind")}
        required
        defaultValue={one(values.kind) ?? "interim"}
        options={reportKinds.map((k) => ({ value: k, label: t(`evalReports.kind.${k}` as MessageKey) }))}
        errors={errors}
      />
      <Field idPrefix={idPrefix} name="responseDueOn" type="date" label={t("evalReports.form.responseDueOn")} hint={t("evalReports.form.responseDueOn.hint")} defaultValue={one(values.responseDueOn)} errors={errors} />
    </>
  );
}

/** A recommendation's text, addressee and priority. */
export function RecommendationFields({ values, errors, idPrefix = "recommendation" }: { values: Values; errors?: FieldErrors | null; idPrefix?: string }) {
  const { t } = useT();
  return (
    <>
      <Field idPrefix={idPrefix} name="text" label={t("evalReports.recommendation.text")} multiline required defaultValue={one(values.text)} errors={errors} />
      <SelectField
        idPrefix={idPrefix}
        name="addressee"
        label={t("evalReports.addressee")}
        required
        defaultValue={one(values.addressee) ?? "table"}
        options={addressees.map((a) => ({ value: a, label: t(`evalReports.addressee.${a}` as MessageKey) }))}
        errors={errors}
      />
      <SelectField
        idPrefix={idPrefix}
        name="priority"
        label={t("evalReports.priority")}
        required
        defaultValue={one(values.priority) ?? "medium"}
        options={priorities.map((p) => ({ value: p, label: t(`evalReports.priority.${p}` as MessageKey) }))}
        errors={errors}
      />
    </>
  );
}
