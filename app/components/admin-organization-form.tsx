import { useT } from "../i18n/use-t.ts";
import { SelectField } from "./form.tsx";
import { AdminForm, adminField, LanguagesFieldset, text, type AdminFormProps } from "./admin-fields.tsx";
import { organizationTypeList } from "./admin-vocabulary.tsx";

/** The full partner profile: who they are, what they do, how to reach them, who may sign up. */
export function OrganizationForm(props: AdminFormProps) {
  const { values, errors } = props;
  const { t } = useT();
  const field = adminField(values, errors);
  return (
    <AdminForm {...props}>
      <input type="hidden" name="intent" value="save" />
      <fieldset>
        <legend>{t("admin.organization.identity")}</legend>
        <SelectField
          name="type"
          label={t("admin.organization.type")}
          options={organizationTypeList.map((v) => ({ value: v, label: t(`orgType.${v}`) }))}
          defaultValue={text(values, "type")}
          errors={errors}
          required
        />
        {field("nameFr", t("admin.organization.nameFr"), { required: true })}
        {field("nameEn", t("admin.organization.nameEn"), { required: true })}
        {field("acronym", t("admin.organization.acronym"))}
      </fieldset>
      <fieldset>
        <legend>{t("admin.organization.profile")}</legend>
        {field("mission", t("admin.organization.mission"), { multiline: true })}
        {field("mandate", t("admin.organization.mandate"), { multiline: true })}
        {field("culture", t("admin.organization.culture"), { multiline: true, hint: t("admin.organization.cultureHint") })}
        {field("services", t("admin.organization.services"), { multiline: true })}
        {field("territory", t("admin.organization.territory"), { multiline: true })}
      </fieldset>
      <LanguagesFieldset values={values} errors={errors} />
      <fieldset>
        <legend>{t("admin.organization.contact")}</legend>
        {field("website", t("admin.organization.website"), { type: "url", inputMode: "url", hint: t("admin.organization.websiteHint") })}
        {field("phone", t("admin.organization.phone"), { type: "tel", inputMode: "tel" })}
        {field("emailDomains", t("admin.organization.emailDomains"), { hint: t("admin.organization.emailDomainsHint") })}
      </fieldset>
      <fieldset>
        <legend>{t("admin.organization.membership")}</legend>
        {field("joinedOn", t("admin.organization.joinedOn"), { type: "date" })}
        {field("leftOn", t("admin.organization.leftOn"), { type: "date" })}
      </fieldset>
    </AdminForm>
  );
}
