import { Field, SelectField, type FieldErrors } from "../form.tsx";
import type { MessageKey } from "../../i18n/catalog.ts";
import { useT } from "../../i18n/use-t.ts";
import { incidentSeverities, likelihoods, TABLE_REGISTER } from "../../modules/privacy/vocabulary.ts";

type Values = Record<string, unknown>;
const text = (v: unknown) => (v === null || v === undefined ? "" : String(v));
const checked = (v: unknown) => v === true || v === "on" || v === "true";

/** The items of the CAI's register, grouped as the regulation lists them. */
export function IncidentFields({ values, errors, registers, idPrefix = "incident" }: { values: Values; errors?: FieldErrors | null; registers?: { id: string | null; name: string }[]; idPrefix?: string }) {
  const { t } = useT();
  const f = (name: string, key: MessageKey, extra: { required?: boolean; multiline?: boolean; type?: string; hint?: string; inputMode?: "numeric" } = {}) => (
    <Field idPrefix={idPrefix} name={name} label={t(key)} defaultValue={text(values[name])} errors={errors} {...extra} />
  );
  return (
    <>
      <fieldset>
        <legend>{t("privacy.section.what")}</legend>
        {registers && registers.length > 1 ? (
          <SelectField
            idPrefix={idPrefix}
            name="register"
            label={t("privacy.register.label")}
            hint={t("privacy.register.hint")}
            required
            placeholder="—"
            options={registers.map((r) => ({ value: r.id ?? TABLE_REGISTER, label: r.id ? r.name : t("privacy.register.table") }))}
            defaultValue={text(values.register)}
            errors={errors}
          />
        ) : null}
        {f("title", "privacy.field.title", { required: true })}
        {f("personalInformation", "privacy.field.personalInformation", { multiline: true, hint: t("privacy.field.personalInformation.hint") })}
        {f("notDescribedReason", "privacy.field.notDescribedReason", { multiline: true })}
        {f("circumstances", "privacy.field.circumstances", { multiline: true, required: true })}
      </fieldset>
      <fieldset>
        <legend>{t("privacy.section.when")}</legend>
        {f("occurredOn", "privacy.field.occurredOn", { type: "date", required: true })}
        {f("occurredUntil", "privacy.field.occurredUntil", { type: "date" })}
        {f("knownOn", "privacy.field.knownOn", { type: "date", required: true })}
        {f("knownUntil", "privacy.field.knownUntil", { type: "date" })}
        {f("peopleCount", "privacy.field.peopleCount", { inputMode: "numeric" })}
        <label className="checkbox">
          <input type="checkbox" name="peopleCountApproximate" defaultChecked={checked(values.peopleCountApproximate)} />
          {t("privacy.field.peopleCountApproximate")}
        </label>
      </fieldset>
      <fieldset>
        <legend>{t("privacy.section.risk")}</legend>
        {f("sensitivity", "privacy.field.sensitivity", { multiline: true })}
        {f("possibleMisuses", "privacy.field.possibleMisuses", { multiline: true })}
        {f("consequences", "privacy.field.consequences", { multiline: true })}
        <SelectField idPrefix={idPrefix} name="likelihood" label={t("privacy.field.likelihood")} options={likelihoods.map((l) => ({ value: l, label: t(`privacy.likelihood.${l}`) }))} defaultValue={text(values.likelihood)} errors={errors} />
        <SelectField idPrefix={idPrefix} name="severity" label={t("privacy.field.severity")} options={incidentSeverities.map((s) => ({ value: s, label: t(`privacy.severity.${s}`) }))} defaultValue={text(values.severity)} errors={errors} />
        {f("riskReasoning", "privacy.field.riskReasoning", { multiline: true })}
      </fieldset>
      <fieldset>
        <legend>{t("privacy.section.notices")}</legend>
        {f("commissionNoticeOn", "privacy.field.commissionNoticeOn", { type: "date" })}
        {f("peopleNoticeOn", "privacy.field.peopleNoticeOn", { type: "date" })}
        <label className="checkbox">
          <input type="checkbox" name="publicNotice" defaultChecked={checked(values.publicNotice)} />
          {t("privacy.field.publicNotice")}
        </label>
        {f("publicNoticeReason", "privacy.field.publicNoticeReason", { multiline: true })}
        {f("ministerNoticeOn", "privacy.field.ministerNoticeOn", { type: "date" })}
      </fieldset>
      <fieldset>
        <legend>{t("privacy.section.measures")}</legend>
        {f("measuresTaken", "privacy.field.measuresTaken", { multiline: true })}
      </fieldset>
    </>
  );
}

/** "12 personnes", "environ 40 personnes", or "nombre inconnu". */
export function PeopleCount({ count, approximate }: { count: number | null; approximate: boolean }) {
  const { t } = useT();
  if (count === null) return <>{t("privacy.incidents.peopleUnknown")}</>;
  return <>{t(approximate ? "privacy.incidents.approx" : "privacy.incidents.people", { count })}</>;
}
