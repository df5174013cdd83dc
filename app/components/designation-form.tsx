import { useState } from "react";
import { useT } from "../i18n/use-t.ts";
import { PeoplePicker, type PickerChoice, type PickerSearch } from "./people-picker.tsx";
import { Field, type FieldErrors } from "./form.tsx";
import { localName } from "../i18n/names.ts";
import { clienteleCodes, languageCodes, ranks } from "../modules/directory/vocabulary.ts";

export interface DesignationFormValues {
  organizationId?: string;
  personId?: string;
  siteId?: string | null;
  rank?: string;
  since?: string;
  until?: string | null;
  languages?: string[];
  clienteles?: string[];
  expertise?: string | string[];
  availability?: string;
  contactPhone?: string;
  contactEmail?: string;
  contactNotes?: string;
}

interface Options {
  organizations: { id: string; nameFr: string; nameEn: string; acronym: string }[];
  sites: { id: string; organizationId: string; name: string }[];
}

function FieldError({ name, errors }: { name: string; errors?: FieldErrors | null }) {
  const { t } = useT();
  const list = errors?.[name];
  if (!list?.length) return null;
  return (
    <p className="error" id={`field-${name}-error`}>
      {list.map((k) => t(k as never)).join(" ")}
    </p>
  );
}

/**
 * The fields of a designation. `withPerson` adds the organization and the person (the shared
 * people picker; creation only: a designation never changes hands). The server checks the person
 * and site belong to the organization.
 */
export function DesignationFields({
  values,
  options,
  errors,
  withPerson,
  picker,
}: {
  values: DesignationFormValues;
  options: Options;
  errors?: FieldErrors | null;
  withPerson: boolean;
  /** The person picker's current choice and its search without JavaScript. */
  picker?: { current: PickerChoice | null; search: PickerSearch | null } | null;
}) {
  const { t, locale } = useT();
  // The person search keeps to the organization chosen above it (with JavaScript, as it changes).
  const [organizationId, setOrganizationId] = useState(values.organizationId ?? "");
  const orgName = (id: string) => {
    const o = options.organizations.find((x) => x.id === id);
    return o ? localName(locale, o) : "";
  };
  const invalid = (name: string) => (errors?.[name]?.length ? { "aria-invalid": true as const, "aria-describedby": `field-${name}-error` } : {});
  const checked = (list: string[] | undefined, code: string) => (list ?? []).includes(code);
  const expertise = Array.isArray(values.expertise) ? values.expertise.join(", ") : (values.expertise ?? "");
  return (
    <>
      {withPerson ? (
        <>
          <div className="field">
            <label htmlFor="field-organizationId">{t("directory.designation.organization")}</label>
            <select id="field-organizationId" name="organizationId" required defaultValue={values.organizationId ?? ""} onChange={(e) => setOrganizationId(e.target.value)} {...invalid("organizationId")}>
              {options.organizations.length > 1 ? <option value="">—</option> : null}
              {options.organizations.map((o) => (
                <option key={o.id} value={o.id}>
                  {localName(locale, o)}
                  {o.acronym ? ` (${o.acronym})` : ""}
                </option>
              ))}
            </select>
            <FieldError name="organizationId" errors={errors} />
          </div>
          <PeoplePicker
            name="personId"
            label={t("directory.designation.person")}
            purpose="designation"
            organization={organizationId || null}
            current={picker?.current ?? null}
            search={picker?.search ?? null}
            errors={errors}
            required
          />
        </>
      ) : null}
      <div className="field">
        <label htmlFor="field-siteId">
          {t("directory.designation.site")} <span className="muted">({t("form.optional")})</span>
        </label>
        <p className="hint" id="field-siteId-hint">
          {t("directory.designation.siteHint")}
        </p>
        <select id="field-siteId" name="siteId" defaultValue={values.siteId ?? ""} aria-describedby={errors?.siteId?.length ? "field-siteId-hint field-siteId-error" : "field-siteId-hint"} aria-invalid={errors?.siteId?.length ? true : undefined}>
          <option value="">{t("directory.entry.orgWide")}</option>
          {options.organizations.map((o) => {
            const sites = options.sites.filter((s) => s.organizationId === o.id);
            return sites.length ? (
              <optgroup key={o.id} label={orgName(o.id)}>
                {sites.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </optgroup>
            ) : null;
          })}
        </select>
        <FieldError name="siteId" errors={errors} />
      </div>
      <fieldset>
        <legend>{t("directory.designation.rank")}</legend>
        {ranks.map((r) => (
          <div className="checkbox" key={r}>
            <input type="radio" id={`rank-${r}`} name="rank" value={r} defaultChecked={(values.rank ?? "primary") === r} />
            <label htmlFor={`rank-${r}`}>{t(`directory.rank.${r}`)}</label>
          </div>
        ))}
      </fieldset>
      <Field name="since" type="date" label={t("directory.designation.since")} defaultValue={values.since ?? ""} errors={errors} required />
      <Field name="until" type="date" label={t("directory.designation.until")} defaultValue={values.until ?? ""} errors={errors} />
      <fieldset aria-describedby={errors?.languages?.length ? "field-languages-error" : undefined}>
        <legend>{t("directory.designation.languages")}</legend>
        {languageCodes.map((c) => (
          <div className="checkbox" key={c}>
            <input type="checkbox" id={`language-${c}`} name="languages" value={c} defaultChecked={checked(values.languages, c)} />
            <label htmlFor={`language-${c}`}>{t(`directory.language.${c}`)}</label>
          </div>
        ))}
        <FieldError name="languages" errors={errors} />
      </fieldset>
      <fieldset>
        <legend>{t("directory.designation.clienteles")}</legend>
        {clienteleCodes.map((c) => (
          <div className="checkbox" key={c}>
            <input type="checkbox" id={`clientele-${c}`} name="clienteles" value={c} defaultChecked={checked(values.clienteles, c)} />
            <label htmlFor={`clientele-${c}`}>{t(`directory.clientele.${c}`)}</label>
          </div>
        ))}
      </fieldset>
      <Field name="expertise" label={t("directory.designation.expertise")} hint={t("directory.designation.expertiseHint")} defaultValue={expertise} errors={errors} />
      <Field name="availability" label={t("directory.designation.availability")} hint={t("directory.designation.availabilityHint")} defaultValue={values.availability ?? ""} errors={errors} multiline />
      <Field name="contactPhone" type="tel" label={t("directory.designation.contactPhone")} hint={t("directory.designation.contactPhoneHint")} defaultValue={values.contactPhone ?? ""} errors={errors} autoComplete="off" />
      <Field name="contactEmail" type="email" label={t("directory.designation.contactEmail")} hint={t("directory.designation.contactEmailHint")} defaultValue={values.contactEmail ?? ""} errors={errors} autoComplete="off" />
      <Field name="contactNotes" label={t("directory.designation.contactNotes")} defaultValue={values.contactNotes ?? ""} errors={errors} />
    </>
  );
}
