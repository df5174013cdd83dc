import { Field, SelectField, translateMessage, type FieldErrors } from "../form.tsx";
import type { MessageKey } from "../../i18n/catalog.ts";
import { useT } from "../../i18n/use-t.ts";
import { organizationTypes } from "../../modules/governance/organization-types.ts";
import { periodTypes, statisticsIndicatorCodes } from "../../modules/statistics/vocabulary.ts";
import { named } from "./statistics-ui.tsx";

type Values = Record<string, unknown>;
const str = (v: unknown) => (typeof v === "string" || typeof v === "number" ? String(v) : "");

/** A data set's fields: names, period type, reporting organization types, window and deadline. */
export function DataSetFields({ idPrefix, values, errors }: { idPrefix: string; values: Values; errors?: FieldErrors | null }) {
  const { t } = useT();
  const checked = new Set<unknown>(Array.isArray(values.organizationTypes) ? values.organizationTypes : []);
  const typeErrors = errors?.organizationTypes;
  return (
    <>
      <Field idPrefix={idPrefix} name="nameFr" label={t("statistics.dataSet.nameFr")} required defaultValue={str(values.nameFr)} errors={errors} />
      <Field idPrefix={idPrefix} name="nameEn" label={t("statistics.dataSet.nameEn")} required defaultValue={str(values.nameEn)} errors={errors} />
      <SelectField idPrefix={idPrefix} name="periodType" label={t("statistics.dataSet.periodType")} required options={periodTypes.map((p) => ({ value: p, label: t(`statistics.periodType.${p}`) }))} defaultValue={str(values.periodType) || "quarter"} errors={errors} />
      <fieldset aria-describedby={typeErrors?.length ? `${idPrefix}-organizationTypes-error` : undefined}>
        <legend>{t("statistics.dataSet.organizationTypes")}</legend>
        {organizationTypes.map((type) => (
          <p className="checkbox" key={type}>
            <input type="checkbox" id={`${idPrefix}-type-${type}`} name="organizationTypes" value={type} defaultChecked={checked.has(type)} />
            <label htmlFor={`${idPrefix}-type-${type}`}>{t(`orgType.${type}` as MessageKey)}</label>
          </p>
        ))}
        {typeErrors?.length ? (
          <p className="error" id={`${idPrefix}-organizationTypes-error`}>
            {typeErrors.map((e) => translateMessage(t, e)).join(" ")}
          </p>
        ) : null}
      </fieldset>
      <Field idPrefix={idPrefix} name="entryWindowDays" label={t("statistics.dataSet.entryWindowDays")} inputMode="numeric" required defaultValue={str(values.entryWindowDays) || "60"} errors={errors} />
      <Field idPrefix={idPrefix} name="timelinessDays" label={t("statistics.dataSet.timelinessDays")} hint={t("statistics.dataSet.timelinessDays.hint")} inputMode="numeric" required defaultValue={str(values.timelinessDays) || "30"} errors={errors} />
      <Field idPrefix={idPrefix} name="firstPeriod" label={t("statistics.dataSet.firstPeriod")} hint={t("statistics.dataSet.firstPeriod.hint")} required defaultValue={str(values.firstPeriod)} errors={errors} />
      <Field idPrefix={idPrefix} name="lastPeriod" label={t("statistics.dataSet.lastPeriod")} hint={t("statistics.dataSet.lastPeriod.hint")} defaultValue={str(values.lastPeriod)} errors={errors} />
    </>
  );
}

/** A data element's fields: code, names, up to two categories, the indicator it feeds. */
export function DataElementFields({ idPrefix, values, errors, categories }: { idPrefix: string; values: Values; errors?: FieldErrors | null; categories: { id: string; nameFr: string; nameEn: string }[] }) {
  const { t, locale } = useT();
  const options = categories.map((c) => ({ value: c.id, label: named(locale, c) }));
  return (
    <>
      <Field idPrefix={idPrefix} name="code" label={t("statistics.element.code")} hint={t("statistics.element.code.hint")} required defaultValue={str(values.code)} errors={errors} />
      <Field idPrefix={idPrefix} name="nameFr" label={t("statistics.dataSet.nameFr")} required defaultValue={str(values.nameFr)} errors={errors} />
      <Field idPrefix={idPrefix} name="nameEn" label={t("statistics.dataSet.nameEn")} required defaultValue={str(values.nameEn)} errors={errors} />
      <SelectField idPrefix={idPrefix} name="rowCategoryId" label={t("statistics.element.rowCategory")} options={options} defaultValue={str(values.rowCategoryId)} errors={errors} />
      <SelectField idPrefix={idPrefix} name="columnCategoryId" label={t("statistics.element.columnCategory")} options={options} defaultValue={str(values.columnCategoryId)} errors={errors} />
      <SelectField
        idPrefix={idPrefix}
        name="indicatorCode"
        label={t("statistics.element.indicator")}
        hint={t("statistics.element.indicator.hint")}
        options={statisticsIndicatorCodes.map((c) => ({ value: c, label: t(`indicator.${c}.name`) }))}
        defaultValue={str(values.indicatorCode)}
        errors={errors}
      />
    </>
  );
}
