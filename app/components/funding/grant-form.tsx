import { Form } from "react-router";
import { ErrorSummary, Field, type FieldErrors } from "../form.tsx";
import { SubmissionKey } from "../submission-key.tsx";
import { useT } from "../../i18n/use-t.ts";

type Values = Record<string, string | string[] | undefined>;
const str = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

/**
 * The grant's own fields (funder, program, amount, period, conditions). `create`: the new grant
 * form (carries the submission key); otherwise the edit form, with the grant's `version`.
 */
export function GrantForm({ values, errors, formError, version, create }: { values: Values; errors?: FieldErrors; formError?: string; version?: number; create?: boolean }) {
  const { t } = useT();
  return (
    // Keyed by version: after a 409 the fields show the current grant.
    <Form method="post" className="stack" key={version ?? "new"}>
      <ErrorSummary errors={errors} formError={formError} />
      <input type="hidden" name="intent" value="grant" />
      {create ? <SubmissionKey /> : <input type="hidden" name="version" value={version ?? ""} />}
      <Field name="funder" label={t("funding.funder")} required defaultValue={str(values.funder)} errors={errors} />
      <Field name="program" label={t("funding.program")} defaultValue={str(values.program)} errors={errors} />
      <Field name="amount" label={t("funding.amountField")} required inputMode="numeric" defaultValue={str(values.amount)} errors={errors} />
      <Field name="startsOn" type="date" label={t("funding.startsOn")} required defaultValue={str(values.startsOn)} errors={errors} />
      <Field name="endsOn" type="date" label={t("funding.endsOn")} required defaultValue={str(values.endsOn)} errors={errors} />
      <Field name="conditions" label={t("funding.conditions")} multiline defaultValue={str(values.conditions)} errors={errors} />
      <p>
        <button type="submit">{t("funding.saveGrant")}</button>
      </p>
    </Form>
  );
}
