import { Form } from "react-router";
import { ErrorSummary, Field, SelectField, type FieldErrors } from "../form.tsx";
import { SubmissionKey } from "../submission-key.tsx";
import { useT } from "../../i18n/use-t.ts";
import { localName } from "../../i18n/names.ts";
import type { MessageKey } from "../../i18n/catalog.ts";

export const MAPPABLE_ROLES = ["table_member", "pivot_coordinator", "pivot", "trainer", "observer", "evaluator", "privacy_officer", "worker"] as const;

export type ProviderFormValues = Record<string, string | string[] | undefined>;

function Checkbox({ name, label, hint, checked }: { name: string; label: string; hint: string; checked: boolean }) {
  return (
    <div className="field">
      <label>
        <input type="checkbox" name={name} defaultChecked={checked} aria-describedby={`field-${name}-hint`} /> {label}
      </label>
      <p className="hint" id={`field-${name}-hint`}>
        {hint}
      </p>
    </div>
  );
}

/**
 * The provider's form (new and edit). The client secret is never drawn back: on an edit the
 * field is "replace the secret", empty to keep the stored one.
 */
export function IdentityProviderForm({
  organizations,
  values,
  errors,
  formError,
  version,
  submitLabel,
}: {
  organizations: { id: string; nameFr: string; nameEn: string }[];
  values: ProviderFormValues;
  errors?: FieldErrors | null;
  formError?: string | null;
  version?: number;
  submitLabel: string;
}) {
  const { t, locale } = useT();
  const v = (name: string) => (typeof values[name] === "string" ? (values[name] as string) : "");
  const on = (name: string) => values[name] === "on";
  return (
    <Form method="post" className="stack" noValidate>
      <ErrorSummary errors={errors} formError={formError} />
      {version === undefined ? <SubmissionKey /> : <input type="hidden" name="version" value={version} />}
      <SelectField
        name="organizationId"
        label={t("sso.provider.organization")}
        required
        placeholder={t("sso.provider.chooseOrganization")}
        options={organizations.map((o) => ({ value: o.id, label: localName(locale, o) }))}
        defaultValue={v("organizationId")}
        errors={errors}
      />
      <Field name="issuer" type="url" label={t("sso.provider.issuer")} hint={t("sso.provider.issuerHint")} required defaultValue={v("issuer")} errors={errors} />
      <Field name="clientId" label={t("sso.provider.clientId")} required defaultValue={v("clientId")} errors={errors} autoComplete="off" />
      <Field
        name="clientSecret"
        type="password"
        label={version === undefined ? t("sso.provider.clientSecret") : t("sso.provider.replaceSecret")}
        hint={version === undefined ? t("sso.provider.clientSecretHint") : t("sso.provider.replaceSecretHint")}
        required={version === undefined}
        errors={errors}
        autoComplete="new-password"
      />
      <Field name="emailDomains" label={t("sso.provider.emailDomains")} hint={t("sso.provider.emailDomainsHint")} defaultValue={v("emailDomains")} errors={errors} />
      <Field name="roleClaim" label={t("sso.provider.roleClaim")} hint={t("sso.provider.roleClaimHint")} required defaultValue={v("roleClaim") || "groups"} errors={errors} />
      <Field
        name="roleMappings"
        multiline
        label={t("sso.provider.roleMappings")}
        hint={t("sso.provider.roleMappingsHint", { roles: MAPPABLE_ROLES.join(", ") })}
        defaultValue={v("roleMappings")}
        errors={errors}
      />
      <SelectField
        name="defaultRole"
        label={t("sso.provider.defaultRole")}
        hint={t("sso.provider.defaultRoleHint")}
        options={MAPPABLE_ROLES.map((r) => ({ value: r, label: t(`role.${r}` as MessageKey) }))}
        defaultValue={v("defaultRole")}
        errors={errors}
      />
      <Checkbox name="autoCreate" label={t("sso.provider.autoCreate")} hint={t("sso.provider.autoCreateHint")} checked={on("autoCreate")} />
      <Checkbox name="ssoOnly" label={t("sso.provider.ssoOnly")} hint={t("sso.provider.ssoOnlyHint")} checked={on("ssoOnly")} />
      <Checkbox name="enabled" label={t("sso.provider.enabled")} hint={t("sso.provider.enabledHint")} checked={on("enabled")} />
      <p className="actions">
        <button type="submit">{submitLabel}</button>
      </p>
    </Form>
  );
}
