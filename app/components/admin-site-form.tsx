import { Form } from "react-router";
import { useT } from "../i18n/use-t.ts";
import { SubmissionKey } from "./submission-key.tsx";
import { ErrorSummary, Field, type FieldErrors } from "./form.tsx";
import { text, type FormValues } from "./admin-fields.tsx";

export function SiteForm({
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
  const field = (name: string, label: string, extra: Partial<Parameters<typeof Field>[0]> = {}) => (
    <Field name={name} label={label} defaultValue={text(values, name)} errors={errors} {...extra} />
  );
  return (
    <Form method="post" className="stack" noValidate>
      <ErrorSummary errors={errors} formError={formError} />
      {/* An edit carries the version it was drawn from; a create, its submission key. */}
      {version !== undefined ? <input type="hidden" name="version" value={version} /> : <SubmissionKey />}
      {field("name", t("admin.site.name"), { required: true })}
      {field("kind", t("admin.site.kind"), { hint: t("admin.site.kindHint") })}
      {field("address", t("admin.site.address"))}
      {field("municipality", t("admin.site.municipality"))}
      {field("territory", t("admin.site.territory"))}
      {field("phone", t("admin.site.phone"), { type: "tel", inputMode: "tel" })}
      <div className="actions">
        <button type="submit">{submitLabel}</button>
      </div>
    </Form>
  );
}
