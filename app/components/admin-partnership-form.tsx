import { Form } from "react-router";
import { useT } from "../i18n/use-t.ts";
import { SubmissionKey } from "./submission-key.tsx";
import { ErrorSummary, Field, type FieldErrors } from "./form.tsx";
import { text, type FormValues } from "./admin-fields.tsx";

export function PartnershipForm({
  values,
  errors,
  formError,
  version,
  submitLabel,
}: {
  values?: FormValues;
  errors?: FieldErrors | null;
  formError?: string | null;
  version?: number;
  submitLabel: string;
}) {
  const { t } = useT();
  return (
    <Form method="post" className="stack" noValidate>
      <ErrorSummary errors={errors} formError={formError} />
      {/* An edit carries the version it was drawn from; a create, its submission key. */}
      {version !== undefined ? <input type="hidden" name="version" value={version} /> : <SubmissionKey />}
      <Field name="nameFr" label={t("admin.partnership.nameFr")} defaultValue={text(values, "nameFr")} errors={errors} required />
      <Field name="nameEn" label={t("admin.partnership.nameEn")} defaultValue={text(values, "nameEn")} errors={errors} required />
      <Field
        name="slug"
        label={t("admin.partnership.slug")}
        hint={t("admin.partnership.slugHint")}
        defaultValue={text(values, "slug")}
        errors={errors}
        required
      />
      <Field name="region" label={t("admin.partnership.region")} defaultValue={text(values, "region")} errors={errors} />
      <Field
        name="dpjPhone"
        type="tel"
        label={t("admin.partnership.dpjPhone")}
        hint={t("admin.partnership.dpjPhoneHint")}
        defaultValue={text(values, "dpjPhone")}
        errors={errors}
      />
      <Field
        name="contactEmail"
        type="email"
        label={t("admin.partnership.contactEmail")}
        hint={t("admin.partnership.contactHint")}
        defaultValue={text(values, "contactEmail")}
        errors={errors}
      />
      <Field name="contactPhone" type="tel" label={t("admin.partnership.contactPhone")} defaultValue={text(values, "contactPhone")} errors={errors} />
      <Field name="foundedOn" type="date" label={t("admin.partnership.foundedOn")} defaultValue={text(values, "foundedOn")} errors={errors} />
      <div className="actions">
        <button type="submit">{submitLabel}</button>
      </div>
    </Form>
  );
}
