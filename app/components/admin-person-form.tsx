import { Form } from "react-router";
import { useT } from "../i18n/use-t.ts";
import { SubmissionKey } from "./submission-key.tsx";
import { ErrorSummary, Field, SelectField, type FieldErrors } from "./form.tsx";
import { LanguagesFieldset, text, type FormValues } from "./admin-fields.tsx";
import { localName } from "../i18n/names.ts";
import type { Locale } from "../i18n/types.ts";

export interface Option {
  value: string;
  label: string;
}

export function PersonForm({
  values,
  errors,
  formError,
  version,
  organizations,
  sites,
  organizationRequired,
  submitLabel,
}: {
  values?: FormValues;
  errors?: FieldErrors | null;
  formError?: string | null;
  version?: number;
  organizations: Option[];
  /** Labelled "Organization — Site": without JavaScript one list must stay readable. */
  sites: Option[];
  organizationRequired: boolean;
  submitLabel: string;
}) {
  const { t } = useT();
  const field = (name: string, label: string, extra: Partial<Parameters<typeof Field>[0]> = {}) => (
    <Field name={name} label={label} defaultValue={text(values, name)} errors={errors} {...extra} />
  );
  return (
    <Form method="post" className="stack" noValidate>
      <ErrorSummary errors={errors} formError={formError} />
      <input type="hidden" name="intent" value="save" />
      {/* An edit carries the version it was drawn from; a create, its submission key. */}
      {version !== undefined ? <input type="hidden" name="version" value={version} /> : <SubmissionKey />}
      {field("givenName", t("admin.person.givenName"), { required: true, autoComplete: "off" })}
      {field("familyName", t("admin.person.familyName"), { required: true, autoComplete: "off" })}
      {field("title", t("admin.person.title"), { hint: t("admin.person.titleHint") })}
      {field("email", t("admin.person.email"), { type: "email", inputMode: "email", autoComplete: "off", hint: t("admin.person.emailHint") })}
      {field("phone", t("admin.person.phone"), { type: "tel", inputMode: "tel", autoComplete: "off" })}
      <SelectField
        name="organizationId"
        label={t("admin.person.organization")}
        options={organizations}
        defaultValue={text(values, "organizationId")}
        errors={errors}
        required={organizationRequired}
      />
      <SelectField
        name="siteId"
        label={t("admin.person.site")}
        hint={t("admin.person.siteHint")}
        options={sites}
        defaultValue={text(values, "siteId")}
        errors={errors}
      />
      <LanguagesFieldset values={values} errors={errors} />
      <div className="actions">
        <button type="submit">{submitLabel}</button>
      </div>
    </Form>
  );
}

interface OptionSource {
  organizations: { id: string; nameFr: string; nameEn: string; acronym: string }[];
  sites: { id: string; name: string; organizationNameFr: string; organizationNameEn: string; organizationAcronym: string }[];
}

/** Select options in the reader's language; a site names its organization so one list suffices. */
export function personOptions(locale: Locale, source: OptionSource): { organizations: Option[]; sites: Option[] } {
  return {
    organizations: source.organizations.map((o) => ({
      value: o.id,
      label: localName(locale, o) + (o.acronym ? ` (${o.acronym})` : ""),
    })),
    sites: source.sites.map((s) => ({
      value: s.id,
      label: `${s.organizationAcronym || localName(locale, { nameFr: s.organizationNameFr, nameEn: s.organizationNameEn })} — ${s.name}`,
    })),
  };
}
